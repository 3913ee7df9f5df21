import type { PubtatorDocument } from '../parse/model';
import type { Check } from './check';
import type { Range } from '../types';
import { lineRange } from '../types';

/** The document id at the start of its first line (reads no rows). */
function idRange(doc: PubtatorDocument, bomLine: number | undefined): Range {
  const base = doc.startLine === bomLine ? 1 : 0;
  return lineRange(doc.startLine, base, base + doc.id.length);
}

export const duplicateDocument: Check = {
  code: 'duplicate-document',
  defaultSeverity: 'warning',
  description: 'The same PMID heads two separate documents of a file (consecutive blocks of one id, as NLM-Chem writes passages, are not flagged).',
  file(file, ctx) {
    // A byte-order mark sits on line 0 and shifts that line by one character.
    const bomLine = file.bom ? 0 : undefined;
    const seen = new Map<string, PubtatorDocument>();
    for (const doc of file.documents) {
      const first = seen.get(doc.id);
      if (!first) {
        seen.set(doc.id, doc);
      } else if (!doc.continuesPrevious) {
        ctx.report('duplicate-document', idRange(doc, bomLine),
          `Document ${doc.id} already appears at line ${first.startLine + 1}; the same PMID twice in one file is usually a merge mistake.`,
          { related: [{ range: idRange(first, bomLine), message: 'First occurrence' }] });
      }
    }
  },
};
