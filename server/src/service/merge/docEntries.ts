// A parsed file as what a merge works on: per document (a block, keyed by its
// id and how often the id came before), its passage lines and its rows, each
// row as an annotation with an identity (equal identities are the same
// annotation, however spaced) and a slot (two different annotations in one
// slot contradict each other: the same span, or the same pair of ids).

import type { ParsedFile, PubtatorDocument } from '../parse/model';

export interface RowEntry {
  line: number;
  kind: 'mention' | 'relation';
  /** The row's columns after the document id, trimmed, TAB-joined. */
  identity: string;
  /** Mentions: `M start end`; relations: `R` and the two ids, sorted. */
  slot: string;
}

export interface DocEntry {
  /** id, or id + NUL + occurrence for a later block with the same id. */
  key: string;
  id: string;
  startLine: number;
  endLine: number;
  /** Passage lines, in order. */
  headerLines: number[];
  /** The passages as written (the text the offsets count into, with markers). */
  header: string;
  rows: RowEntry[];
  /** Lines of the document that are neither passage nor row (malformed), kept as they are. */
  otherLines: number[];
}

const trimmed = (fields: { text: string }[]) => fields.map((f) => f.text.trim()).join('\t');

export function docEntries(file: ParsedFile, lines: readonly string[]): DocEntry[] {
  const seen = new Map<string, number>();
  return file.documents.map((doc) => {
    const n = seen.get(doc.id) ?? 0;
    seen.set(doc.id, n + 1);
    return entryOf(doc, n === 0 ? doc.id : `${doc.id}\u0000${n}`, lines);
  });
}

function entryOf(doc: PubtatorDocument, key: string, lines: readonly string[]): DocEntry {
  const rows: RowEntry[] = [];
  for (const m of doc.mentions) {
    const fields = [m.startField, m.endField, m.textField, ...(m.typeField ? [m.typeField] : []), ...(m.idField ? [m.idField] : []), ...m.extra];
    rows.push({ line: m.line, kind: 'mention', identity: trimmed(fields), slot: `M\t${m.startField.text.trim()}\t${m.endField.text.trim()}` });
  }
  for (const r of doc.relations) {
    const ids = r.idFields.slice(0, 2).map((f) => f.text.trim()).sort();
    rows.push({ line: r.line, kind: 'relation', identity: trimmed([r.typeField, ...r.idFields, ...r.extra]), slot: `R\t${ids.join('\t')}` });
  }
  rows.sort((a, b) => a.line - b.line);
  const headerLines = [...doc.passages, ...doc.latePassages].map((p) => p.line).sort((a, b) => a - b);
  const otherLines = doc.malformed.map((m) => m.line);
  return {
    key, id: doc.id, startLine: doc.startLine, endLine: doc.endLine, headerLines,
    header: headerLines.map((l) => stripCr(lines[l])).join('\n'), rows, otherLines,
  };
}

export function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** What a document says, whatever the order and spacing of its rows: for "changed since the base?". */
export function signature(d: DocEntry): string {
  return d.header + '\n' + d.rows.map((r) => r.identity).sort().join('\n');
}
