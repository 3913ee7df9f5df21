// Helpers for the editing tests: apply edits as an LSP client would, count
// problems, and compare the rows an edit did not mean to change.

import assert from 'node:assert/strict';
import { createLanguageService, type CodeAction, type TextEdit } from '../../../server/src/service/languageService';
import { applyEdits, linesOf } from '../../../server/src/service/edits/textEdit';
import type { Diagnostic, OffsetUnit } from '../../../server/src/service/types';
import type { ParsedFile } from '../../../server/src/service/parse/model';

export const service = createLanguageService();
export { applyEdits };

export function diagnostics(text: string, unit: OffsetUnit = 'codepoint'): Diagnostic[] {
  return service.validate(service.parse(text), { unit });
}

export function count(text: string, code: string, unit: OffsetUnit = 'codepoint'): number {
  return diagnostics(text, unit).filter((d) => d.code === code).length;
}

/** The quick fixes the service offers for one of its own diagnostics. */
export function fixesFor(text: string, d: Diagnostic, unit: OffsetUnit = 'codepoint'): CodeAction[] {
  return service.codeActions(service.parse(text), { range: d.range, diagnostics: [d] }, { unit })
    .filter((a) => a.diagnostics.includes(0) && !a.title.startsWith('Fix all'));
}

/** The first diagnostic of a code (fails when there is none). */
export function first(text: string, code: string, unit: OffsetUnit = 'codepoint'): Diagnostic {
  const d = diagnostics(text, unit).find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${JSON.stringify(diagnostics(text, unit).map((x) => x.code))}`);
  return d;
}

function multiset(lines: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const l of lines) m.set(l, (m.get(l) ?? 0) + 1);
  return m;
}

/**
 * Asserts that every line the edits do not touch is still in the result,
 * byte for byte, as often as before, and that only the touched lines changed
 * (deleted ones are gone; the others are still one line each).
 */
export function assertUnrelatedRowsKept(before: string, after: string, edits: readonly TextEdit[]): void {
  const touched = new Set(edits.flatMap(linesOf));
  // Line breaks each edit removes (an edit may delete several adjacent rows at once) and adds.
  const deleted = edits.reduce((n, e) => n + e.range.end.line - e.range.start.line, 0);
  const inserted = edits.reduce((n, e) => n + (e.newText.match(/\n/g)?.length ?? 0), 0);
  const old = before.split('\n');
  const kept = old.filter((_, i) => !touched.has(i));
  const now = multiset(after.split('\n'));
  for (const [line, n] of multiset(kept)) {
    assert.ok((now.get(line) ?? 0) >= n, `line ${JSON.stringify(line)} was changed or lost`);
  }
  assert.equal(after.split('\n').length, old.length - deleted + inserted, 'only the touched lines changed');
}

/** What formatting must keep: per document, its id, text, and rows as multisets. */
export function parseSummary(file: ParsedFile): string[] {
  return file.documents.map((d) => {
    const mentions = d.mentions.map((m) => [m.pmid.text, m.startField.text, m.endField.text, m.textField.text, m.typeField?.text.trim(), m.concept.raw.trim(), ...m.extra.map((e) => e.text)].join('\t')).sort();
    const relations = d.relations.map((r) => [r.pmid.text, r.typeField.text.trim(), ...r.idFields.map((f) => f.text.trim()), ...r.extra.map((e) => e.text.trim())].join('\t')).sort();
    const malformed = d.malformed.map((m) => m.fields.map((f) => f.text).join('\t')).sort();
    return JSON.stringify({ id: d.id, text: d.text, mentions, relations, malformed, late: d.latePassages.length });
  });
}

/** Problems as code plus the row they sit on, independent of line numbers. */
/** Notes said once for the file, at the first of the rows they count (which row that is moves when rows are sorted). */
const ONCE_FOR_THE_FILE = new Set(['text-mismatch-minor', 'normalised-text-column']);

export function problemSummary(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const summarises = (d: { code?: string | number; data?: unknown }) => ONCE_FOR_THE_FILE.has(String(d.code))
    || (typeof d.data === 'object' && d.data !== null && ('rows' in d.data || 'everyRelation' in d.data));
  return diagnostics(text).map((d) => (summarises(d) ? `${d.code}\t(the file)` : `${d.code}\t${lines[d.range.start.line]?.replace(/ +$/, '')}`)).sort();
}
