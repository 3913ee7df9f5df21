import type { DocumentCheck } from './check';
import { rowRange } from './ranges';

export const misplacedPassage: DocumentCheck = {
  code: 'misplaced-passage',
  defaultSeverity: 'warning',
  description: 'The abstract line comes after annotation rows of its document instead of right after the title.',
  document(doc, ctx) {
    for (const p of doc.latePassages) {
      ctx.report('misplaced-passage', rowRange(p),
        `The |${p.marker.text}| line of document ${doc.id} comes after its annotation rows; it belongs right after the title.`);
    }
  },
};
