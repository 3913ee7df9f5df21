// When the next request to PubTator3 may start, and how long to wait before
// trying a failed one again. Pure: the caller owns the clock.

import { REQUESTS_PER_SECOND } from './exportRequests';

/** Request starts at least 1/rate seconds apart (NCBI: at most 3 a second). */
export class RequestPacer {
  private last: number | undefined;
  readonly gapMs: number;

  constructor(perSecond = REQUESTS_PER_SECOND) {
    if (!(perSecond > 0)) throw new RangeError('requests per second must be positive');
    this.gapMs = Math.ceil(1000 / perSecond);
  }

  /** Milliseconds to wait at `now` before the next request may start. */
  waitAt(now: number): number {
    return this.last === undefined ? 0 : Math.max(0, this.last + this.gapMs - now);
  }

  /** Records that a request started at `now`. */
  started(now: number): void {
    this.last = now;
  }
}

/** HTTP statuses worth trying again: too many requests, and the server's own failures. */
export function isRetryable(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599);
}

/** Longest wait honoured from a Retry-After header, so a bad header cannot stall a run. */
export const MAX_RETRY_WAIT_MS = 60_000;

/**
 * The wait before try number `attempt` + 1 (attempt 1 = the first retry):
 * the server's Retry-After (seconds or an HTTP date) when it gives one, else
 * exponential backoff from `baseMs` (base, 2 base, 4 base, ...), capped.
 */
export function retryDelay(attempt: number, retryAfter: string | null | undefined, now: number, baseMs = 1000): number {
  if (retryAfter) {
    const trimmed = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.min(MAX_RETRY_WAIT_MS, Math.round(Number(trimmed) * 1000));
    const date = Date.parse(trimmed);
    if (!Number.isNaN(date)) return Math.min(MAX_RETRY_WAIT_MS, Math.max(0, date - now));
  }
  return Math.min(MAX_RETRY_WAIT_MS, baseMs * 2 ** Math.max(0, attempt - 1));
}
