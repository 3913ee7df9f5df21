// Where online answers are kept between look-ups: on disk in Node
// (diskCache.ts, one JSON-lines file per namespace), in memory where there is
// no disk (a browser worker: answers last until the server stops).

import type { OnlineAnswer, OnlineNamespace } from './types';

export interface CacheEntry {
  /** When the answer came (ms since 1970). */
  at: number;
  answer: OnlineAnswer;
}

export interface AnswerCache {
  /** A namespace's answers kept so far; missing or unreadable storage is an empty cache. */
  load(ns: OnlineNamespace): Map<string, CacheEntry>;
  /** Keeps one more answer (in the background; never throws). */
  append(ns: OnlineNamespace, id: string, entry: CacheEntry): void;
  /** Resolves when every answer so far is kept (or failed to be). */
  flushed(): Promise<void>;
}

/** Keeps nothing beyond the look-ups' own memory. */
export class MemoryCache implements AnswerCache {
  load(): Map<string, CacheEntry> {
    return new Map();
  }

  append(): void {
    // OnlineConcepts holds every answer in memory already.
  }

  flushed(): Promise<void> {
    return Promise.resolve();
  }
}
