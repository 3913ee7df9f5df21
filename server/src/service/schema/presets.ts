// Built-in schemas for the corpus families whose conventions are published,
// for `"extends": "<name>"`. They declare what each family's own files use;
// a corpus that adds types extends one and adds its own entries.

import type { EntityTypeEntry, RelationTypeEntry, SchemaDocument } from './schema';

/**
 * BioRED's and PubTator3's relation types, defined on the pair (symmetric).
 * No argument table: NCBI's converter's table (relation-type-not-allowed, off
 * by default) is narrower than what the gold files themselves use.
 */
const PAIR_TYPES = ['Association', 'Positive_Correlation', 'Negative_Correlation', 'Bind', 'Cotreatment', 'Comparison', 'Drug_Interaction', 'Conversion'];
const relationTypes = (): Record<string, RelationTypeEntry> => Object.fromEntries(PAIR_TYPES.map((t) => [t, { direction: 'symmetric' as const }]));

const VARIANT_IDS: EntityTypeEntry = { family: 'variant', idNamespaces: ['tmVar', 'HGVS', 'dbSNP', 'other'] };
/** BC8's BioRED files give some variants their gene's id. */
const VARIANT_OR_GENE_IDS: EntityTypeEntry = { family: 'variant', idNamespaces: ['tmVar', 'HGVS', 'dbSNP', 'NCBIGene', 'number', 'other'] };
/** GNormPlus and NLM-Gene's gene types. */
const GENE_TYPES: Record<string, EntityTypeEntry> = {
  Gene: { family: 'gene', idNamespaces: ['NCBIGene', 'number', 'other'] },
  FamilyName: { family: 'gene' },
  DomainMotif: { family: 'gene' },
  Cell: { family: 'other' },
  ChromosomeLocation: { family: 'other' },
};

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
    relationTypes: relationTypes(),
  },
  biored: {
    entityTypes: {
      GeneOrGeneProduct: { family: 'gene', idNamespaces: ['NCBIGene', 'number'] },
      DiseaseOrPhenotypicFeature: { family: 'disease', idNamespaces: ['MESH', 'OMIM'] },
      ChemicalEntity: { family: 'chemical', idNamespaces: ['MESH', 'ChEBI'] },
      OrganismTaxon: { family: 'species', idNamespaces: ['NCBITaxon', 'number'] },
      SequenceVariant: VARIANT_OR_GENE_IDS,
      CellLine: { family: 'cellline', idNamespaces: ['Cellosaurus'] },
    },
    relationTypes: relationTypes(),
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
      ...GENE_TYPES,
      Species: { family: 'species', idNamespaces: ['NCBITaxon', 'number'] },
      // tmVar 3 gives a cell line the taxonomy id of its species.
      CellLine: { family: 'cellline', idNamespaces: ['Cellosaurus', 'NCBITaxon', 'number'] },
      Disease: { family: 'disease', idNamespaces: ['MESH', 'OMIM'] },
      Chemical: { family: 'chemical', idNamespaces: ['MESH', 'ChEBI'] },
      Chromosome: { family: 'other' },
      RefSeq: { family: 'other' },
    },
  },
  medmentions: {
    entityTypes: {},
    entityTypePattern: '^T\\d{3}(,T\\d{3})*$',
  },
};
// GNormPlus and NLM-Gene write tmVar's gene types.
PRESETS.gnormplus = { entityTypes: { ...GENE_TYPES, Species: { family: 'species', idNamespaces: ['NCBITaxon', 'number'] } } };

export const PRESET_NAMES = Object.keys(PRESETS);
