import type { DocumentCheck } from './check';
import { fieldRange, quote } from './ranges';
import { mentionsOf } from '../analysis/analyseDocument';
import { entityFamily, FAMILY_LABEL, type EntityFamily } from '../knowledge/entityTypes';
import { allowedRelationTypes } from '../knowledge/relationTypes';

export const relationTypeNotAllowed: DocumentCheck = {
  code: 'relation-type-not-allowed',
  defaultSeverity: 'off',
  description: "A relation type that NCBI's converter does not allow between the two concepts' entity types (e.g. Bind between two diseases).",
  document(doc, ctx) {
    const analysis = ctx.analysis(doc);
    for (const r of doc.relations) {
      const families = r.concepts.map((c) => familyOf(mentionsOf(analysis, c).map((m) => m.typeField?.text ?? '')));
      if (families.some((f) => f === undefined || f === 'other' || f === 'species' || f === 'cellline')) continue;
      const [a, b] = families as EntityFamily[];
      const allowed = allowedRelationTypes(a, b);
      const type = r.typeField.text.trim();
      if (!allowed) {
        ctx.report('relation-type-not-allowed', fieldRange(r.line, r.typeField),
          `No relation type is defined between a ${FAMILY_LABEL[a].toLowerCase()} and a ${FAMILY_LABEL[b].toLowerCase()}.`);
      } else if (!allowed.includes(type)) {
        ctx.report('relation-type-not-allowed', fieldRange(r.line, r.typeField),
          `${quote(type)} is not a relation type between a ${FAMILY_LABEL[a].toLowerCase()} and a ${FAMILY_LABEL[b].toLowerCase()}; allowed: ${allowed.join(', ')}.`);
      }
    }
  },
};

/** The one family the mentions share, or undefined when they disagree or are absent. */
function familyOf(types: string[]): EntityFamily | undefined {
  const families = new Set(types.map(entityFamily));
  return families.size === 1 ? [...families][0] : undefined;
}
