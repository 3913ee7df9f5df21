// One whole fetch, as the CLI and the editor both run it: ids read from text,
// those the cache holds taken from it, the export requests made for the
// others (exportClient.ts), the answers merged in the order the ids were
// asked, the new documents put in the cache, and what did not come said.
// Whatever the network or the cache does, this answers; it never throws.

import { fetchExports, type ClientOptions } from './exportClient';
import { DocumentCollector } from './documentCollector';
import { ExportMerger } from './exportMerge';
import { exportRequests, parseIds, type FetchFormat, type ParsedIds } from './exportRequests';
import { fetchCacheKey, type FetchCache } from './fetchCache';

export interface FetchReport {
  /** The merged file; '' when no document came. */
  text: string;
  documents: number;
  /** Tokens that are not ids (nothing was asked when there are any). */
  invalid: string[];
  /** PMC ids not asked because the format cannot hold full text (pubtator). */
  skipped: string[];
  /** Ids the API did not return. */
  missing: string[];
  failed: { ids: string[]; reason: string }[];
  /** Ids asked (of the cache or the API). */
  asked: number;
  /** Of those, ids the cache answered (no request made for them). */
  cached: number;
}

export interface FetchOptions extends ClientOptions {
  /** Where answers are kept between fetches; none: every id is asked of the API. */
  cache?: FetchCache;
}

export async function fetchDocuments(idsText: string, format: FetchFormat, base: string, options: FetchOptions = {}): Promise<FetchReport> {
  const ids = parseIds(idsText);
  const report: FetchReport = { text: '', documents: 0, invalid: ids.invalid, skipped: [], missing: [], failed: [], asked: 0, cached: 0 };
  if (ids.invalid.length > 0) return report;
  if (format === 'pubtator') report.skipped = ids.pmcids;
  const wanted = [...ids.pmids.map((id) => ({ kind: 'pmids' as const, id })), ...(format === 'pubtator' ? [] : ids.pmcids.map((id) => ({ kind: 'pmcids' as const, id })))];
  report.asked = wanted.length;
  const collector = new DocumentCollector(format);
  const toAsk: ParsedIds = { pmids: [], pmcids: [], invalid: [] };
  const { cache } = options;
  for (const { kind, id } of wanted) {
    const body = cache && !options.signal?.aborted ? await cacheGet(cache, fetchCacheKey(base, format, kind, id)) : undefined;
    if (body !== undefined && collector.addCached(body, kind, id)) report.cached++;
    else toAsk[kind].push(id);
  }
  const outcome = await fetchExports(exportRequests(base, format, toAsk), collector, options);
  report.missing = outcome.missing;
  report.failed = outcome.failed;
  if (cache) {
    for (const kind of ['pmids', 'pmcids'] as const) {
      for (const id of toAsk[kind]) {
        const body = collector.cacheBody(kind, id);
        if (body !== undefined) await cachePut(cache, fetchCacheKey(base, format, kind, id), body);
      }
    }
  }
  const merger = new ExportMerger(format);
  for (const piece of collector.ordered(wanted.map((w) => w.id))) merger.addPiece(piece);
  report.documents = merger.documents;
  if (merger.documents > 0) report.text = merger.text();
  return report;
}

async function cacheGet(cache: FetchCache, key: string): Promise<string | undefined> {
  try {
    const body = await cache.get(key);
    return typeof body === 'string' ? body : undefined;
  } catch {
    return undefined;
  }
}

async function cachePut(cache: FetchCache, key: string, body: string): Promise<void> {
  try {
    await cache.put(key, body);
  } catch {
    // A cache that cannot keep an answer costs a request next time, nothing more.
  }
}
