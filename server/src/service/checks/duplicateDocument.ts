import type { Check } from './check';
import type { DocumentFact } from '../analysis/fileFacts';
import type { Range } from '../types';
import { lineRange } from '../types';

/** The document id at the start of its first line; a byte-order mark shifts line 0 by one character. */
function idRange(id: string, line: number, bom: boolean): Range {
  const base = bom && line === 0 ? 1 : 0;
  return lineRange(line, base, base + id.length);
}

export const duplicateDocument: Check = {
  code: 'duplicate-document',
  defaultSeverity: 'warning',
  description: 'The same PMID heads two separate documents of a file (consecutive blocks of one id, as NLM-Chem writes passages, are not flagged).',
  acrossFile: {
    chunk(chunk, file, report) {
      const bom = file.bom || chunk.bom;
      // Ids first met in this chunk; earlier chunks' are in file.firstLines.
      const here = new Map<string, DocumentFact>();
      chunk.documents.forEach((doc, i) => {
        const firstLine = file.firstLines.get(doc.id) ?? here.get(doc.id)?.line;
        if (firstLine === undefined) {
          here.set(doc.id, doc);
        } else if (!file.continues(chunk, i)) {
          report('duplicate-document', idRange(doc.id, doc.line, bom),
            `Document ${doc.id} already appears at line ${firstLine + 1}; the same PMID twice in one file is usually a merge mistake.`,
            { related: [{ range: idRange(doc.id, firstLine, bom), message: 'First occurrence' }] });
        }
      });
    },
  },
};
