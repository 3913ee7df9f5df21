// With a schema that gives an entity type its id namespaces or an id pattern,
// a mention whose id does not fit (a Gene with a MESH: id) is an error; so is
// a row with no id where the schema says ids are required. Held by type and
// namespace: a file whose every Gene id is MeSH is one diagnostic.

import type { DocumentCheck } from './check';
import { fieldRange, quote } from './ranges';
import { reportRows } from './settleRows';
import { declaredType, declaresEntityTypes } from '../schema/schema';
import { idMisfits, namespaceOf } from '../schema/idNamespaces';
import { lineRange } from '../types';

export const idPatternMismatch: DocumentCheck = {
  code: 'id-pattern-mismatch',
  defaultSeverity: 'error',
  description: 'A mention id outside the id namespaces or pattern the schema gives its entity type (a Gene with a MESH: id), or missing where the schema requires one.',
  holds: ['id-misfit'],
  settles: ['id-misfit'],
  document(doc, ctx) {
    const schema = ctx.schema;
    if (!declaresEntityTypes(schema)) return;
    for (const m of doc.mentions) {
      if (!m.typeField || !m.idField) continue;
      const decl = declaredType(schema, m.typeField.text);
      if (!decl || decl === 'pattern') continue;
      const f = m.idField;
      if (m.concept.none) {
        if (decl.idOptional === false) ctx.hold('id-misfit', `${decl.name}\tnone`, () => ({ range: fieldRange(m.line, f), message: `A ${decl.name} mention needs an id (the schema says ids are not optional).` }));
        continue;
      }
      for (const { atom, why } of idMisfits(m.concept, decl)) {
        ctx.hold('id-misfit', `${decl.name}\t${namespaceOf(atom)}`, () => ({
          range: lineRange(m.line, f.start + atom.start, f.start + atom.end),
          message: `${quote(atom.raw)} does not fit the schema's ${decl.name} ids: ${why}.`,
        }));
      }
    }
  },
  settle(ctx) {
    for (const group of ctx.groups('id-misfit')) {
      const [type, ns] = group.key.split('\t');
      reportRows(ctx, 'id-pattern-mismatch', group,
        (item) => ({ message: item.message ?? '' }),
        (n) => ns === 'none'
          ? `${n} ${type} mentions have no id, which the schema requires (this is the first).`
          : `${n} ${type} mentions have ${ns} ids, which the schema does not allow for ${type} (this is the first): the schema or the ids are wrong.`);
    }
  },
};
