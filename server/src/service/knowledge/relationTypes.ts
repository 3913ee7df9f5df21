// Relation types allowed per pair of entity families, as NCBI's own PubTator
// converter allows them; BC5CDR's CID joins a chemical to a disease.

import type { EntityFamily } from './entityTypes';

const CORRELATIONS = ['Association', 'Negative_Correlation', 'Positive_Correlation'];

const ALLOWED: Record<string, string[]> = {
  'chemical-chemical': [...CORRELATIONS, 'Comparison', 'Conversion', 'Cotreatment', 'Drug_Interaction'],
  'chemical-disease': [...CORRELATIONS, 'CID'],
  'chemical-gene': [...CORRELATIONS, 'Bind', 'Cotreatment'],
  'chemical-variant': CORRELATIONS,
  'disease-gene': CORRELATIONS,
  'disease-variant': CORRELATIONS,
  'gene-gene': [...CORRELATIONS, 'Bind'],
  'variant-variant': ['Association'],
};

export const RELATION_TYPES = [
  'Association', 'Positive_Correlation', 'Negative_Correlation', 'Bind', 'Cotreatment',
  'Comparison', 'Drug_Interaction', 'Conversion', 'CID',
];

function pairKey(a: EntityFamily, b: EntityFamily): string {
  return a <= b ? `${a}-${b}` : `${b}-${a}`;
}

/** Allowed types for a pair, or undefined when the table says nothing of the pair. */
export function allowedRelationTypes(a: EntityFamily, b: EntityFamily): string[] | undefined {
  return ALLOWED[pairKey(a, b)];
}
