// A document with a title line and no abstract line. Whether that is a defect
// depends on the file: a file that puts everything on its title lines does it
// throughout, and a title that runs for paragraphs holds the abstract already.
// Held, and reported only where all but a handful of the file's documents
// have abstract lines (a file where many do not writes both ways).

import type { DocumentCheck } from './check';
import { rowRange } from './ranges';
import { reportRows } from './settleRows';

/** A title line this long holds more than a title (PubMed titles stay well under it). */
const MERGED_TITLE = 400;

export const missingAbstract: DocumentCheck = {
  code: 'missing-abstract',
  defaultSeverity: 'warning',
  description: 'A document has a title but no ID|a| line (an empty abstract is written ID|a| with nothing after), in a file whose other documents have one.',
  holds: ['no-abstract'],
  settles: ['no-abstract'],
  document(doc, ctx) {
    if (doc.abstract || !doc.title) return;
    if (doc.title.text.text.length >= MERGED_TITLE) return;
    // Spans past the title make this a truncated-text error, said once there.
    if (ctx.analysis(doc).truncation?.cause === 'no-abstract') return;
    const title = doc.title;
    ctx.hold('no-abstract', '', () => ({ range: rowRange(title), data: { id: doc.id } }));
  },
  settle(ctx) {
    const { facts, abstractsNearlyAlways } = ctx.learned;
    if (!abstractsNearlyAlways) return;
    const habit = facts.withAbstract > 0 ? `, unlike ${facts.withAbstract} of the file's ${facts.titled} documents` : '';
    for (const group of ctx.groups('no-abstract')) {
      reportRows(ctx, 'missing-abstract', group,
        (item) => ({ message: `Document ${String(item.data?.id)} has no abstract line (ID|a|…)${habit}; offsets are counted as if it were empty.` }),
        (n) => `${n} documents have no abstract line (ID|a|…)${habit} (this is the first); offsets are counted as if they were empty.`);
    }
  },
};
