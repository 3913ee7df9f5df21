// The same relation twice in a document. The same row again is always a
// duplicate. The reverse of a row (same type, ids swapped) is one too, unless
// the file lists its relations in both directions as a habit: held until the
// file is read (oneWayRelation reports the rows that break that habit).

import type { RelationRow } from '../parse/model';
import type { DocumentCheck } from './check';
import { rowRange } from './ranges';
import { asHeld, reportRows } from './settleRows';
import { conceptIdentity, directedKey } from '../conventions/facts';

export const duplicateRelation: DocumentCheck = {
  code: 'duplicate-relation',
  defaultSeverity: 'warning',
  description: 'The same relation (type and concept pair) appears twice in a document, in the same order, or in the other order in a file that lists each relation once.',
  holds: ['reversed-relation'],
  settles: ['reversed-relation'],
  document(doc, ctx) {
    const seen = new Map<string, RelationRow>();
    for (const r of doc.relations) {
      if (r.concepts.length < 2) continue;
      const type = r.typeField.text.trim();
      const a = conceptIdentity(r.concepts[0]);
      const b = conceptIdentity(r.concepts[1]);
      const key = directedKey(type, a, b);
      const same = seen.get(key);
      if (same) {
        ctx.report('duplicate-relation', rowRange(r), `This relation repeats line ${same.line + 1}.`,
          { related: [{ range: rowRange(same), message: 'First occurrence' }] });
        continue;
      }
      seen.set(key, r);
      const reverse = a !== b ? seen.get(directedKey(type, b, a)) : undefined;
      if (reverse) {
        ctx.hold({
          kind: 'reversed-relation', key: type, range: rowRange(r),
          message: `This relation repeats line ${reverse.line + 1} with the two ids in the other order.`,
          related: [{ range: rowRange(reverse), message: 'First occurrence' }],
        });
      }
    }
  },
  settle(ctx) {
    for (const group of ctx.groups('reversed-relation')) {
      if (ctx.learned.bothDirections.has(group.key)) continue;
      reportRows(ctx, 'duplicate-relation', group, asHeld,
        (n) => `${n} ${group.key} relations repeat an earlier row of their document with the two ids in the other order (this is the first).`);
    }
  },
};
