// A file that is not UTF-8 (Latin-1, Windows-1252): whoever read it (the
// editor, the command line) replaced each invalid byte by U+FFFD, and every
// later check would otherwise report the damage as span mismatches. One error
// for the file, at its first invalid byte: that is the cause to fix.
// A real U+FFFD in a UTF-8 file is itself a byte lost upstream: same message.

import type { DocumentCheck } from './check';
import type { Field, PubtatorDocument } from '../parse/model';
import { reportRows } from './settleRows';
import type { Range } from '../types';
import { lineRange } from '../types';

const REPLACEMENT = '\ufffd';

export const notUtf8: DocumentCheck = {
  code: 'not-utf8',
  defaultSeverity: 'error',
  description: 'The file is not valid UTF-8 (Latin-1 or Windows-1252, say): its invalid bytes were read as U+FFFD. Reported once, at the first.',
  holds: ['not-utf8'],
  settles: ['not-utf8'],
  document(doc, ctx) {
    const at = firstReplacement(doc);
    if (at) ctx.hold('not-utf8', '', () => ({ range: at, data: { id: doc.id } }));
  },
  settle(ctx) {
    for (const group of ctx.groups('not-utf8')) {
      const { line, character } = group.first.range.start;
      const where = `line ${line + 1}, column ${character + 1}`;
      reportRows(ctx, 'not-utf8', group, () => ({ message: '' }), (n) =>
        `This file is not valid UTF-8: the first invalid byte is here (${where}), read as U+FFFD${n > 1 ? `, and ${n} documents have such bytes` : ''}. `
        + 'It is probably in another encoding (Latin-1 or Windows-1252): convert it to UTF-8 (iconv -f latin1 -t utf-8), or reopen it with its encoding.',
        true);
    }
  },
};

/** The first U+FFFD of a document's lines, or undefined (a quick scan of its text first, when it has one). */
export function firstReplacement(doc: PubtatorDocument): Range | undefined {
  const raw = (doc as { raw?: { text: string; start: number; end: number } }).raw;
  // Only the document's own text is searched: indexOf from its start alone runs to the end of the whole
  // text when the document has no U+FFFD, for every document (quadratic in the file; a text with any
  // character past Latin-1 is a two-byte string, with no quick "absent" answer). A slice is not a copy.
  if (raw && raw.text.slice(raw.start, raw.end).indexOf(REPLACEMENT) < 0) return undefined;
  let best: { line: number; character: number } | undefined;
  const look = (line: number, fields: readonly (Field | undefined)[]) => {
    if (best && best.line < line) return;
    for (const f of fields) {
      const i = f ? f.text.indexOf(REPLACEMENT) : -1;
      if (i < 0) continue;
      const character = f!.start + i;
      if (!best || line < best.line || character < best.character) best = { line, character };
    }
  };
  for (const p of [...doc.passages, ...doc.latePassages]) look(p.line, [p.docId, p.marker, p.text]);
  for (const m of doc.mentions) look(m.line, [m.pmid, m.startField, m.endField, m.textField, m.typeField, m.idField, ...m.extra]);
  for (const r of doc.relations) look(r.line, [r.pmid, r.typeField, ...r.idFields, ...r.extra]);
  for (const m of doc.malformed) look(m.line, m.fields);
  return best && lineRange(best.line, best.character, best.character + 1);
}
