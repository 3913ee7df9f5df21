// Smart select: from what is under the cursor outwards. In the title or
// abstract: the mention spans covering the cursor (innermost first), then the
// passage text; in a row: the part of a composite id, the field; then the
// whole row, the block of mention or relation rows, the document. Each range
// strictly contains the one before (the editor rejects anything else).

import { analyseDocument } from '../analysis/analyseDocument';
import { rangesOfSpan } from '../parse/documentText';
import type { ParsedFile } from '../parse/model';
import type { Position, Range } from '../types';
import { documentShape } from './documentShape';
import { atomRange, documentAt, fieldRangeOf, locate, rowAt } from './locate';
import { documentRange, rowRange } from './rowRanges';
import { range as makeRange } from '../types';
import type { FeatureOptions } from './types';

export interface SelectionRange {
  range: Range;
  parent?: SelectionRange;
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function contains(outer: Range, inner: Range): boolean {
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

function same(a: Range, b: Range): boolean {
  return contains(a, b) && contains(b, a);
}

function isPosition(p: unknown): p is Position {
  if (typeof p !== 'object' || p === null) return false;
  const { line, character } = p as Position;
  return Number.isSafeInteger(line) && Number.isSafeInteger(character) && line >= 0 && character >= 0;
}

/** Ranges around a position, innermost first (not yet filtered). */
function candidates(file: ParsedFile, p: Position, options: FeatureOptions): Range[] {
  const out: Range[] = [];
  const t = locate(file, p);
  const doc = t?.doc ?? documentAt(file, p.line);
  if (!doc) return out;
  if (t?.kind === 'passageText') {
    const k = doc.passages.indexOf(t.row);
    const index = doc.passageStarts[k] + Math.min(p.character - t.field.start, t.field.text.length);
    const spans = analyseDocument(doc, options.unit ?? 'codepoint').spans
      .filter((c) => c.span && c.span.start <= index && index < c.span.end)
      .map((c) => c.span!)
      .sort((a, b) => (a.end - a.start) - (b.end - b.start));
    for (const s of spans) {
      const r = rangesOfSpan(doc, s.start, s.end).find((x) => x.start.line === p.line);
      if (r) out.push(r);
    }
  }
  if ((t?.kind === 'mentionId' || t?.kind === 'relationId') && t.atom && t.ref.atoms.length > 1) out.push(atomRange(t.line, t.field, t.atom));
  if (t) out.push(fieldRangeOf(t.line, t.field));
  const row = rowAt(doc, p.line);
  if (row) out.push(rowRange(row));
  const block = documentShape(doc).blocks.find((b) => b.startLine <= p.line && p.line <= b.endLine);
  if (block) out.push(makeRange(block.startLine, 0, block.endLine, block.endCharacter));
  out.push(documentRange(doc));
  return out;
}

export function selectionRanges(file: ParsedFile, positions: readonly Position[], options: FeatureOptions = {}): SelectionRange[] {
  if (!Array.isArray(positions)) return [];
  return positions.map((p) => {
    const at = isPosition(p) ? p : { line: 0, character: 0 };
    const here: Range = { start: at, end: at };
    let chain: SelectionRange | undefined;
    const ranges = isPosition(p) ? candidates(file, p, options) : [];
    // The innermost range must hold the cursor; each next one must hold the last.
    let last = here;
    const kept: Range[] = [];
    for (const r of ranges) {
      if (contains(r, last) && !same(r, last)) {
        kept.push(r);
        last = r;
      }
    }
    for (let i = kept.length - 1; i >= 0; i--) chain = { range: kept[i], parent: chain };
    return chain ?? { range: here };
  });
}
