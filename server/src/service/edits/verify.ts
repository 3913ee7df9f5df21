// Checks a fix before anyone is offered it: the document's lines are rebuilt
// from the parse (a row is its fields joined by TAB, exactly), the edits are
// applied to them, the result is parsed and checked again, and the fix is kept
// only when it leaves strictly fewer problems of its kind and no more problems
// in all. A fix that would claim more than it does is never shown.

import type { SeveritySettings } from '../checks/check';
import type { PubtatorDocument } from '../parse/model';
import { parsePubtator } from '../parse/parseFile';
import type { OffsetUnit } from '../types';
import { validateDocument } from '../validate';
import { rowAt } from '../features/locate';
import { applyEdits, rowText, type TextEdit } from './textEdit';

/** The document's lines as one text (line `doc.startLine` first), from the parse alone. */
export function documentSource(doc: PubtatorDocument): string {
  const lines: string[] = [];
  for (let line = doc.startLine; line <= doc.endLine; line++) {
    const row = rowAt(doc, line);
    lines.push(row ? rowText(row) : '');
  }
  return lines.join('\n');
}

export interface Counts {
  /** Problems of the code being fixed. */
  code: number;
  /** Problems of every code the user sees. */
  all: number;
}

/** Severities with `code` switched on whatever the user chose. */
function withCode(severities: SeveritySettings | undefined, code: string | undefined): SeveritySettings {
  const out: SeveritySettings = { ...severities };
  if (code !== undefined && out[code] === 'off') out[code] = 'error';
  return out;
}

/** Problems of a document text (possibly several documents after an edit), per code. */
function countByCode(text: string, firstLine: number, options: VerifyOptions): Map<string, number> {
  const file = parsePubtator(text, { firstLine, previousId: options.previousId });
  const counts = new Map<string, number>();
  if (file.stray.length) counts.set('malformed-line', file.stray.length);
  for (const doc of file.documents) {
    for (const d of validateDocument(file, doc, { unit: options.unit, severities: options.severities })) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  }
  return counts;
}

/**
 * The stricter test for fixes applied with no human to look (the command
 * line's --fix): fewer problems in all, and not one more of any code. A fix
 * that trades a problem for another (moving a span onto an identical
 * mention, which makes a duplicate) waits for a person.
 */
export function verifyStrictly(doc: PubtatorDocument, edits: readonly TextEdit[], options: VerifyOptions): boolean {
  const after = editedSource(doc, edits);
  if (after === undefined) return false;
  const before = countByCode(documentSource(doc), doc.startLine, options);
  const now = countByCode(after, doc.startLine, options);
  let fewer = false;
  for (const [code, n] of now) if (n > (before.get(code) ?? 0)) return false;
  for (const [code, n] of before) if ((now.get(code) ?? 0) < n) fewer = true;
  return fewer;
}

/** Counts the problems of a document text (possibly several documents after an edit). */
function countText(text: string, firstLine: number, previousId: string | undefined, code: string | undefined, unit: OffsetUnit, severities: SeveritySettings | undefined): Counts {
  const file = parsePubtator(text, { firstLine, previousId });
  const levels = withCode(severities, code);
  // Lines an edit pushed out of any document are malformed lines the user would see.
  let codeCount = code === 'malformed-line' ? file.stray.length : 0;
  let all = file.stray.length;
  for (const doc of file.documents) {
    for (const d of validateDocument(file, doc, { unit, severities: levels })) {
      if (d.code === code) codeCount++;
      all++;
    }
  }
  return { code: codeCount, all };
}

export interface VerifyOptions {
  unit: OffsetUnit;
  severities?: SeveritySettings;
  /** Id of the document before this one (NLM-Chem continuation blocks). */
  previousId?: string;
}

/** Counts of a document as it is. */
export function countsOf(doc: PubtatorDocument, code: string | undefined, options: VerifyOptions): Counts {
  return countText(documentSource(doc), doc.startLine, options.previousId, code, options.unit, options.severities);
}

/**
 * Whether `edits` (all inside `doc`'s lines) fix at least one problem of
 * `code` (or, with no code, of any kind) and add none overall. Edits that
 * reach outside the document fail.
 */
export function verifyFix(doc: PubtatorDocument, code: string | undefined, edits: readonly TextEdit[], options: VerifyOptions, before = countsOf(doc, code, options)): boolean {
  const after = editedSource(doc, edits);
  if (after === undefined) return false;
  const counts = countText(after, doc.startLine, options.previousId, code, options.unit, options.severities);
  return code === undefined ? counts.all < before.all : counts.code < before.code && counts.all <= before.all;
}

/** The document's source with `edits` applied; undefined when they reach outside it or overlap. */
function editedSource(doc: PubtatorDocument, edits: readonly TextEdit[]): string | undefined {
  if (edits.length === 0) return undefined;
  const shifted: TextEdit[] = [];
  for (const e of edits) {
    if (e.range.start.line < doc.startLine || e.range.end.line > doc.endLine + 1) return undefined;
    shifted.push({
      newText: e.newText.replace(/\r\n/g, '\n'),
      range: {
        start: { line: e.range.start.line - doc.startLine, character: e.range.start.character },
        end: { line: e.range.end.line - doc.startLine, character: e.range.end.character },
      },
    });
  }
  try {
    return applyEdits(documentSource(doc), shifted);
  } catch {
    return undefined; // overlapping edits
  }
}
