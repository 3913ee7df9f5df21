import type { DocumentCheck } from './check';
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
    for (const row of [...doc.mentions, ...doc.relations]) {
      if (row.pmid.text.trim() !== expected) {
        ctx.report('pmid-mismatch', fieldRange(row.line, row.pmid),
          `This ${row.kind} row has PMID ${quote(row.pmid.text)} but sits in document ${quote(expected)}; a blank line may be missing, or the PMID is wrong.`);
      }
    }
  },
};
