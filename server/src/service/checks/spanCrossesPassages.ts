import type { DocumentCheck } from './check';
import { offsetsRange, quote } from './ranges';
import { crossesPassages } from '../parse/documentText';

export const spanCrossesPassages: DocumentCheck = {
  code: 'span-crosses-title-abstract',
  defaultSeverity: 'warning',
  description: 'A span starts in one passage (title) and ends in the next (abstract).',
  document(doc, ctx) {
    for (const s of ctx.analysis(doc).spans) {
      if (!s.span || !crossesPassages(doc, s.span.start, s.span.end)) continue;
      ctx.report('span-crosses-title-abstract', offsetsRange(s.mention),
        `Offsets ${s.mention.start}-${s.mention.end} run from one passage into the next: they cover ${quote(s.span.covered)}.`);
    }
  },
};
