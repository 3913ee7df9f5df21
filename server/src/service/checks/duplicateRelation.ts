// The same relation twice in a document. The same row again is always a
// duplicate. The reverse of a row (same type, ids swapped) is one too, unless
// the file lists its relations in both directions as a habit: held until the
// file is read (oneWayRelation reports the rows that break that habit), and
// reported only where all but a handful of the type's relations are listed once.

import type { RelationRow } from '../parse/model';
import type { DocumentCheck } from './check';
import { rowRange } from './ranges';
import { asHeld, reportRows } from './settleRows';
import { relationKeys } from '../conventions/facts';

export const duplicateRelation: DocumentCheck = {
  code: 'duplicate-relation',
  defaultSeverity: 'warning',
  description: 'The same relation (type and concept pair) appears twice in a document, in the same order, or in the other order in a file that lists each relation once.',
  holds: ['reversed-relation'],
  settles: ['reversed-relation'],
  document(doc, ctx) {
    if (doc.relations.length === 0) return;
    // Per pair of concepts: the first row listing it each way.
    const forward = new Map<string, RelationRow>();
    const backward = new Map<string, RelationRow>();
    for (const r of relationKeys(doc).rows) {
      const sameWay = r.forward ? forward : backward;
      const same = sameWay.get(r.pair);
      if (same) {
        ctx.report('duplicate-relation', rowRange(r.row), `This relation repeats line ${same.line + 1}.`,
          { related: [{ range: rowRange(same), message: 'First occurrence' }] });
        continue;
      }
      sameWay.set(r.pair, r.row);
      // A directed type's reverse says something else (A acts on B, B on A).
      const directed = ctx.schema?.relationTypes?.get(r.type)?.direction === 'directed';
      const reverse = r.paired && !directed ? (r.forward ? backward : forward).get(r.pair) : undefined;
      if (reverse) {
        ctx.hold('reversed-relation', r.type, () => ({
          range: rowRange(r.row),
          message: `This relation repeats line ${reverse.line + 1} with the two ids in the other order.`,
          related: [{ range: rowRange(reverse), message: 'First occurrence' }],
        }));
      }
    }
  },
  settle(ctx) {
    for (const group of ctx.groups('reversed-relation')) {
      if (!ctx.learned.onceNearlyAlways.has(group.key)) continue;
      reportRows(ctx, 'duplicate-relation', group, asHeld,
        (n) => `${n} ${group.key} relations repeat an earlier row of their document with the two ids in the other order (this is the first).`);
    }
  },
};
