import type { DocumentCheck } from './check';
import { fieldRange, quote } from './ranges';
import { isKnownEntityType, looksLikeConceptId } from '../knowledge/entityTypes';

export const unknownEntityType: DocumentCheck = {
  code: 'unknown-entity-type',
  defaultSeverity: 'hint',
  description: 'An entity type that no known corpus uses (a typo such as Chemcial, or a new type).',
  document(doc, ctx) {
    for (const m of doc.mentions) {
      const t = m.typeField;
      if (!t || t.text.trim() === '' || isKnownEntityType(t.text) || looksLikeConceptId(t.text)) continue;
      ctx.report('unknown-entity-type', fieldRange(m.line, t), `${quote(t.text)} is not an entity type of PubTator, BC5CDR, BioRED, NCBI-disease, tmVar, GNormPlus or MedMentions.`);
    }
  },
};
