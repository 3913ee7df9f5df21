// Ranges of fields and rows, for diagnostics that point at what is wrong.

import type { Field, MentionRow, Row } from '../parse/model';
import type { Range } from '../types';
import { lineRange } from '../types';

export function fieldRange(line: number, f: Field): Range {
  return lineRange(line, f.start, f.end);
}

/** The whole row, from its first field to the end of its last. */
export function rowRange(row: Row): Range {
  if (row.kind === 'passage') return lineRange(row.line, row.docId.start, row.text.end);
  if (row.kind === 'malformed') {
    const last = row.fields[row.fields.length - 1];
    return lineRange(row.line, row.fields[0].start, last.end);
  }
  const last = row.kind === 'mention'
    ? (row.extra.length ? row.extra[row.extra.length - 1] : row.idField ?? row.typeField ?? row.textField)
    : (row.extra.length ? row.extra[row.extra.length - 1] : row.idFields[1]);
  return lineRange(row.line, row.pmid.start, last.end);
}

/** The start and end columns of a mention row together. */
export function offsetsRange(m: MentionRow): Range {
  return lineRange(m.line, m.startField.start, m.endField.end);
}

/** Quotes untrusted text for a message, showing invisible characters. */
export function quote(text: string, max = 80): string {
  const shown = text.length > max ? text.slice(0, max) + '…' : text;
  return JSON.stringify(shown);
}
