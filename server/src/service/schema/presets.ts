// Built-in schemas for the corpus families whose conventions are published,
// for `"extends": "<name>"`. They declare what each family's own files use;
// a corpus that adds types extends one and adds its own entries.

import type { RelationTypeEntry, SchemaDocument } from './schema';

const CORRELATIONS = ['Association', 'Positive_Correlation', 'Negative_Correlation'];

/** NCBI's converter's relation table (knowledge/relationTypes.ts), over the given type per family. */
function relationTable(t: { chemical: string; disease: string; gene: string; variant: string }): Record<string, RelationTypeEntry> {
  const pairs: Record<string, [string, string][]> = {};
  const allow = (types: string[], a: string, b: string) => {
    for (const type of types) (pairs[type] ??= []).push([a, b]);
  };
  allow([...CORRELATIONS, 'Comparison', 'Conversion', 'Cotreatment', 'Drug_Interaction'], t.chemical, t.chemical);
  allow(CORRELATIONS, t.chemical, t.disease);
  allow([...CORRELATIONS, 'Bind', 'Cotreatment'], t.chemical, t.gene);
  allow(CORRELATIONS, t.chemical, t.variant);
  allow(CORRELATIONS, t.disease, t.gene);
  allow(CORRELATIONS, t.disease, t.variant);
  allow([...CORRELATIONS, 'Bind'], t.gene, t.gene);
  allow(['Association'], t.variant, t.variant);
  return Object.fromEntries(Object.entries(pairs).map(([type, args]) => [type, { arguments: args, direction: 'symmetric' as const }]));
}

const VARIANT_IDS = { family: 'variant' as const, idNamespaces: ['tmVar' as const, 'HGVS' as const, 'dbSNP' as const, 'other' as const] };

export const PRESETS: Record<string, SchemaDocument> = {
  pubtator3: {
    entityTypes: {
      Gene: { family: 'gene', idNamespaces: ['NCBIGene', 'number'] },
      Disease: { family: 'disease', idNamespaces: ['MESH', 'OMIM'] },
      Chemical: { family: 'chemical', idNamespaces: ['MESH', 'ChEBI'] },
      Species: { family: 'species', idNamespaces: ['NCBITaxon', 'number'] },
      CellLine: { family: 'cellline', idNamespaces: ['Cellosaurus'] },
      ProteinMutation: VARIANT_IDS,
      DNAMutation: VARIANT_IDS,
      SNP: VARIANT_IDS,
      Variant: VARIANT_IDS,
    },
    relationTypes: relationTable({ chemical: 'Chemical', disease: 'Disease', gene: 'Gene', variant: 'ProteinMutation' }),
  },
  biored: {
    entityTypes: {
      GeneOrGeneProduct: { family: 'gene', idNamespaces: ['NCBIGene', 'number'] },
      DiseaseOrPhenotypicFeature: { family: 'disease', idNamespaces: ['MESH', 'OMIM'] },
      ChemicalEntity: { family: 'chemical', idNamespaces: ['MESH', 'ChEBI'] },
      OrganismTaxon: { family: 'species', idNamespaces: ['NCBITaxon', 'number'] },
      SequenceVariant: VARIANT_IDS,
      CellLine: { family: 'cellline', idNamespaces: ['Cellosaurus'] },
    },
    relationTypes: relationTable({ chemical: 'ChemicalEntity', disease: 'DiseaseOrPhenotypicFeature', gene: 'GeneOrGeneProduct', variant: 'SequenceVariant' }),
  },
  bc5cdr: {
    entityTypes: {
      Chemical: { family: 'chemical', idNamespaces: ['MESH'] },
      Disease: { family: 'disease', idNamespaces: ['MESH'] },
    },
    relationTypes: { CID: { arguments: [['Chemical', 'Disease']], direction: 'directed' } },
  },
  'ncbi-disease': {
    entityTypes: {
      SpecificDisease: { family: 'disease', idNamespaces: ['MESH', 'OMIM'] },
      DiseaseClass: { family: 'disease', idNamespaces: ['MESH', 'OMIM'] },
      Modifier: { family: 'disease', idNamespaces: ['MESH', 'OMIM'] },
      CompositeMention: { family: 'disease', idNamespaces: ['MESH', 'OMIM'] },
    },
    relationTypes: {},
  },
  tmvar: {
    entityTypes: {
      ProteinMutation: VARIANT_IDS, DNAMutation: VARIANT_IDS, SNP: VARIANT_IDS, ProteinAllele: VARIANT_IDS,
      DNAAllele: VARIANT_IDS, AcidChange: VARIANT_IDS, OtherMutation: VARIANT_IDS,
      Gene: { family: 'gene', idNamespaces: ['NCBIGene', 'number', 'other'] },
      FamilyName: { family: 'gene' },
      DomainMotif: { family: 'gene' },
      Species: { family: 'species', idNamespaces: ['NCBITaxon', 'number'] },
      CellLine: { family: 'cellline', idNamespaces: ['Cellosaurus'] },
      Chromosome: { family: 'other' },
    },
  },
  medmentions: {
    entityTypes: {},
    entityTypePattern: '^T\\d{3}(,T\\d{3})*$',
  },
};
// GNormPlus writes tmVar's gene types.
PRESETS.gnormplus = PRESETS.tmvar;

export const PRESET_NAMES = Object.keys(PRESETS);
