// Where a fetch keeps PubTator3's answers between runs, one document per
// entry, so that asking again for the same ids asks the network nothing. The
// storage is the caller's (on disk in the CLI and the Node server, in memory
// in a browser worker); the service sees only this interface. An entry is the
// answer for one (API base URL, format, PMID or PMC id) and is only ever a
// real document: failures and ids the API did not have are never kept.

import { normalizeId } from './answerPieces';
import type { FetchFormat } from './exportRequests';

export interface FetchCache {
  /** The answer kept under `key`, or undefined (none, too old, unreadable). Must not throw; a throw counts as none. */
  get(key: string): Promise<string | undefined>;
  /** Keeps an answer under `key`. Must not throw; a throw is ignored. */
  put(key: string, body: string): Promise<void>;
}

/**
 * The key of one document's answer: the base URL (without trailing slashes),
 * the format, whether the id was asked as a PMC id (full text) or a PMID, and
 * the id normalised. One line, so the storage may hash it or not.
 */
export function fetchCacheKey(base: string, format: FetchFormat, kind: 'pmids' | 'pmcids', id: string): string {
  return `pubtator3-export v1 ${base.trim().replace(/\/+$/, '')} ${format} ${kind === 'pmcids' ? 'fulltext' : 'abstract'} ${normalizeId(id)}`;
}

/** Seven days: PubTator3 re-annotates now and then; a week-old answer is still the document. */
export const DEFAULT_CACHE_MAX_AGE_MS = 7 * 24 * 3600 * 1000;

/**
 * Answers kept in memory for as long as the process lives (the browser
 * worker, which has no disk): at most `maxEntries` and `maxChars` in all, the
 * oldest dropped first, none older than `maxAgeMs`.
 */
export class MemoryFetchCache implements FetchCache {
  private readonly entries = new Map<string, { at: number; body: string }>();
  private chars = 0;

  constructor(
    private readonly maxEntries = 2000,
    private readonly maxChars = 64 * 1024 * 1024,
    private readonly maxAgeMs = DEFAULT_CACHE_MAX_AGE_MS,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (this.now() - entry.at > this.maxAgeMs) {
      this.drop(key);
      return undefined;
    }
    return entry.body;
  }

  async put(key: string, body: string): Promise<void> {
    if (body.length > this.maxChars) return;
    this.drop(key);
    this.entries.set(key, { at: this.now(), body });
    this.chars += body.length;
    // A Map iterates in insertion order: the first key is the oldest.
    while (this.entries.size > this.maxEntries || this.chars > this.maxChars) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (entry === undefined) return;
    this.chars -= entry.body.length;
    this.entries.delete(key);
  }
}
