import type { DocumentCheck } from './check';
import { offsetsRange, quote } from './ranges';
import { describeMinorDifference } from '../analysis/textFolding';

export const textMismatchMinor: DocumentCheck = {
  code: 'text-mismatch-minor',
  defaultSeverity: 'information',
  description: 'The covered text differs from the row only in case, hyphen/dash variants, Greek letter spelling or white space (producer normalisation).',
  document(doc, ctx) {
    for (const s of ctx.analysis(doc).spans) {
      if (s.status !== 'minor') continue;
      const m = s.mention;
      ctx.report('text-mismatch-minor', offsetsRange(m),
        `Offsets ${m.start}-${m.end} cover ${quote(s.span!.covered)} but the row says ${quote(m.textField.text)} (they differ ${describeMinorDifference(m.textField.text, s.span!.covered)}).`,
        { data: { covered: s.span!.covered } });
    }
  },
};
