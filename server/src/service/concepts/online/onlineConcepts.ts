// Names from NCBI Gene, Taxonomy, dbSNP and Cellosaurus for a hover that must
// never wait: `request` answers at once with what is cached and queues a
// look-up; the answer arrives later through a callback (the hover refreshes).
// Requests start at most 3 a second, ids of one E-utilities database share a
// request, answers are cached on disk, and failures (offline, HTTP errors,
// bad JSON) are remembered for a while and never thrown.
//
// Construct it only when the user turned online look-ups on in a trusted workspace.
// It runs wherever `fetch` does (Node, a browser worker); where answers are kept
// is the caller's choice (AnswerCache: on disk in Node, in memory in a browser).

import type { AnswerCache, CacheEntry } from './answerCache';
import { RateLimiter } from './rateLimiter';
import { CELLOSAURUS_BASE, EUTILS_BASE, SourceSettings, batchSize, normaliseOnlineId, parseResponse, requestUrl } from './sources';
import type { OnlineAnswer, OnlineNamespace } from './types';
import { checkRemoteUrl } from '../safeUrl';

export type { OnlineAnswer, OnlineFacts, OnlineNamespace } from './types';
export { ONLINE_NAMESPACES } from './types';

export interface OnlineConceptsOptions {
  /** Where answers are kept between look-ups (a DiskCache under the extension's global storage in Node). */
  cache: AnswerCache;
  eutilsBase?: string;
  cellosaurusBase?: string;
  fetch?: typeof fetch;
  /** Clock and timer, injectable so tests control time. */
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => void;
  /** Requests allowed to start per second (NCBI: 3 without an API key). */
  requestsPerSecond?: number;
  /** Cached answers older than this are refreshed when asked for again (default 30 days). */
  maxAgeMs?: number;
  /** After a failure, the id is not asked for again before this (default 5 minutes). */
  retryAfterMs?: number;
  timeoutMs?: number;
  ncbiTool?: string;
  ncbiEmail?: string;
  ncbiApiKey?: string;
  /** Failures, for a log; never shown as errors. */
  onError?(message: string): void;
}

type Listener = (answer: OnlineAnswer) => void;

const MAX_BODY = 2 * 1024 * 1024;
const MAX_QUEUE = 5000;

export class OnlineConcepts {
  private readonly cache: AnswerCache;
  private readonly memory = new Map<OnlineNamespace, Map<string, CacheEntry>>();
  private readonly failedUntil = new Map<string, number>();
  private readonly listeners = new Map<string, Listener[]>();
  private readonly queue: { ns: OnlineNamespace; id: string }[] = [];
  private readonly limiter: RateLimiter;
  private readonly settings: SourceSettings;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => void;
  private readonly disposed = new AbortController();
  private timerSet = false;
  private pumpQueued = false;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly options: OnlineConceptsOptions) {
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((cb, ms) => {
      // A pending look-up must not keep a Node process alive (browsers' timers have no unref).
      const timer: { unref?: () => void } | number = setTimeout(cb, ms);
      if (typeof timer === 'object') timer.unref?.();
    });
    this.limiter = new RateLimiter(options.requestsPerSecond ?? 3, 1000, this.now);
    this.cache = options.cache;
    this.settings = {
      eutilsBase: options.eutilsBase ?? EUTILS_BASE,
      cellosaurusBase: options.cellosaurusBase ?? CELLOSAURUS_BASE,
      tool: options.ncbiTool ?? 'pubtator-vscode',
      email: options.ncbiEmail,
      apiKey: options.ncbiApiKey,
    };
  }

  /** What is known now, without asking anyone. */
  peek(ns: OnlineNamespace, id: string): OnlineAnswer | undefined {
    const key = normaliseOnlineId(ns, id);
    return key === undefined ? undefined : this.entries(ns).get(key)?.answer;
  }

  /**
   * What is known now; when nothing (or something old) is, a look-up is
   * queued and `onAnswer` called with its answer. Never throws, never waits.
   */
  request(ns: OnlineNamespace, id: string, onAnswer?: Listener): OnlineAnswer | undefined {
    const key = normaliseOnlineId(ns, id);
    if (key === undefined || this.disposed.signal.aborted) return undefined;
    const known = this.entries(ns).get(key);
    const maxAge = this.options.maxAgeMs ?? 30 * 24 * 3600 * 1000;
    if (known && this.now() - known.at < maxAge) return known.answer;
    const pendingKey = `${ns}:${key}`;
    if ((this.failedUntil.get(pendingKey) ?? 0) > this.now()) return known?.answer;
    const waiting = this.listeners.get(pendingKey);
    if (waiting) {
      if (onAnswer) waiting.push(onAnswer);
    } else if (this.queue.length < MAX_QUEUE) {
      this.listeners.set(pendingKey, onAnswer ? [onAnswer] : []);
      this.queue.push({ ns, id: key });
      // Ids asked for in one go (a hover, a document) share a request: start after this task.
      if (!this.pumpQueued) {
        this.pumpQueued = true;
        queueMicrotask(() => {
          this.pumpQueued = false;
          this.pump();
        });
      }
    }
    return known?.answer;
  }

  /** Whether a look-up of this id is queued or under way. */
  isPending(ns: OnlineNamespace, id: string): boolean {
    const key = normaliseOnlineId(ns, id);
    return key !== undefined && this.listeners.has(`${ns}:${key}`);
  }

  /** Resolves when nothing is queued or under way and the cache is written (CLI, tests). */
  async whenIdle(): Promise<void> {
    await Promise.resolve(); // let a queued start run
    while (this.queue.length || this.inFlight) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    await this.cache.flushed();
  }

  /** Stops look-ups under way and drops the queue; callbacks are not called. */
  dispose(): void {
    this.disposed.abort();
    this.queue.length = 0;
    this.listeners.clear();
    this.wakeIdle();
  }

  private entries(ns: OnlineNamespace): Map<string, CacheEntry> {
    let m = this.memory.get(ns);
    if (!m) {
      m = this.cache.load(ns);
      this.memory.set(ns, m);
    }
    return m;
  }

  private pump(): void {
    while (this.queue.length && !this.disposed.signal.aborted) {
      const wait = this.limiter.delay();
      if (wait > 0) {
        if (!this.timerSet) {
          this.timerSet = true;
          this.setTimer(() => {
            this.timerSet = false;
            this.pump();
          }, wait);
        }
        return;
      }
      this.limiter.tryTake();
      const first = this.queue.shift()!;
      const ids = [first.id];
      const max = batchSize(first.ns);
      for (let i = 0; i < this.queue.length && ids.length < max; ) {
        if (this.queue[i].ns === first.ns) ids.push(this.queue.splice(i, 1)[0].id);
        else i++;
      }
      this.inFlight++;
      void this.fetchBatch(first.ns, ids).finally(() => {
        this.inFlight--;
        this.wakeIdle();
      });
    }
  }

  private wakeIdle(): void {
    if (this.queue.length || this.inFlight) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private async fetchBatch(ns: OnlineNamespace, ids: string[]): Promise<void> {
    let answers: Map<string, OnlineAnswer> | undefined;
    try {
      answers = await this.ask(ns, ids);
    } catch (e) {
      this.options.onError?.(`${ns} look-up failed: ${(e as Error).message}`);
    }
    if (this.disposed.signal.aborted) return;
    const now = this.now();
    for (const id of ids) {
      const key = `${ns}:${id}`;
      const listeners = this.listeners.get(key) ?? [];
      this.listeners.delete(key);
      const answer = answers?.get(id);
      if (!answer) {
        this.failedUntil.set(key, now + (this.options.retryAfterMs ?? 5 * 60 * 1000));
        continue;
      }
      this.failedUntil.delete(key);
      const entry = { at: now, answer };
      this.entries(ns).set(id, entry);
      this.cache.append(ns, id, entry);
      for (const listener of listeners) {
        try {
          listener(answer);
        } catch (e) {
          this.options.onError?.(`a look-up listener failed: ${(e as Error).message}`);
        }
      }
    }
  }

  private async ask(ns: OnlineNamespace, ids: string[]): Promise<Map<string, OnlineAnswer> | undefined> {
    const url = checkRemoteUrl(requestUrl(ns, ids, this.settings));
    if (url instanceof Error) throw url;
    const signal = AbortSignal.any([this.disposed.signal, AbortSignal.timeout(this.options.timeoutMs ?? 10_000)]);
    const response = await (this.options.fetch ?? fetch)(url, { signal, headers: { accept: 'application/json' } });
    const body = await readBounded(response);
    const answers = parseResponse(ns, ids, response.status, body);
    if (!answers) throw new Error(`${url.host} answered ${response.status} with nothing usable`);
    return answers;
  }
}

async function readBounded(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > MAX_BODY) {
      await reader.cancel();
      throw new Error('the answer is too large');
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
