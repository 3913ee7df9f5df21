// A rare entity type spelled close to one the file uses far more
// (`Chemcial` twice, `Chemical` 12,408 times) is a typo of it: each row is
// reported with the file's own habit, and a fix to the common spelling.

import type { Check } from './check';
import { quote } from './ranges';
import { reportRows } from './settleRows';
import { declaresEntityTypes } from '../schema/schema';

export const entityTypeTypo: Check = {
  code: 'entity-type-typo',
  defaultSeverity: 'warning',
  description: 'A rarely used entity type spelled like a type the file uses far more often (Chemcial for Chemical).',
  settles: ['entity-type'],
  settle(ctx) {
    if (declaresEntityTypes(ctx.schema)) return; // undeclaredEntityType names the close declared type
    const { typos, facts } = ctx.learned;
    for (const group of ctx.groups('entity-type')) {
      const common = typos.get(group.key);
      if (common === undefined) continue;
      const habit = `${quote(group.key)} occurs ${times(group.count)}; the file uses ${quote(common)} ${times(facts.types.get(common) ?? 0)}`;
      reportRows(ctx, 'entity-type-typo', group,
        () => ({ message: `${habit}.`, extra: { data: { replacement: common } } }),
        () => `${habit} (this is the first row).`);
    }
  },
};

function times(n: number): string {
  return n === 1 ? 'once' : `${n.toLocaleString('en-US')} times`;
}
