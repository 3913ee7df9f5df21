// In a file that lists each relation in both directions (`React A B` and
// `React B A`), a relation listed one way only breaks the habit: its reverse
// row is likely missing. Held until the file's habit is known.

import type { DocumentCheck } from './check';
import { rowRange } from './ranges';
import { reportRows } from './settleRows';
import { directedKey, relationEnds } from '../conventions/facts';

export const oneWayRelation: DocumentCheck = {
  code: 'one-way-relation',
  defaultSeverity: 'warning',
  description: 'A relation is listed in one direction only, in a file that lists its relations of that type in both directions.',
  holds: ['one-way-relation'],
  settles: ['one-way-relation'],
  document(doc, ctx) {
    if (doc.relations.length === 0) return;
    const keys = new Set<string>();
    const ends = doc.relations.map((r) => relationEnds(r));
    doc.relations.forEach((r, i) => {
      const e = ends[i];
      if (e) keys.add(directedKey(r.typeField.text.trim(), e[0], e[1]));
    });
    doc.relations.forEach((r, i) => {
      const e = ends[i];
      const type = r.typeField.text.trim();
      if (!e || keys.has(directedKey(type, e[1], e[0]))) return;
      ctx.hold({ kind: 'one-way-relation', key: type, range: rowRange(r), data: { from: r.idFields[0].text.trim(), to: r.idFields[1].text.trim() } });
    });
  },
  settle(ctx) {
    const { bothDirections, facts } = ctx.learned;
    for (const group of ctx.groups('one-way-relation')) {
      if (!bothDirections.has(group.key)) continue;
      const tally = facts.relations.get(group.key);
      const habit = tally ? ` (${tally.paired} of its ${tally.eligible} ${group.key} rows have their reverse)` : '';
      reportRows(ctx, 'one-way-relation', group,
        (item) => ({
          message: `This ${group.key} relation is listed one way only: the file lists ${group.key} relations in both directions${habit}, and no row here reads ${group.key} ${String(item.data?.to)} ${String(item.data?.from)}.`,
          extra: { data: item.data },
        }),
        (n) => `${n} ${group.key} relations are listed one way only, in a file that lists ${group.key} relations in both directions${habit} (this is the first).`);
    }
  },
};
