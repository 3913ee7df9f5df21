// A span whose only fault is an end: it takes in white space before or after
// the words (`"AS "` for `AS`), or stops inside the row's text, or runs on past
// it. Exact-span evaluation counts it wrong and a tagger learns the spaces, so
// it is an error, with a fix that moves the wrong end. A span that runs one
// dash past its words (`nitrogen-` for `nitrogen`) differs only as producers
// normalise, so textMismatchMinor holds it; in a file that writes the covered
// text verbatim it is a boundary error too, settled here.

import type { DocumentCheck } from './check';
import { offsetsRange } from './ranges';
import { reportRows } from './settleRows';
import { boundaryMessage, verbatimHabit } from './spanWording';

export const spanBoundary: DocumentCheck = {
  code: 'span-boundary',
  defaultSeverity: 'error',
  description: 'A span takes in white space at an end that the row\'s text does not have, or stops inside (or runs past) the row\'s text at one end.',
  settles: ['text-minor'],
  document(doc, ctx) {
    for (const s of ctx.analysis(doc).spans) {
      if (s.status !== 'boundary' || !s.boundary || !s.span) continue;
      const b = s.boundary;
      ctx.report('span-boundary', offsetsRange(s.mention), boundaryMessage(s.mention, s.span, b), { data: { kind: b.kind, start: b.start, end: b.end } });
    }
  },
  settle(ctx) {
    if (ctx.learned.textColumn !== 'exact') return;
    const habit = verbatimHabit(ctx.learned.facts);
    for (const group of ctx.groups('text-minor')) {
      if (group.key !== 'boundary') continue;
      reportRows(ctx, 'span-boundary', group,
        (item) => ({ message: `${item.message ?? ''} ${habit}`, extra: { data: item.data } }),
        (n) => `${n} spans of this file stop short of or run past their row's text by a dash or a space (this is the first). ${habit}`);
    }
  },
};
