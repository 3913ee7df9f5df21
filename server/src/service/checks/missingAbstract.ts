import type { DocumentCheck } from './check';
import { rowRange } from './ranges';

export const missingAbstract: DocumentCheck = {
  code: 'missing-abstract',
  defaultSeverity: 'warning',
  description: 'A document has a title but no ID|a| line (an empty abstract is written ID|a| with nothing after).',
  document(doc, ctx) {
    if (doc.abstract || !doc.title) return;
    ctx.report('missing-abstract', rowRange(doc.title),
      `Document ${doc.id} has no abstract line (ID|a|…); offsets are counted as if it were empty.`);
  },
};
