// A span whose text differs from its row only as producers normalise text.
// Held: where the whole file does this (or writes names), one note says so
// (normalisedTextColumn) instead of one per row.

import type { DocumentCheck } from './check';
import { offsetsRange, quote } from './ranges';
import { asHeld, reportRows } from './settleRows';
import { describeMinorDifference } from '../analysis/textFolding';

export const textMismatchMinor: DocumentCheck = {
  code: 'text-mismatch-minor',
  defaultSeverity: 'information',
  description: 'The covered text differs from the row only in case, hyphen/dash variants, Greek letter spelling or white space inside the span, alone or together (producer normalisation).',
  holds: ['text-minor'],
  settles: ['text-minor'],
  document(doc, ctx) {
    for (const s of ctx.analysis(doc).spans) {
      if (s.status !== 'minor') continue;
      const m = s.mention;
      ctx.hold('text-minor', '', () => ({
        range: offsetsRange(m),
        message: `Offsets ${m.start}-${m.end} cover ${quote(s.span!.covered)} but the row says ${quote(m.textField.text)} (they differ ${describeMinorDifference(m.textField.text, s.span!.covered)}).`,
        data: { covered: s.span!.covered },
      }));
    }
  },
  settle(ctx) {
    if (ctx.learned.textColumn !== 'covered') return;
    for (const group of ctx.groups('text-minor')) {
      reportRows(ctx, 'text-mismatch-minor', group, asHeld,
        (n) => `${n} mention rows of this file differ from the text their offsets cover only in case, dashes, spaces or Greek spelling (this is the first).`);
    }
  },
};
