// Entity types as the corpora spell them, grouped into the families that the
// colouring, the relation table and the hover speak of.

export type EntityFamily = 'chemical' | 'disease' | 'gene' | 'species' | 'variant' | 'cellline' | 'other';

const FAMILY_OF: Record<string, EntityFamily> = {
  chemical: 'chemical', chemicalentity: 'chemical', drug: 'chemical',
  disease: 'disease', diseaseorphenotypicfeature: 'disease', specificdisease: 'disease',
  diseaseclass: 'disease', modifier: 'disease', compositemention: 'disease',
  gene: 'gene', geneorgeneproduct: 'gene', familyname: 'gene', domainmotif: 'gene', protein: 'gene',
  species: 'species', organismtaxon: 'species', organism: 'species',
  proteinmutation: 'variant', dnamutation: 'variant', snp: 'variant', sequencevariant: 'variant',
  proteinallele: 'variant', dnaallele: 'variant', acidchange: 'variant', othermutation: 'variant',
  variant: 'variant', mutation: 'variant', genomicregion: 'variant',
  cellline: 'cellline',
};

/** Types seen in public corpora that belong to no family above but are not mistakes. */
const OTHER_KNOWN = new Set([
  'cell', 'celltype', 'chromosomelocation', 'other', 'nonstandardref', 'organ', 'tissue', 'refseq', 'chromosome',
]);

// MedMentions writes UMLS semantic types, several joined by commas: T038,T047.
const UMLS_TYPES = /^T\d{3}(,T\d{3})*$/;

const ID_LIKE = /\||^(MESH|OMIM|CVCL|CHEBI|RS#|RSID|tmVar|HGVS|Gene|Tax):|^(rs)?\d+$|^[CD]\d{6,9}$/i;

/** Whether a type column holds what is really a concept id (a column went missing). */
export function looksLikeConceptId(type: string): boolean {
  return typeFacts(type).idLike;
}

interface TypeFacts {
  family: EntityFamily;
  known: boolean;
  idLike: boolean;
}

// A file uses a handful of types on every row, and several checks ask about
// each row's: remember their facts. Bounded, so a file with millions of
// distinct junk types cannot grow it without end.
const facts = new Map<string, TypeFacts>();
const MAX_REMEMBERED = 1000;
// Rows of one type often follow each other: the last answer, before the map.
let lastType = '';
let lastFacts: TypeFacts | undefined;

function typeFacts(type: string): TypeFacts {
  if (type === lastType && lastFacts) return lastFacts;
  let f = facts.get(type);
  if (!f) {
    const trimmed = type.trim();
    const t = trimmed.toLowerCase();
    // Own keys only: a type named `constructor` or `toString` is no family's.
    const family = Object.prototype.hasOwnProperty.call(FAMILY_OF, t) ? FAMILY_OF[t] : undefined;
    f = {
      family: family ?? 'other',
      known: family !== undefined || OTHER_KNOWN.has(t) || UMLS_TYPES.test(trimmed),
      idLike: ID_LIKE.test(trimmed),
    };
    if (facts.size >= MAX_REMEMBERED) facts.clear();
    facts.set(type, f);
  }
  lastType = type;
  lastFacts = f;
  return f;
}

export function entityFamily(type: string): EntityFamily {
  return typeFacts(type).family;
}

export function isKnownEntityType(type: string): boolean {
  return typeFacts(type).known;
}

/** Type names grouped by the corpus flavour that uses them, for completion. */
export const ENTITY_TYPES_BY_FLAVOUR: Record<string, string[]> = {
  'PubTator3': ['Gene', 'Disease', 'Chemical', 'Species', 'CellLine', 'ProteinMutation', 'DNAMutation', 'SNP'],
  'BC5CDR': ['Chemical', 'Disease'],
  'NCBI-disease': ['SpecificDisease', 'DiseaseClass', 'Modifier', 'CompositeMention'],
  'BioRED': ['GeneOrGeneProduct', 'DiseaseOrPhenotypicFeature', 'ChemicalEntity', 'OrganismTaxon', 'SequenceVariant', 'CellLine'],
  'tmVar': ['ProteinMutation', 'DNAMutation', 'SNP', 'ProteinAllele', 'DNAAllele', 'AcidChange', 'OtherMutation', 'Gene', 'Species', 'CellLine'],
  'GNormPlus': ['Gene', 'FamilyName', 'DomainMotif'],
};

export const FAMILY_LABEL: Record<EntityFamily, string> = {
  chemical: 'Chemical', disease: 'Disease', gene: 'Gene', species: 'Species',
  variant: 'Variant', cellline: 'Cell line', other: 'Other',
};
