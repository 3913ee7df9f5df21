// What an online look-up answers, per authority.

export type OnlineNamespace = 'gene' | 'taxonomy' | 'cellosaurus' | 'dbsnp';

export const ONLINE_NAMESPACES: readonly OnlineNamespace[] = ['gene', 'taxonomy', 'cellosaurus', 'dbsnp'];

/** Plain text from a remote service: escape it before putting it in markdown. */
export interface OnlineFacts {
  /** Gene symbol, scientific name, cell line name, `rs` id. */
  name: string;
  /** Gene full name, taxonomic rank, cell line disease, variant genes and position. */
  description?: string;
  /** Species of a gene or cell line. */
  organism?: string;
  synonyms?: string[];
  /** Replaced ids, clinical significance. */
  note?: string;
}

/** `found: false`: the service answered that it has no such id. */
export type OnlineAnswer = { found: true; facts: OnlineFacts } | { found: false };
