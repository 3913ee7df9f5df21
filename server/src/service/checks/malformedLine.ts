// Lines that are neither a passage nor a well-formed row, lines outside any
// document, and mention rows whose type column holds a concept id (a column
// went missing upstream). Git conflict markers are mergeConflict.ts's.

import type { MentionRow } from '../parse/model';
import type { Check, CheckContext } from './check';
import { fieldRange, quote, rowRange } from './ranges';
import { isKnownEntityType, looksLikeConceptId } from '../knowledge/entityTypes';

export const malformedLine: Check = {
  code: 'malformed-line',
  defaultSeverity: 'error',
  description: 'A line that is neither ID|t|text, ID|a|text, a mention row nor a relation row, or that has a column missing.',
  file(file, ctx) {
    for (const row of file.stray) {
      if (row.conflict) continue;
      ctx.report('malformed-line', rowRange(row), `This line ${row.reason} (and it comes before any document).`);
    }
  },
  document(doc, ctx) {
    for (const row of doc.malformed) {
      if (row.conflict) continue;
      // A row separated by spaces carries its TAB-separated form, for the quick fix (edits/tabsFix.ts).
      ctx.report('malformed-line', rowRange(row), `This line ${row.reason}.`, row.tabbed === undefined ? undefined : { data: { tabbed: row.tabbed } });
    }
    for (const m of doc.mentions) checkTypeColumn(m, ctx);
  },
};

function checkTypeColumn(m: MentionRow, ctx: CheckContext): void {
  const type = m.typeField;
  if (!type) return;
  if (type.text.trim() === '') {
    ctx.report('malformed-line', fieldRange(m.line, type), 'The entity type column is empty.');
  } else if (!isKnownEntityType(type.text) && looksLikeConceptId(type.text)) {
    ctx.report('malformed-line', fieldRange(m.line, type),
      `The entity type column holds ${quote(type.text)}, which looks like a concept id: the type column seems to be missing from this row.`);
  }
}
