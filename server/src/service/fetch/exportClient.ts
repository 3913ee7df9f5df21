// The requests of a fetch (`pubtator fetch`, the editor's Fetch command):
// each export request in turn, paced as NCBI asks, tried again on 429/5xx and network errors with backoff, every
// answer handed to the merger. Clock, sleep and fetch are injectable so tests
// run against a local server with a fake clock. Only the global fetch, which
// Node and browser workers both have.

import type { ExportRequest } from './exportRequests';
import { isRetryable, RequestPacer, retryDelay } from './pacing';

export interface ClientOptions {
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Tries per request, the first included. */
  tries?: number;
  /** First backoff wait in ms. */
  backoffMs?: number;
  requestsPerSecond?: number;
  /** Told after each request: its index and the total. */
  progress?: (done: number, total: number) => void;
  /** Stops between requests when it aborts. */
  signal?: AbortSignal;
  /** Per-request time limit in ms. */
  timeoutMs?: number;
}

/** What takes the answers in (ExportMerger, or fetchDocuments' collector of documents). */
export interface AnswerSink {
  /** Takes one answer's body (the answer to `request`); an error when it cannot be read. */
  add(body: string, request: ExportRequest): { error?: string };
  /** Whether a document with this id came in an answer taken so far. */
  has(id: string): boolean;
}

export interface FetchOutcome {
  /** Requested ids that no answer held, in request order. */
  missing: string[];
  /** Requests given up on: their ids and why. */
  failed: { ids: string[]; reason: string }[];
  /** Every request's start time (the clock's), for the record. */
  starts: number[];
}

const sleepReal = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function fetchExports(requests: readonly ExportRequest[], merger: AnswerSink, options: ClientOptions = {}): Promise<FetchOutcome> {
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? sleepReal;
  const tries = options.tries ?? 4;
  const pacer = new RequestPacer(options.requestsPerSecond);
  const outcome: FetchOutcome = { missing: [], failed: [], starts: [] };
  for (let i = 0; i < requests.length; i++) {
    if (options.signal?.aborted) {
      for (const r of requests.slice(i)) outcome.failed.push({ ids: r.ids, reason: 'cancelled' });
      break;
    }
    const request = requests[i];
    let reason = '';
    let body: string | undefined;
    for (let attempt = 0; attempt < tries && body === undefined; attempt++) {
      const wait = pacer.waitAt(now());
      if (wait > 0) await sleep(wait);
      pacer.started(now());
      outcome.starts.push(now());
      let retryAfter: string | null = null;
      try {
        const signals = [options.signal, options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined].filter((s): s is AbortSignal => s !== undefined);
        const response = await doFetch(request.url, { signal: signals.length ? AbortSignal.any(signals) : undefined, headers: { accept: '*/*' } });
        const text = await response.text();
        if (response.ok) body = text;
        else {
          reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
          retryAfter = response.headers.get('retry-after');
          if (!isRetryable(response.status)) break;
        }
      } catch (err) {
        reason = err instanceof Error ? (err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message) : String(err);
        if (options.signal?.aborted) break;
      }
      if (body === undefined && attempt + 1 < tries) await sleep(retryDelay(attempt + 1, retryAfter, now(), options.backoffMs));
    }
    if (body === undefined) {
      outcome.failed.push({ ids: request.ids, reason: `${reason} (${request.url})` });
    } else {
      const merged = merger.add(body, request);
      if (merged.error) outcome.failed.push({ ids: request.ids, reason: `unreadable answer: ${merged.error} (${request.url})` });
      // An id whose document came in an earlier answer counts as returned too.
      else for (const id of request.ids) if (!merger.has(id)) outcome.missing.push(id);
    }
    options.progress?.(i + 1, requests.length);
  }
  return outcome;
}
