// Editor ranges of whole rows and documents, from the fields the parser kept:
// a row ends where its last field ends (a trailing CR or BOM is not part of
// any field, so it is never inside a range).

import type { Field, PubtatorDocument, Row } from '../parse/model';
import type { Range } from '../types';
import { lineRange, range } from '../types';
import { rowAt } from './locate';

function lastField(row: Row): Field | undefined {
  switch (row.kind) {
    case 'passage':
      return row.text;
    case 'mention':
      return row.extra[row.extra.length - 1] ?? row.idField ?? row.typeField ?? row.textField;
    case 'relation':
      return row.extra[row.extra.length - 1] ?? row.idFields[1];
    case 'malformed':
      return row.fields[row.fields.length - 1];
  }
}

/** Where the row's first field starts (after a byte-order mark on the first line). */
function firstField(row: Row): Field | undefined {
  switch (row.kind) {
    case 'passage':
      return row.docId;
    case 'mention':
    case 'relation':
      return row.pmid;
    case 'malformed':
      return row.fields[0];
  }
}

/** The whole line of a row. */
export function rowRange(row: Row): Range {
  return lineRange(row.line, firstField(row)?.start ?? 0, lastField(row)?.end ?? 0);
}

/** From the start of the document's first line to the end of its last. */
export function documentRange(doc: PubtatorDocument): Range {
  const last = rowAt(doc, doc.endLine);
  return range(doc.startLine, 0, doc.endLine, last ? rowRange(last).end.character : 0);
}
