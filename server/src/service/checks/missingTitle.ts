import type { DocumentCheck } from './check';
import { rowRange } from './ranges';

export const missingTitle: DocumentCheck = {
  code: 'missing-title',
  defaultSeverity: 'error',
  description: 'A document has no ID|t|title line; offsets cannot be checked without it.',
  document(doc, ctx) {
    if (doc.title) return;
    const first = doc.passages[0] ?? doc.mentions[0] ?? doc.relations[0] ?? doc.malformed[0];
    if (!first) return;
    const what = doc.passages.length ? `starts with a |${doc.passages[0].marker.text}| line` : 'has annotation rows but no text lines';
    ctx.report('missing-title', rowRange(first), `Document ${doc.id} has no title line (ID|t|…): it ${what}.`);
  },
};
