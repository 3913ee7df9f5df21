// What is under a position: the document (binary search over the documents'
// line ranges), the row (a per-document line -> row table, built on first use
// and cached), then the field and, in an id field, the concept atom. Each
// request costs O(log documents) plus the first visit's O(rows of one document).
// Only the document under the cursor is parsed (documents parse lazily).

import type { ConceptAtom, ConceptRef } from '../parse/conceptIds';
import {
  cached, type Field, type MalformedLine, type MentionRow, type ParsedFile, type PassageLine, type PubtatorDocument,
  type RelationRow, type Row,
} from '../parse/model';
import type { Position, Range } from '../types';
import { lineRange } from '../types';
import { firstEndingAtOrAfter } from '../parse/documentSearch';

interface Base {
  doc: PubtatorDocument;
  line: number;
  field: Field;
}

export type Target =
  | Base & { kind: 'pmid'; row: PassageLine | MentionRow | RelationRow }
  | Base & { kind: 'passageMarker' | 'passageText'; row: PassageLine }
  | Base & { kind: 'offset'; row: MentionRow; which: 'start' | 'end' }
  | Base & { kind: 'mentionText' | 'mentionType' | 'mentionExtra'; row: MentionRow }
  | Base & { kind: 'mentionId'; row: MentionRow; ref: ConceptRef; atom?: ConceptAtom }
  | Base & { kind: 'relationType' | 'relationExtra'; row: RelationRow }
  | Base & { kind: 'relationId'; row: RelationRow; index: 0 | 1; ref: ConceptRef; atom?: ConceptAtom }
  | Base & { kind: 'malformed'; row: MalformedLine };

export type TargetKind = Target['kind'];

/** The document whose line range holds `line`, by binary search. */
export function documentAt(file: ParsedFile, line: number): PubtatorDocument | undefined {
  const d = file.documents[firstEndingAtOrAfter(file.documents, line)];
  return d && d.startLine <= line ? d : undefined;
}

const ROWS = {};

/**
 * The row on `line` of a document (its lines are contiguous: a blank line ends
 * a document). The table lives in the document's cache, so it goes when the
 * document releases its rows.
 */
export function rowAt(doc: PubtatorDocument, line: number): Row | undefined {
  const table = cached(doc, ROWS, () => {
    const rows = new Array<Row | undefined>(Math.max(0, doc.endLine - doc.startLine + 1));
    const put = (r: Row) => {
      const i = r.line - doc.startLine;
      if (i >= 0 && i < rows.length) rows[i] = r;
    };
    doc.passages.forEach(put);
    doc.mentions.forEach(put);
    doc.relations.forEach(put);
    doc.malformed.forEach(put);
    return rows;
  });
  return table[line - doc.startLine];
}

/**
 * The field under `character`. A cursor just past a field's last character
 * (on the TAB or `|` after it, or at the end of the line) still counts as on
 * that field, as editors treat the end of a word.
 */
function fieldAt(fields: Field[], character: number): number {
  // Fields never touch (a TAB or `|` parts them), so at most one matches.
  for (let i = 0; i < fields.length; i++) {
    if (character >= fields[i].start && character <= fields[i].end) return i;
  }
  return -1;
}

/** The atom of an id under `offset` (inside the field), else the nearest one. */
export function atomAt(ref: ConceptRef, offset: number): ConceptAtom | undefined {
  let best: ConceptAtom | undefined;
  let bestDistance = Infinity;
  for (const a of ref.atoms) {
    if (offset >= a.start && offset < a.end) return a;
    const distance = offset < a.start ? a.start - offset : offset - a.end;
    if (distance < bestDistance) {
      best = a;
      bestDistance = distance;
    }
  }
  return best;
}

function isPosition(p: unknown): p is Position {
  if (typeof p !== 'object' || p === null) return false;
  const { line, character } = p as Position;
  return Number.isSafeInteger(line) && Number.isSafeInteger(character) && line >= 0 && character >= 0;
}

/** What the cursor is on, or undefined (blank line, stray line, past the end of a line). */
export function locate(file: ParsedFile, position: Position): Target | undefined {
  if (!isPosition(position)) return undefined;
  const { line, character } = position;
  const doc = documentAt(file, line);
  if (!doc) return undefined;
  const row = rowAt(doc, line);
  if (!row) return undefined;
  switch (row.kind) {
    case 'passage': {
      const i = fieldAt([row.docId, row.marker, row.text], character);
      if (i < 0) return undefined;
      const base = { doc, line, row };
      if (i === 0) return { ...base, kind: 'pmid', field: row.docId };
      return i === 1 ? { ...base, kind: 'passageMarker', field: row.marker } : { ...base, kind: 'passageText', field: row.text };
    }
    case 'mention': {
      const fields = [row.pmid, row.startField, row.endField, row.textField];
      if (row.typeField) fields.push(row.typeField);
      if (row.idField) fields.push(row.idField);
      const i = fieldAt([...fields, ...row.extra], character);
      if (i < 0) return undefined;
      const field = i < fields.length ? fields[i] : row.extra[i - fields.length];
      const base = { doc, line, row, field };
      if (field === row.pmid) return { ...base, kind: 'pmid' };
      if (field === row.startField) return { ...base, kind: 'offset', which: 'start' };
      if (field === row.endField) return { ...base, kind: 'offset', which: 'end' };
      if (field === row.textField) return { ...base, kind: 'mentionText' };
      if (field === row.typeField) return { ...base, kind: 'mentionType' };
      if (field === row.idField) {
        return { ...base, kind: 'mentionId', ref: row.concept, atom: atomAt(row.concept, character - field.start) };
      }
      return { ...base, kind: 'mentionExtra' };
    }
    case 'relation': {
      const fields = [row.pmid, row.typeField, row.idFields[0], row.idFields[1], ...row.extra];
      const i = fieldAt(fields, character);
      if (i < 0) return undefined;
      const base = { doc, line, row, field: fields[i] };
      if (i === 0) return { ...base, kind: 'pmid' };
      if (i === 1) return { ...base, kind: 'relationType' };
      if (i === 2 || i === 3) {
        const index = i === 2 ? 0 : 1;
        const ref = row.concepts[index];
        return { ...base, kind: 'relationId', index, ref, atom: atomAt(ref, character - fields[i].start) };
      }
      return { ...base, kind: 'relationExtra' };
    }
    case 'malformed': {
      const i = fieldAt(row.fields, character);
      return i < 0 ? undefined : { doc, line, row, field: row.fields[i], kind: 'malformed' };
    }
  }
}

/** The editor range of a field on its line. */
export function fieldRangeOf(line: number, f: Field): Range {
  return lineRange(line, f.start, f.end);
}

/** The editor range of an atom inside an id field. */
export function atomRange(line: number, f: Field, a: ConceptAtom): Range {
  return lineRange(line, f.start + a.start, f.start + a.end);
}
