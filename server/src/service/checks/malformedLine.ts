// Lines that are neither a passage nor a well-formed row, lines outside any
// document, and mention rows whose type column holds a concept id (a column
// went missing upstream).

import type { MalformedLine, MentionRow } from '../parse/model';
import type { FileCheck } from './check';
import { fieldRange, quote, rowRange } from './ranges';
import { looksLikeConceptId } from '../knowledge/entityTypes';


export const malformedLine: FileCheck = {
  scope: 'file',
  code: 'malformed-line',
  defaultSeverity: 'error',
  description: 'A line that is neither ID|t|text, ID|a|text, a mention row nor a relation row, or that has a column missing.',
  run(file, ctx) {
    const report = (row: MalformedLine, where: string) =>
      ctx.report('malformed-line', rowRange(row), `This line ${row.reason}${where}.`);
    for (const row of file.stray) report(row, ' (and it comes before any document)');
    for (const doc of file.documents) {
      for (const row of doc.malformed) report(row, '');
      for (const m of doc.mentions) checkTypeColumn(m, ctx.report);
    }
  },
};

function checkTypeColumn(m: MentionRow, report: Parameters<FileCheck['run']>[1]['report']): void {
  const type = m.typeField;
  if (!type) return;
  if (type.text.trim() === '') {
    report('malformed-line', fieldRange(m.line, type), 'The entity type column is empty.');
  } else if (looksLikeConceptId(type.text)) {
    report('malformed-line', fieldRange(m.line, type),
      `The entity type column holds ${quote(type.text)}, which looks like a concept id: the type column seems to be missing from this row.`);
  }
}
