// Lines that are neither a passage nor a well-formed row, lines outside any
// document, git conflicts (one problem per conflict, not one per marker line), and mention rows whose type column holds a concept id (a column
// went missing upstream).

import type { MalformedLine, MentionRow } from '../parse/model';
import type { Check, CheckContext } from './check';
import { fieldRange, quote, rowRange } from './ranges';
import { isKnownEntityType, looksLikeConceptId } from '../knowledge/entityTypes';

export const malformedLine: Check = {
  code: 'malformed-line',
  defaultSeverity: 'error',
  description: 'A line that is neither ID|t|text, ID|a|text, a mention row nor a relation row, or that has a column missing.',
  file(file, ctx) {
    for (const row of file.stray) {
      if (row.conflict) {
        reportConflict(row, ctx);
        continue;
      }
      ctx.report('malformed-line', rowRange(row), `This line ${row.reason} (and it comes before any document).`);
    }
  },
  document(doc, ctx) {
    for (const row of doc.malformed) {
      if (row.conflict) reportConflict(row, ctx);
      // A row separated by spaces carries its TAB-separated form, for the quick fix (edits/tabsFix.ts).
      else ctx.report('malformed-line', rowRange(row), `This line ${row.reason}.`, row.tabbed === undefined ? undefined : { data: { tabbed: row.tabbed } });
    }
    for (const m of doc.mentions) checkTypeColumn(m, ctx);
  },
};

/** A conflict left by a merge: one problem, on the line that opens it; its other marker lines say nothing more. */
function reportConflict(row: MalformedLine, ctx: CheckContext): void {
  if (row.conflict !== '<') return;
  ctx.report('malformed-line', rowRange(row),
    'Unresolved merge conflict: the rows from here to the ======= line are one side\'s, those after it up to the >>>>>>> line the other\'s. '
    + 'Keep the rows you want and delete the marker lines.');
}

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
