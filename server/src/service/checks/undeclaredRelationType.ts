// With a schema that lists the corpus's relation types, a relation of another
// type is an error. Held by type, so a type used on thousands of rows is one
// diagnostic.

import type { DocumentCheck } from './check';
import { fieldRange, quote } from './ranges';
import { reportRows } from './settleRows';
import { declaresRelationTypes } from '../schema/schema';
import { closeSpelling } from '../conventions/spelling';

export const undeclaredRelationType: DocumentCheck = {
  code: 'undeclared-relation-type',
  defaultSeverity: 'error',
  description: 'A relation type that the corpus schema (pubtator.schema.json) does not declare. Only with a schema that lists relation types.',
  holds: ['relation-type'],
  settles: ['relation-type'],
  document(doc, ctx) {
    const schema = ctx.schema;
    if (!declaresRelationTypes(schema)) return;
    for (const r of doc.relations) {
      const type = r.typeField.text.trim();
      if (type !== '' && !schema.relationTypes.has(type)) ctx.hold('relation-type', type, () => ({ range: fieldRange(r.line, r.typeField) }));
    }
  },
  settle(ctx) {
    const schema = ctx.schema;
    if (!declaresRelationTypes(schema)) return;
    const declared = [...schema.relationTypes.keys()];
    const where = `the schema ${schema.sources[0]}`;
    for (const group of ctx.groups('relation-type')) {
      const close = declared.filter((d) => closeSpelling(group.key, d));
      const suggestion = close.length === 1 ? `; did you mean ${quote(close[0])}?` : '';
      reportRows(ctx, 'undeclared-relation-type', group,
        () => ({ message: `${quote(group.key)} is not a relation type of ${where}${suggestion || '.'}`, extra: { data: close.length === 1 ? { replacement: close[0] } : undefined } }),
        (n) => `${quote(group.key)} is not a relation type of ${where}, and ${n} rows use it (this is the first): declare it, or rename it.`);
    }
  },
};
