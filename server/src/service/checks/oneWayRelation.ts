// In a file that lists each relation in both directions (`React A B` and
// `React B A`), a relation listed one way only breaks the habit: its reverse
// row is likely missing. Held until the file's habit is known, and reported
// only where all but a handful of the type's rows have their reverse: a file
// that lists 86% of its relations both ways has two habits, not one broken.

import type { DocumentCheck } from './check';
import { rowRange } from './ranges';
import { reportRows } from './settleRows';
import { relationKeys } from '../conventions/facts';

export const oneWayRelation: DocumentCheck = {
  code: 'one-way-relation',
  defaultSeverity: 'warning',
  description: 'A relation is listed in one direction only, in a file that lists its relations of that type in both directions.',
  holds: ['one-way-relation'],
  settles: ['one-way-relation'],
  document(doc, ctx) {
    if (doc.relations.length === 0) return;
    const { rows, tallies } = relationKeys(doc);
    // Rows are held only where the document lists some relation of the type
    // both ways, or lists just one: a document of a one-way file holds nothing
    // (most of them), and a missing reverse is found where it matters.
    for (const r of rows) {
      if (r.a === r.b || r.paired || ctx.schema?.relationTypes?.get(r.type)?.direction === 'directed') continue;
      const t = tallies.get(r.type)!;
      if (t.paired === 0 && t.eligible > 1) continue;
      ctx.hold('one-way-relation', r.type, () => ({ range: rowRange(r.row) }));
    }
  },
  settle(ctx) {
    const { bothNearlyAlways, facts } = ctx.learned;
    for (const group of ctx.groups('one-way-relation')) {
      if (!bothNearlyAlways.has(group.key)) continue;
      const tally = facts.relations.get(group.key);
      const habit = tally ? ` (${tally.paired} of its ${tally.eligible} ${group.key} rows have their reverse)` : '';
      reportRows(ctx, 'one-way-relation', group,
        () => ({
          message: `This ${group.key} relation is listed one way only: its reverse row is not in the document, and the file lists ${group.key} relations in both directions${habit}.`,
        }),
        (n) => `${n} ${group.key} relations are listed one way only, in a file that lists ${group.key} relations in both directions${habit} (this is the first).`);
    }
  },
};
