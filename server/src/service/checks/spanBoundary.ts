// A span whose only fault is an end: it takes in white space before or after
// the words (`"AS "` for `AS`), or stops inside the row's text, or runs on past
// it. Exact-span evaluation counts it wrong and a tagger learns the spaces, so
// it is an error, with a fix that moves the wrong end.

import type { DocumentCheck } from './check';
import { offsetsRange, quote } from './ranges';

export const spanBoundary: DocumentCheck = {
  code: 'span-boundary',
  defaultSeverity: 'error',
  description: 'A span takes in white space at an end that the row\'s text does not have, or stops inside (or runs past) the row\'s text at one end.',
  document(doc, ctx) {
    for (const s of ctx.analysis(doc).spans) {
      if (s.status !== 'boundary' || !s.boundary || !s.span) continue;
      const m = s.mention;
      const b = s.boundary;
      const covered = quote(s.span.covered);
      const text = quote(m.textField.text);
      let message: string;
      if (b.kind === 'space') {
        const where = b.start !== m.start && b.end !== m.end ? 'both ends' : b.start !== m.start ? 'its start' : 'its end';
        message = `Offsets ${m.start}-${m.end} cover ${covered}: white space at ${where} that the row's text ${text} does not have; ${b.start}-${b.end} covers the words alone.`;
      } else if (b.kind === 'end') {
        message = `Offsets ${m.start}-${m.end} cover ${covered}, ${s.span.covered.length < m.textField.text.length ? 'stopping inside' : 'running past'} the row's text ${text}, which ends at ${b.end}.`;
      } else {
        message = `Offsets ${m.start}-${m.end} cover ${covered}, ${s.span.covered.length < m.textField.text.length ? 'starting inside' : 'starting before'} the row's text ${text}, which starts at ${b.start}.`;
      }
      ctx.report('span-boundary', offsetsRange(m), message, { data: { kind: b.kind, start: b.start, end: b.end } });
    }
  },
};
