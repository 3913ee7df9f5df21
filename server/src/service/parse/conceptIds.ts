// Concept ids, understood rather than split: the namespace of each part, the
// composite separators (| , ; +), the no-id markers, and variant ids whose
// parts contain `|` themselves (tmVar keys such as p|SUB|V|600|E) and are
// joined by `;` as key:value fields (PubTator3, tmVar 3).

export type Namespace =
  | 'mesh'
  | 'omim'
  | 'ncbi' // a bare number: NCBI Gene or Taxonomy, told apart by the mention type
  | 'gene'
  | 'taxonomy'
  | 'cellosaurus'
  | 'dbsnp'
  | 'chebi'
  | 'umls'
  | 'tmvar'
  | 'hgvs'
  | 'attribute' // another key:value field of a variant (VariantGroup, CA#, Disease ...)
  | 'other';

export interface ConceptAtom {
  /** The part as written, trimmed. */
  raw: string;
  /** UTF-16 offsets of `raw` inside the id field. */
  start: number;
  end: number;
  namespace: Namespace;
  /** The literal prefix as written (`MESH:`, `RS#:`, `tmVar:`), empty when bare. */
  prefix: string;
  /** The value without its prefix (`D007649`, `5444`, `p|SUB|V|600|E`). */
  value: string;
  /** Normalised key: equal keys name the same concept whatever the spelling. */
  key: string;
  /** Species given in parentheses after a gene id: `100155702(Tax:9823)`. */
  species?: string;
}

/** Shared between rows with the same id text: never mutate one. */
export interface ConceptRef {
  raw: string;
  /** `-1`, `-` or empty: the row names no concept. */
  none: boolean;
  /** A `;`-joined variant id: identity is the set of its identifying parts. */
  variant: boolean;
  atoms: ConceptAtom[];
}

const NONE = new Set(['', '-', '-1']);

/** key:value field names that only variant ids use. */
const VARIANT_KEYS = new Set([
  'TMVAR', 'HGVS', 'RS#', 'RSID', 'VARIANTGROUP', 'CORRESPONDINGGENE', 'CORRESPONDINGSPECIES', 'CA#',
]);

/** Parts of a variant id that identify it (others are attributes such as its gene). */
const IDENTIFYING = new Set<Namespace>(['tmvar', 'hgvs', 'dbsnp']);

// A tmVar key: optional sequence letter, then |KIND| (p|SUB|V|600|E, |DEL|46|S, |Allele|C→A|).
const TMVAR_KEY = /^(?:tmVar:)?[A-Za-z]?\|[A-Za-z]+\|/;
const MESH = /^[CD](?:\d{6}|\d{9})$/;
const UMLS = /^C\d{7}$/;
const DIGITS = /^\d+$/;
const GENE_WITH_SPECIES = /^(\d+)\s*\((?:Tax|Taxonomy):(\d+)\)$/i;

// The same ids recur on row after row; parsed refs are immutable, so one
// parse serves them all. Bounded, so hostile input cannot grow it without end.
const remembered = new Map<string, ConceptRef>();
const MAX_REMEMBERED = 20000;

export function parseConceptId(field: string): ConceptRef {
  let ref = remembered.get(field);
  if (!ref) {
    ref = parseFresh(field);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(field, ref);
  }
  return ref;
}

/**
 * A value worked out from a parsed id once per parsed id, not once per row:
 * rows with the same id text share one ConceptRef (see parseConceptId).
 */
export function perConcept<T>(compute: (ref: ConceptRef) => T): (ref: ConceptRef) => T {
  const memo = new WeakMap<ConceptRef, T>();
  return (ref) => {
    let value = memo.get(ref);
    if (value === undefined) {
      value = compute(ref);
      memo.set(ref, value);
    }
    return value;
  };
}

/**
 * The concepts an id names, as normalised keys: every part of a plain id
 * (composites), only the identifying parts of a variant (not its gene or
 * group); none for `-1`/`-`/empty. The file index and the comparison of two
 * files both count concepts this way.
 */
export const conceptKeys = perConcept((ref: ConceptRef): readonly string[] => {
  if (ref.none) return [];
  const keys = new Set<string>();
  for (const a of ref.atoms) {
    if (!ref.variant || isIdentifying(a)) keys.add(a.key);
  }
  return [...keys];
});

function parseFresh(field: string): ConceptRef {
  const trimmed = field.trim();
  if (NONE.has(trimmed)) return { raw: field, none: true, variant: false, atoms: [] };
  if (looksLikeVariant(field)) {
    return { raw: field, none: false, variant: true, atoms: splitAtoms(field, /;/g, true) };
  }
  return { raw: field, none: false, variant: false, atoms: splitAtoms(field, /[|,;+]/g, false) };
}

function looksLikeVariant(field: string): boolean {
  let from = 0;
  for (;;) {
    const semi = field.indexOf(';', from);
    const part = field.slice(from, semi < 0 ? field.length : semi).trim();
    if (TMVAR_KEY.test(part)) return true;
    const colon = part.indexOf(':');
    if (colon > 0 && VARIANT_KEYS.has(part.slice(0, colon).toUpperCase())) return true;
    if (semi < 0) return false;
    from = semi + 1;
  }
}

function splitAtoms(field: string, separators: RegExp, variant: boolean): ConceptAtom[] {
  const atoms: ConceptAtom[] = [];
  let from = 0;
  const push = (to: number) => {
    const piece = field.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const raw = piece.trim();
    if (!NONE.has(raw)) {
      atoms.push(parseAtom(raw, from + lead, variant));
    }
  };
  separators.lastIndex = 0;
  for (let m = separators.exec(field); m; m = separators.exec(field)) {
    push(m.index);
    from = m.index + 1;
  }
  push(field.length);
  return atoms;
}

// Every atom has the same fields in one order (`species` undefined but for a
// gene with its species): one hidden class for the checks that read them.
function atom(raw: string, start: number, namespace: Namespace, prefix: string, value: string, key: string, species?: string): ConceptAtom {
  return { raw, start, end: start + raw.length, namespace, prefix, value, key, species };
}

/** Parses one part of an id. Exported for completion and hover on partial input. */
export function parseAtom(raw: string, start = 0, inVariant = false): ConceptAtom {
  if (TMVAR_KEY.test(raw)) {
    const prefix = raw.startsWith('tmVar:') ? 'tmVar:' : '';
    const value = raw.slice(prefix.length);
    return atom(raw, start, 'tmvar', prefix, value, 'TMVAR:' + value);
  }
  const withSpecies = GENE_WITH_SPECIES.exec(raw);
  if (withSpecies) {
    return atom(raw, start, 'ncbi', '', withSpecies[1], 'NCBI:' + withSpecies[1], withSpecies[2]);
  }
  const colon = raw.indexOf(':');
  if (colon > 0) {
    const prefix = raw.slice(0, colon + 1);
    const value = raw.slice(colon + 1).trim();
    switch (prefix.slice(0, -1).toUpperCase()) {
      case 'MESH':
        return atom(raw, start, 'mesh', prefix, value, 'MESH:' + value.toUpperCase());
      case 'OMIM':
      case 'MIM':
        return atom(raw, start, 'omim', prefix, value, 'OMIM:' + value);
      case 'GENE':
      case 'NCBIGENE':
      case 'CORRESPONDINGGENE':
        return atom(raw, start, 'gene', prefix, value, 'NCBI:' + value);
      case 'TAX':
      case 'TAXONOMY':
      case 'NCBITAXON':
      case 'CORRESPONDINGSPECIES':
        return atom(raw, start, 'taxonomy', prefix, value, 'NCBI:' + value);
      case 'RS#':
      case 'RSID':
      case 'DBSNP':
        return atom(raw, start, 'dbsnp', prefix, value, 'RS:' + value.replace(/^rs/i, ''));
      case 'HGVS':
        return atom(raw, start, 'hgvs', prefix, value, 'HGVS:' + value);
      case 'CVCL':
        return atom(raw, start, 'cellosaurus', prefix, value, 'CVCL_' + value.toUpperCase());
      case 'CHEBI':
        return atom(raw, start, 'chebi', prefix, value, 'CHEBI:' + value);
      case 'UMLS':
        return atom(raw, start, 'umls', prefix, value, 'UMLS:' + value.toUpperCase());
      default: {
        const ns: Namespace = inVariant ? 'attribute' : 'other';
        return atom(raw, start, ns, prefix, value, prefix.slice(0, -1).toUpperCase() + ':' + value);
      }
    }
  }
  if (DIGITS.test(raw)) return atom(raw, start, 'ncbi', '', raw, 'NCBI:' + raw);
  if (MESH.test(raw)) return atom(raw, start, 'mesh', '', raw, 'MESH:' + raw);
  if (UMLS.test(raw)) return atom(raw, start, 'umls', '', raw, 'UMLS:' + raw);
  // tmVar 3 writes OMIM ids with an underscore: OMIM_615961.
  if (/^OMIM_\d+$/i.test(raw)) return atom(raw, start, 'omim', raw.slice(0, 5), raw.slice(5), 'OMIM:' + raw.slice(5));
  if (/^CVCL_/i.test(raw)) return atom(raw, start, 'cellosaurus', 'CVCL_', raw.slice(5), 'CVCL_' + raw.slice(5).toUpperCase());
  if (/^rs\d+$/i.test(raw)) return atom(raw, start, 'dbsnp', 'rs', raw.slice(2), 'RS:' + raw.slice(2));
  return atom(raw, start, 'other', '', raw, raw);
}

/** Whether a part of a variant id identifies the variant (not just its gene or group). */
export function isIdentifying(a: ConceptAtom): boolean {
  return IDENTIFYING.has(a.namespace);
}

/** Namespace names as an annotator reads them. */
export const NAMESPACE_LABEL: Record<Namespace, string> = {
  mesh: 'MeSH',
  omim: 'OMIM',
  ncbi: 'NCBI Gene or Taxonomy',
  gene: 'NCBI Gene',
  taxonomy: 'NCBI Taxonomy',
  cellosaurus: 'Cellosaurus',
  dbsnp: 'dbSNP',
  chebi: 'ChEBI',
  umls: 'UMLS',
  tmvar: 'tmVar variant',
  hgvs: 'HGVS',
  attribute: 'variant attribute',
  other: 'other',
};
