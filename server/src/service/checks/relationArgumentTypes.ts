// With a schema that says which entity types a relation type joins, a
// relation between concepts of other types is an error. A concept's types are
// those of the mentions that carry it in the document; one fitting pair is
// enough (a gene mentioned once as a family still joins as a gene).

import type { DocumentCheck } from './check';
import { rowRange } from './ranges';
import { mentionsOf } from '../analysis/analyseDocument';
import { declaredType, declaresRelationTypes, type CorpusSchema } from '../schema/schema';
import { entityFamily } from '../knowledge/entityTypes';

export const relationArgumentTypes: DocumentCheck = {
  code: 'relation-argument-types',
  defaultSeverity: 'error',
  description: 'A relation joins concepts whose entity types the schema does not allow for its type (its `arguments`). Only with a schema that gives them.',
  document(doc, ctx) {
    const schema = ctx.schema;
    if (!declaresRelationTypes(schema) || doc.relations.length === 0) return;
    const analysis = ctx.analysis(doc);
    for (const r of doc.relations) {
      const decl = schema.relationTypes.get(r.typeField.text.trim());
      if (!decl?.arguments?.length || r.concepts.length < 2) continue;
      const [rowsA, rowsB] = r.concepts.map((c) => mentionsOf(analysis, c).map((m) => m.typeField?.text ?? ''));
      // A concept no mention carries is dangling-relation-id's to report; one
      // of an undeclared type is undeclared-entity-type's: one cause, one error.
      if (rowsA.length === 0 || rowsB.length === 0 || [...rowsA, ...rowsB].some((t) => declaredType(schema, t) === undefined)) continue;
      const [a, b] = [typesOf(schema, rowsA), typesOf(schema, rowsB)];
      const fits = (x: string[], y: string[]) => decl.arguments!.some(([p, q]) => matches(schema, p, x) && matches(schema, q, y));
      if (fits(a, b) || (decl.direction !== 'directed' && fits(b, a))) continue;
      const allowed = decl.arguments.map(([p, q]) => `${p} ${decl.direction === 'directed' ? '→' : '–'} ${q}`).join(', ');
      ctx.report('relation-argument-types', rowRange(r),
        `A ${decl.name} relation joins ${a.join('/')} ${decl.direction === 'directed' ? '→' : 'and'} ${b.join('/')}; the schema allows ${allowed}.`);
    }
  },
};

/** The declared names of the types rows give a concept (aliases mapped), without repeats. */
function typesOf(schema: CorpusSchema, rowTypes: string[]): string[] {
  const out = new Set<string>();
  for (const t of rowTypes) {
    const decl = declaredType(schema, t);
    out.add(decl && decl !== 'pattern' ? decl.name : t.trim());
  }
  return [...out];
}

/** Whether an argument given as a type, an alias, a family name or `*` fits one of the concept's types. */
function matches(schema: CorpusSchema, argument: string, types: string[]): boolean {
  if (argument === '*') return true;
  const decl = declaredType(schema, argument);
  const name = decl && decl !== 'pattern' ? decl.name : argument;
  return types.some((t) => {
    if (t === name) return true;
    const td = declaredType(schema, t);
    const family = (td && td !== 'pattern' ? td.family : undefined) ?? entityFamily(t);
    return family === argument;
  });
}
