// A span covering other text than its row says. Spans whose text sits a few
// characters away (or that count UTF-8 bytes) are wrong whatever the file
// does; the others are held: in a file whose text column holds normalised
// names they are its habit (normalisedTextColumn says so once), elsewhere errors.
// A span differing only in case, dashes, spaces or Greek spelling is one too
// where the file writes the covered text verbatim (textMismatchMinor holds it).

import type { DocumentCheck } from './check';
import { fieldRange, offsetsRange, quote } from './ranges';
import { asHeld, reportRows } from './settleRows';
import { verbatimHabit } from './spanWording';
import { isKnownEntityType } from '../knowledge/entityTypes';

const NONE_EXPLAINED: ReadonlySet<unknown> = new Set();

export const textMismatch: DocumentCheck = {
  code: 'text-mismatch',
  defaultSeverity: 'error',
  description: 'The offsets cover other text than the row says (a real difference, not only case, dashes, Greek spelling or spaces).',
  holds: ['text-mismatch'],
  settles: ['text-mismatch', 'text-minor'],
  document(doc, ctx) {
    const analysis = ctx.analysis(doc);
    // A set only when a drift explains rows (most documents have none).
    const explained = analysis.drift ? new Set(analysis.drift.rows.map((r) => r.mention)) : NONE_EXPLAINED;
    for (const s of analysis.spans) {
      if (s.status !== 'mismatch' || explained.has(s.mention)) continue;
      const m = s.mention;
      let hint: string;
      if (s.nearest) {
        const n = s.nearest;
        const dir = n.shift > 0 ? `${n.shift} later` : `${-n.shift} earlier`;
        hint = `; ${quote(m.textField.text)} occurs at ${n.start}-${n.end} (${dir})`;
      } else if (s.shifted) {
        hint = `; a spelling of ${quote(m.textField.text)} sits a few characters away`;
      } else {
        hint = `; ${quote(m.textField.text)} does not occur in the document`;
      }
      if (s.utf8) hint += '; these offsets would fit if they counted UTF-8 bytes';
      const typeInText = m.textField.text.length > 3 && isKnownEntityType(m.textField.text) && /[A-Z]/.test(m.textField.text)
        ? ' (the text column holds an entity type name: the columns may be shifted)' : '';
      const message = `Offsets ${m.start}-${m.end} cover ${quote(s.span!.covered)} but the row says ${quote(m.textField.text)}${hint}${typeInText}.`;
      const related = [{ range: fieldRange(m.line, m.textField), message: 'The row\'s text' }];
      const data = s.nearest ? { start: s.nearest.start, end: s.nearest.end, covered: s.span!.covered } : { covered: s.span!.covered };
      if (s.shifted || s.utf8) ctx.report('text-mismatch', offsetsRange(m), message, { related, data });
      else ctx.hold('text-mismatch', '', () => ({ range: offsetsRange(m), message, related, data }));
    }
  },
  settle(ctx) {
    if (ctx.learned.textColumn === 'names') return;
    for (const group of ctx.groups('text-mismatch')) {
      reportRows(ctx, 'text-mismatch', group, asHeld,
        (n) => `${n} mention rows of this file say other text than their offsets cover (this is the first); the rows are listed as related information.`);
    }
    if (ctx.learned.textColumn !== 'exact') return;
    // A difference the file never makes: the row's text or the span is wrong.
    const habit = verbatimHabit(ctx.learned);
    for (const group of ctx.groups('text-minor')) {
      if (group.key === 'boundary') continue; // spanBoundary's
      if (group.key === 'ascii' && ctx.learned.asciiSpelling) continue; // the file's habit
      reportRows(ctx, 'text-mismatch', group,
        // `fold`: the texts differ only as producers normalise, so the row's text is the likely slip (spanFixes).
        (item) => ({ message: `${item.message ?? ''} ${habit}`, extra: { data: { ...item.data, fold: true } } }),
        (n) => `${n} mention rows of this file differ from the text their offsets cover in case, dashes, spaces or Greek spelling (this is the first). ${habit}`);
    }
  },
};
