// Gives memory back after large work. Opening a 50 MB file leaves the JSON-RPC
// message (its buffers and the decoded string) and the first check's garbage
// on the heap; V8 frees them at its next full collection, which an idle server
// may not run for minutes, so its RSS stayed at six times the file. One full
// collection once the server is quiet returns it (about 12 ms with a 50 MB
// file open).

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Reclaimer } from './serverHost';

/** See serverHost.ts's Reclaimer; large work is a text of largeText.ts's LARGE_TEXT or more. */
export class MemoryReclaimer implements Reclaimer {
  private timer: ReturnType<typeof setTimeout> | undefined;

  private readonly collect: (() => void) | undefined;

  /** `collect: null` for a process that cannot collect; by default, V8's full collection. */
  constructor(collect: (() => void) | null = fullCollection() ?? null, private readonly quietMs = 1500) {
    this.collect = collect ?? undefined;
  }

  /** Whether this process can collect on demand (else every call is a no-op). */
  get available(): boolean {
    return this.collect !== undefined;
  }

  /** Collects now: before a large first check, so its garbage does not pile on the message's. */
  now(): void {
    this.cancel();
    this.collect?.();
  }

  /** Collects once the server has been quiet for a while; a later call restarts the wait. */
  whenQuiet(): void {
    if (!this.collect) return;
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.collect?.();
    }, this.quietMs);
    // A pending collection must not keep the process alive after shutdown.
    this.timer.unref?.();
  }

  /** Work arrived: a pending collection waits for the next quiet spell. */
  postpone(): void {
    if (this.timer !== undefined) this.whenQuiet();
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/**
 * V8's full collection, when the process lets us have it: `gc` where Node runs
 * with --expose-gc, else the flag set now and `gc` taken from a new context
 * (the flag applies to contexts created after it). Undefined when neither works.
 */
export function fullCollection(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as () => void;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}
