// Hover, go to definition and the outline of a BioC file: the PubTator
// features on its projection, asked at the projected position of the cursor,
// their ranges moved back onto the XML/JSON elements.

import { definition } from '../features/definition';
import { documentSymbols, type DocumentSymbol } from '../features/documentSymbols';
import { hover } from '../features/hover';
import type { FeatureOptions, Hover } from '../features/types';
import type { Position, Range } from '../types';
import type { BiocCheck } from './checkBioc';
import { projectedPosition, sourceOffset, sourceRange } from './sourceMap';

export function biocHover(view: BiocCheck, position: Position, options: FeatureOptions = {}): Hover | undefined {
  const at = projectedPosition(view.projection, view.index.offset(position));
  if (!at) return undefined;
  const own = hover(view.file, at, { ...options, unit: 'codepoint' });
  const concept = own ? undefined : conceptField(view, at);
  const h = own ?? (concept && hover(view.file, concept, { ...options, unit: 'codepoint' }));
  if (!h) return undefined;
  // The concept's hover, shown over the field the user pointed at.
  const pointed = concept ? fieldRange(view, at) : h.range;
  const range = pointed && sourceRange(view.projection, view.index, pointed);
  const contents = fileLines(h.contents, view);
  return range ? { contents, range } : { contents };
}

/**
 * An annotation's text or type says nothing of its own in PubTator's hover;
 * in BioC they are the annotation the user points at: tell its concept.
 */
function conceptField(view: BiocCheck, at: Position): Position | undefined {
  const line = view.projection.lines[at.line];
  if (!line || line.fields.length < 6) return undefined;
  const id = line.fields[5];
  return id.to > id.from ? { line: at.line, character: id.from } : undefined;
}

/** "lines 3–9" and "line 4" in a hover name lines of the projection: name the BioC file's lines instead. */
function fileLines(text: string, view: BiocCheck): string {
  const fileLine = (n: string, end: boolean) => {
    const line = view.projection.lines[Number(n) - 1];
    return line ? String(view.index.position(end ? line.src.end : line.src.start).line + 1) : n;
  };
  return text
    .replace(/\blines (\d+)–(\d+)/g, (_w, a: string, b: string) => `lines ${fileLine(a, false)}–${fileLine(b, true)}`)
    .replace(/\bline (\d+)\b/g, (_w, a: string) => `line ${fileLine(a, false)}`);
}

function fieldRange(view: BiocCheck, at: Position): Range | undefined {
  const f = view.projection.lines[at.line]?.fields.find((x) => at.character >= x.from && at.character <= x.to);
  return f && { start: { line: at.line, character: f.from }, end: { line: at.line, character: f.to } };
}

export function biocDefinition(view: BiocCheck, position: Position, options: FeatureOptions = {}): Range[] {
  const at = projectedPosition(view.projection, view.index.offset(position));
  if (!at) return [];
  return definition(view.file, at, { ...options, unit: 'codepoint' }).flatMap((r) => {
    const mapped = sourceRange(view.projection, view.index, r);
    return mapped ? [mapped] : [];
  });
}

export function biocDocumentSymbols(view: BiocCheck, options: FeatureOptions = {}): DocumentSymbol[] {
  return documentSymbols(view.file, { ...options, unit: 'codepoint' }).map((s) => moveSymbol(view, s));
}

function moveSymbol(view: BiocCheck, s: DocumentSymbol): DocumentSymbol {
  const selection = sourceRange(view.projection, view.index, s.selectionRange) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  let range = span(view, s.range) ?? selection;
  // An editor requires the selection inside the range.
  if (before(selection.start, range.start) || before(range.end, selection.end)) {
    range = { start: before(selection.start, range.start) ? selection.start : range.start, end: before(range.end, selection.end) ? selection.end : range.end };
  }
  const out: DocumentSymbol = { ...s, range, selectionRange: selection };
  if (s.children) out.children = s.children.map((c) => moveSymbol(view, c));
  return out;
}

/** A range over several projected lines: from the first line's element to the last line's. */
function span(view: BiocCheck, r: Range): Range | undefined {
  if (r.start.line === r.end.line) return sourceRange(view.projection, view.index, r);
  let startLine = r.start.line;
  while (startLine <= r.end.line && !view.projection.lines[startLine]) startLine++;
  let endLine = r.end.line;
  while (endLine >= startLine && !view.projection.lines[endLine]) endLine--;
  if (endLine < startLine) return undefined;
  const start = view.projection.lines[startLine]!.src.start;
  const end = view.projection.lines[endLine]!.src.end;
  const s = Math.min(start, end);
  const e = Math.max(start, end, sourceOffset(view.projection, { line: startLine, character: 0 }, true) ?? 0);
  return view.index.range({ start: s, end: e });
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
