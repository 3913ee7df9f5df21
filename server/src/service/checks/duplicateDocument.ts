import type { PubtatorDocument } from '../parse/model';
import type { FileCheck } from './check';
import { fieldRange, rowRange } from './ranges';

export const duplicateDocument: FileCheck = {
  scope: 'file',
  code: 'duplicate-document',
  defaultSeverity: 'warning',
  description: 'The same PMID heads two separate documents of a file (consecutive blocks of one id, as NLM-Chem writes passages, are not flagged).',
  run(file, ctx) {
    const seen = new Map<string, PubtatorDocument>();
    for (const doc of file.documents) {
      const first = seen.get(doc.id);
      if (first && !doc.continuesPrevious) {
        const head = doc.title ?? doc.passages[0];
        const range = head ? fieldRange(head.line, head.docId) : rowRange(doc.mentions[0] ?? doc.relations[0]);
        ctx.report('duplicate-document', range,
          `Document ${doc.id} already appears at line ${first.startLine + 1}; the same PMID twice in one file is usually a merge mistake.`,
          { related: [{ range: { start: { line: first.startLine, character: 0 }, end: { line: first.startLine, character: doc.id.length } }, message: 'First occurrence' }] });
      } else if (!first) {
        seen.set(doc.id, doc);
      }
    }
  },
};
