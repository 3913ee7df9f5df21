// A span whose text differs from its row only as producers normalise text.
// Held, as what it is depends on the file (learn.ts, textColumn): where the
// file writes the covered text verbatim on all but a handful of rows, a
// difference it never makes is an error (textMismatch and spanBoundary settle
// those rows); where it writes normalised spellings or names as a habit, one
// note says so (normalisedTextColumn); in between, where such differences are
// too many to be defects and too few to be a habit, one note with the count.

import type { DocumentCheck, SettleGroup } from './check';
import { offsetsRange, quote } from './ranges';
import { SUMMARY_RELATED } from './settleRows';
import { boundaryMessage } from './spanWording';
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
      const span = s.span!;
      const b = s.boundary;
      // A span that runs a dash past its words (or stops a dash short) is held apart: a boundary error where the file is verbatim.
      if (b) {
        ctx.hold('text-minor', 'boundary', () => ({
          range: offsetsRange(m),
          message: boundaryMessage(m, span, b),
          data: { covered: span.covered, kind: b.kind, start: b.start, end: b.end },
        }));
        continue;
      }
      ctx.hold('text-minor', '', () => ({
        range: offsetsRange(m),
        message: `Offsets ${m.start}-${m.end} cover ${quote(span.covered)} but the row says ${quote(m.textField.text)} (they differ ${describeMinorDifference(m.textField.text, span.covered)}).`,
        data: { covered: span.covered },
      }));
    }
  },
  settle(ctx) {
    if (ctx.learned.textColumn !== 'covered') return;
    const groups = [...ctx.groups('text-minor')];
    if (groups.length === 0) return;
    const first = groups.map((g) => g.first).reduce((a, b) => (before(b.range, a.range) ? b : a));
    if (!ctx.inScope(first.range)) return;
    const count = groups.reduce((n, g) => n + g.count, 0);
    const f = ctx.learned.facts;
    const related = firstItems(groups).map((item) => ({ range: item.range, message: item.message ?? '' }));
    ctx.report('text-mismatch-minor', first.range,
      `${count} of the ${f.spansInRange} spans of this file differ from their row's text only in case, dashes, spaces or Greek spelling (this is the first): more than a handful of slips, yet too few to tell that the file normalises its text column. The rows are listed as related information.`,
      { related, data: first.data });
  },
};

function before(a: { start: { line: number; character: number } }, b: { start: { line: number; character: number } }): boolean {
  return a.start.line < b.start.line || (a.start.line === b.start.line && a.start.character < b.start.character);
}

/** The first rows of the groups together, in file order. */
function firstItems(groups: SettleGroup[]): SettleGroup['items'] {
  return groups.flatMap((g) => g.items.slice(0, SUMMARY_RELATED)).sort((a, b) => (before(a.range, b.range) ? -1 : before(b.range, a.range) ? 1 : 0)).slice(0, SUMMARY_RELATED);
}
