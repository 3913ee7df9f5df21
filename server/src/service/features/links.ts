// Links to the authority behind a concept id. Only these fixed https prefixes
// are ever produced, and the id part must match its authority's id syntax
// (then it is percent-encoded anyway): anything else gets no link at all.

import type { ConceptAtom } from '../parse/conceptIds';

export type Authority = 'mesh' | 'gene' | 'taxonomy' | 'cellosaurus' | 'dbsnp' | 'omim' | 'chebi' | 'pubmed';

interface Template {
  label: string;
  prefix: string;
  suffix: string;
  valid: RegExp;
}

const TEMPLATES: Record<Authority, Template> = {
  mesh: { label: 'MeSH', prefix: 'https://meshb.nlm.nih.gov/record/ui?ui=', suffix: '', valid: /^[CD]\d+$/ },
  gene: { label: 'NCBI Gene', prefix: 'https://www.ncbi.nlm.nih.gov/gene/', suffix: '', valid: /^\d+$/ },
  taxonomy: {
    label: 'NCBI Taxonomy', prefix: 'https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id=', suffix: '', valid: /^\d+$/,
  },
  cellosaurus: { label: 'Cellosaurus', prefix: 'https://www.cellosaurus.org/', suffix: '', valid: /^CVCL_[A-Z0-9]+$/ },
  dbsnp: { label: 'dbSNP', prefix: 'https://www.ncbi.nlm.nih.gov/snp/rs', suffix: '', valid: /^\d+$/ },
  omim: { label: 'OMIM', prefix: 'https://omim.org/entry/', suffix: '', valid: /^\d+$/ },
  chebi: { label: 'ChEBI', prefix: 'https://www.ebi.ac.uk/chebi/searchId.do?chebiId=CHEBI:', suffix: '', valid: /^\d+$/ },
  pubmed: { label: 'PubMed', prefix: 'https://pubmed.ncbi.nlm.nih.gov/', suffix: '/', valid: /^\d+$/ },
};

/** Longest id part accepted (real ids are far shorter; this bounds the URL). */
const MAX_ID = 40;

export interface AuthorityLink {
  label: string;
  url: string;
}

/** The URL of `id` at an authority, or undefined when `id` is not one of its ids. */
export function authorityLink(authority: Authority, id: string): AuthorityLink | undefined {
  const t = TEMPLATES[authority];
  if (id.length > MAX_ID || !t.valid.test(id)) return undefined;
  return { label: t.label, url: t.prefix + encodeURIComponent(id) + t.suffix };
}

/**
 * Which authority an atom's id belongs to, and the id as that authority writes
 * it. A bare number is a Taxonomy id when the mentions carrying it are species
 * and an NCBI Gene id otherwise, so the caller says which (`species`).
 */
export function atomAuthority(atom: ConceptAtom, species: boolean): { authority: Authority; id: string } | undefined {
  switch (atom.namespace) {
    case 'mesh':
      return { authority: 'mesh', id: atom.value.toUpperCase() };
    case 'ncbi':
      return { authority: species ? 'taxonomy' : 'gene', id: atom.value };
    case 'gene':
      return { authority: 'gene', id: atom.value };
    case 'taxonomy':
      return { authority: 'taxonomy', id: atom.value };
    case 'cellosaurus':
      return { authority: 'cellosaurus', id: atom.key };
    case 'dbsnp':
      return { authority: 'dbsnp', id: atom.value.replace(/^rs/i, '') };
    case 'omim':
      return { authority: 'omim', id: atom.value };
    case 'chebi':
      return { authority: 'chebi', id: atom.value.replace(/^CHEBI:/i, '') };
    default:
      return undefined;
  }
}

/** The link for an atom, when its id validates. */
export function atomLink(atom: ConceptAtom, species: boolean): AuthorityLink | undefined {
  const a = atomAuthority(atom, species);
  return a && authorityLink(a.authority, a.id);
}

/** Label of the authority an atom resolves to (NCBI Gene or Taxonomy for bare numbers). */
export function authorityLabel(authority: Authority): string {
  return TEMPLATES[authority].label;
}
