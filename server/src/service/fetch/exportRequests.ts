// What `pubtator fetch` asks PubTator3 for: the identifiers read from the
// command line or a list file, split into batches the export API accepts,
// and the URL of each batch. No I/O.
//
// PubTator3's export API: GET {base}/publications/export/{pubtator|biocxml|biocjson}
// ?pmids=1,2,3 (abstracts) or ?pmcids=PMC1,PMC2 (full text, BioC formats only),
// at most 100 identifiers per GET; NCBI asks for no more than 3 requests a second.

export type FetchFormat = 'pubtator' | 'bioc-xml' | 'bioc-json';

export const FETCH_FORMATS: readonly FetchFormat[] = ['pubtator', 'bioc-xml', 'bioc-json'];

/** PubTator3's public API. */
export const DEFAULT_API_URL = 'https://www.ncbi.nlm.nih.gov/research/pubtator3-api';

/** Identifiers per GET request that the export API accepts. */
export const BATCH_SIZE = 100;

/** Requests per second NCBI asks clients to stay under. */
export const REQUESTS_PER_SECOND = 3;

const ENDPOINT: Record<FetchFormat, string> = { pubtator: 'pubtator', 'bioc-xml': 'biocxml', 'bioc-json': 'biocjson' };

export interface ParsedIds {
  /** PubMed ids (digits), in first-seen order, each once. */
  pmids: string[];
  /** PMC ids, normalised to `PMC` + digits, in first-seen order, each once. */
  pmcids: string[];
  /** Tokens that are neither, as written. */
  invalid: string[];
}

/**
 * Reads identifiers from free text: separated by white space, commas or
 * semicolons; `#` starts a comment to the end of the line (list files).
 * `PMID:123` and `pmc123` are accepted. Duplicates are dropped.
 */
export function parseIds(text: string): ParsedIds {
  const pmids: string[] = [];
  const pmcids: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  const uncommented = text.split(/\r?\n/).map((line) => line.replace(/#.*$/, '')).join('\n');
  for (const token of uncommented.split(/[\s,;]+/)) {
    if (token === '') continue;
    const pmid = /^(?:pmid:?)?0*(\d{1,9})$/i.exec(token);
    const pmc = /^pmc(?:id)?:?\s*0*(\d{1,9})$/i.exec(token);
    if (pmid) {
      if (!seen.has(pmid[1])) { seen.add(pmid[1]); pmids.push(pmid[1]); }
    } else if (pmc) {
      const id = `PMC${pmc[1]}`;
      if (!seen.has(id)) { seen.add(id); pmcids.push(id); }
    } else {
      invalid.push(token);
    }
  }
  return { pmids, pmcids, invalid };
}

/** `items` in consecutive groups of at most `size`. */
export function batches<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  if (!(size >= 1)) throw new RangeError('batch size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The export URL for one batch; `kind` says whether the ids are PMIDs or PMCIDs. */
export function exportUrl(base: string, format: FetchFormat, kind: 'pmids' | 'pmcids', ids: readonly string[]): string {
  const root = base.replace(/\/+$/, '');
  // Ids are digits or PMC + digits: nothing to escape but the commas, which the API expects bare.
  return `${root}/publications/export/${ENDPOINT[format]}?${kind}=${ids.join(',')}`;
}

export interface ExportRequest {
  kind: 'pmids' | 'pmcids';
  ids: string[];
  url: string;
}

/** Every request a fetch makes, PMIDs first; PMCIDs only in the BioC formats (the API's rule). */
export function exportRequests(base: string, format: FetchFormat, ids: ParsedIds, size = BATCH_SIZE): ExportRequest[] {
  const out: ExportRequest[] = [];
  for (const group of batches(ids.pmids, size)) out.push({ kind: 'pmids', ids: group, url: exportUrl(base, format, 'pmids', group) });
  if (format !== 'pubtator') {
    for (const group of batches(ids.pmcids, size)) out.push({ kind: 'pmcids', ids: group, url: exportUrl(base, format, 'pmcids', group) });
  }
  return out;
}
