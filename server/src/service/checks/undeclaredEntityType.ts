// With a schema that lists the corpus's entity types, a row of another type is
// an error (an alias or the type pattern counts as declared). Settled from the
// rows unknownEntityType holds, so that a type used on thousands of rows is one
// diagnostic, not thousands.

import type { Check } from './check';
import { quote } from './ranges';
import { reportRows } from './settleRows';
import { declaresEntityTypes } from '../schema/schema';
import { closeSpelling } from '../conventions/spelling';

export const undeclaredEntityType: Check = {
  code: 'undeclared-entity-type',
  defaultSeverity: 'error',
  description: 'An entity type that the corpus schema (pubtator.schema.json) does not declare. Only with a schema that lists entity types.',
  settles: ['entity-type'],
  settle(ctx) {
    const schema = ctx.schema;
    if (!declaresEntityTypes(schema)) return;
    const declared = [...schema.entityTypes.keys(), ...schema.aliases.keys()];
    const where = `the schema ${schema.sources[0]}`;
    for (const group of ctx.groups('entity-type')) {
      const close = declared.filter((d) => closeSpelling(group.key, d));
      const suggestion = close.length === 1 ? `; did you mean ${quote(close[0])}?` : '';
      const data = close.length === 1 ? { replacement: close[0] } : undefined;
      reportRows(ctx, 'undeclared-entity-type', group,
        () => ({ message: `${quote(group.key)} is not an entity type of ${where}${suggestion || '.'}`, extra: { data } }),
        (n) => `${quote(group.key)} is not an entity type of ${where}, and ${n} rows use it (this is the first): declare it, or rename it.`);
    }
  },
};
