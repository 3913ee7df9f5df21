// A parsed file as what a merge works on: per document (a block, keyed by its
// id and how often the id came before), its passage lines and its rows, each
// row as an annotation with an identity (equal identities are the same
// annotation, however spaced) and a slot (two different annotations in one
// slot contradict each other: the same span, or the same pair of ids). Ids
// are compared by what they name (`MESH:D001241` is `D001241`), not as spelled.

import type { ConceptRef } from '../parse/conceptIds';
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

/** An id as the concepts it names: each part by its normalised key, the separators as written. */
function idKey(text: string, ref: ConceptRef): string {
  if (ref.none) return '-'; // `-1`, `-` and an empty id all say "no concept"
  if (!ref.atoms.length) return text.trim();
  let out = '';
  let at = 0;
  for (const a of ref.atoms) {
    out += text.slice(at, a.start) + a.key;
    at = a.end;
  }
  return (out + text.slice(at)).trim();
}

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
    const fields = [m.startField, m.endField, m.textField, ...(m.typeField ? [m.typeField] : []), ...(m.idField ? [{ text: idKey(m.idField.text, m.concept) }] : []), ...m.extra];
    rows.push({ line: m.line, kind: 'mention', identity: trimmed(fields), slot: `M\t${m.startField.text.trim()}\t${m.endField.text.trim()}` });
  }
  for (const r of doc.relations) {
    const idTexts = r.idFields.map((f, i) => ({ text: r.concepts[i] ? idKey(f.text, r.concepts[i]) : f.text }));
    const ids = idTexts.slice(0, 2).map((f) => f.text.trim()).sort();
    rows.push({ line: r.line, kind: 'relation', identity: trimmed([r.typeField, ...idTexts, ...r.extra]), slot: `R\t${ids.join('\t')}` });
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
