import type { Field } from '../parse/model';
import type { CheckContext, DocumentCheck } from './check';
import { fieldRange, offsetsRange, quote } from './ranges';

const INTEGER = /^\d+$/;

export const badOffsets: DocumentCheck = {
  code: 'bad-offsets',
  defaultSeverity: 'error',
  description: 'Start or end is not a non-negative integer, start is after end, or the span is empty.',
  document(doc, ctx) {
    for (const m of doc.mentions) {
      if (m.start === undefined) reportField(ctx, m.line, 'start', m.startField);
      if (m.end === undefined) reportField(ctx, m.line, 'end', m.endField);
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

function reportField(ctx: CheckContext, line: number, name: string, f: Field): void {
  const message = INTEGER.test(f.text)
    ? `The ${name} offset ${f.text} is too large to be an offset into a text.`
    : `The ${name} offset ${quote(f.text)} is not a whole number of characters.`;
  ctx.report('bad-offsets', fieldRange(line, f), message);
}
