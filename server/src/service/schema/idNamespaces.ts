// Which ids a schema's namespace names accept, in terms of how the parser
// reads ids (parse/conceptIds.ts): `MESH` takes `MESH:D007649` and bare
// `D007649`, `NCBIGene` takes `5444` and `Gene:5444`, `tmVar` takes variant
// keys, `number` any bare number, `other` anything the parser cannot place.

import { isIdentifying, type ConceptAtom, type ConceptRef, type Namespace } from '../parse/conceptIds';
import type { EntityTypeDecl, IdNamespace } from './schema';

const ACCEPTS: Record<IdNamespace, readonly Namespace[]> = {
  MESH: ['mesh'],
  OMIM: ['omim'],
  NCBIGene: ['gene', 'ncbi'],
  NCBITaxon: ['taxonomy', 'ncbi'],
  Cellosaurus: ['cellosaurus'],
  dbSNP: ['dbsnp'],
  ChEBI: ['chebi'],
  UMLS: ['umls'],
  tmVar: ['tmvar'],
  HGVS: ['hgvs'],
  number: ['ncbi'],
  other: ['other', 'attribute'],
};

/** The namespace name a schema would use for a parsed id part. */
export function namespaceOf(atom: ConceptAtom): IdNamespace {
  switch (atom.namespace) {
    case 'mesh': return 'MESH';
    case 'omim': return 'OMIM';
    case 'gene': return 'NCBIGene';
    case 'taxonomy': return 'NCBITaxon';
    case 'ncbi': return 'number';
    case 'cellosaurus': return 'Cellosaurus';
    case 'dbsnp': return 'dbSNP';
    case 'chebi': return 'ChEBI';
    case 'umls': return 'UMLS';
    case 'tmvar': return 'tmVar';
    case 'hgvs': return 'HGVS';
    default: return 'other';
  }
}

/** Parts of an id that do not fit a type's declaration (namespaces and pattern), and why. */
export function idMisfits(ref: ConceptRef, decl: EntityTypeDecl): { atom: ConceptAtom; why: string }[] {
  const out: { atom: ConceptAtom; why: string }[] = [];
  if (ref.none) return out;
  const allowed = decl.idNamespaces;
  for (const atom of ref.atoms) {
    // A variant's attributes (its gene, its group) are not the variant's id.
    if (ref.variant && !isIdentifying(atom)) continue;
    if (allowed?.length && !allowed.some((ns) => ACCEPTS[ns].includes(atom.namespace))) {
      out.push({ atom, why: `${namespaceOf(atom)} is not one of ${decl.name}'s namespaces (${allowed.join(', ')})` });
    } else if (decl.pattern && !decl.pattern.test(atom.raw)) {
      out.push({ atom, why: `it does not match ${decl.name}'s id pattern ${decl.idPattern}` });
    }
  }
  return out;
}
