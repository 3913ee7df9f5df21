import type { CheckContext, DocumentCheck } from './check';
import type { MentionRow, RelationRow } from '../parse/model';
import { fieldRange, quote } from './ranges';

export const pmidMismatch: DocumentCheck = {
  code: 'pmid-mismatch',
  defaultSeverity: 'error',
  description: "A line's PMID differs from the PMID of the document it sits in.",
  document(doc, ctx) {
    const expected = doc.id;
    for (const p of doc.passages) {
      if (p.docId.text !== expected) {
        ctx.report('pmid-mismatch', fieldRange(p.line, p.docId),
          `This |${p.marker.text}| line has PMID ${quote(p.docId.text)} but its document is ${quote(expected)}.`);
      }
    }
    // Two loops, not one over a spread copy of both lists: no array per document.
    for (const row of doc.mentions) checkRow(row, expected, ctx);
    for (const row of doc.relations) checkRow(row, expected, ctx);
  },
};

function checkRow(row: MentionRow | RelationRow, expected: string, ctx: CheckContext): void {
  if (row.pmid.text.trim() !== expected) {
    ctx.report('pmid-mismatch', fieldRange(row.line, row.pmid),
      `This ${row.kind} row has PMID ${quote(row.pmid.text)} but sits in document ${quote(expected)}; a blank line may be missing, or the PMID is wrong.`);
  }
}
