import type { DocumentCheck } from './check';
import { fieldRange, offsetsRange, quote } from './ranges';

const INTEGER = /^\d+$/;

export const badOffsets: DocumentCheck = {
  scope: 'document',
  code: 'bad-offsets',
  defaultSeverity: 'error',
  description: 'Start or end is not a non-negative integer, start is after end, or the span is empty.',
  run(doc, ctx) {
    for (const m of doc.mentions) {
      for (const [name, f] of [['start', m.startField], ['end', m.endField]] as const) {
        if (!INTEGER.test(f.text)) {
          ctx.report('bad-offsets', fieldRange(m.line, f), `The ${name} offset ${quote(f.text)} is not a whole number of characters.`);
        } else if (!Number.isSafeInteger(Number(f.text))) {
          ctx.report('bad-offsets', fieldRange(m.line, f), `The ${name} offset ${f.text} is too large to be an offset into a text.`);
        }
      }
      if (m.start === undefined || m.end === undefined) continue;
      if (m.start > m.end) {
        ctx.report('bad-offsets', offsetsRange(m), `Start ${m.start} is after end ${m.end}; the two offsets may be swapped.`,
          { data: { swap: true } });
      } else if (m.start === m.end) {
        ctx.report('bad-offsets', offsetsRange(m),
          `The span ${m.start}-${m.end} is empty; for ${quote(m.textField.text)} the end would be ${m.start + [...m.textField.text].length}.`);
      }
    }
  },
};
