// The runner a run uses: this thread for --jobs 1 or a small input, worker
// threads otherwise. Either way the results, used in order, are the same.

import { availableParallelism } from 'node:os';
import type { TaskContext } from './chunkTasks';
import { CHUNK_BYTES } from './fileChunks';
import { InlineRunner, type ChunkRunner } from './runner';
import { WorkerPool } from './workerPool';
import { heapBudgetMb } from './memoryBudget';

export interface RunnerHints {
  /** The MeSH index file, which each worker opens for itself. */
  meshPath?: string;
  /** Bytes on disk of all inputs, when known. */
  totalBytes?: number;
  /** Whether some input is compressed (its size on disk says little about its text). */
  compressed?: boolean;
}

/** --jobs when not given: every core. */
export function defaultJobs(): number {
  return availableParallelism();
}

/**
 * --jobs when not given, for a BioC file: a core is left to this thread, which
 * parses the XML between batches (all of the JSON) while V8's collector and
 * compiler threads work beside it. On 2 idle cores one thread checked 49 MB of
 * XML in 2.5–2.8 s against 2.8 s for two (JSON: 2.8–3.0 s both ways).
 */
export function defaultBiocJobs(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** `convert --jobs` when not given (BioC XML to PubTator): as for a BioC check, a core is left to this thread. */
export function defaultConvertJobs(): number {
  return defaultBiocJobs();
}

/**
 * Chunks a thread must have to repay its start. Each thread compiles the
 * checker for itself (V8 shares no optimised code between threads): until it
 * has, it checks at a fraction of its speed, and its compiler takes a core from
 * the others. Both the warm-up and the checking scale with the core's speed, so
 * the break-even is a size, not a time. Measured on 2 cores (generated corpora,
 * `--jobs 2` against `--jobs 1`, docs/performance.md): 10-30 MB 10-20% slower
 * with two threads, 50 MB even, 100 MB 1.24x and 200 MB 1.46x faster; so a
 * thread is started for every 32 chunks (32 MB), past the break-even.
 * PUBTATOR_THREAD_CHUNKS changes it, for tests that want threads on a small file.
 */
const CHUNKS_PER_THREAD = Number(process.env.PUBTATOR_THREAD_CHUNKS) > 0 ? Number(process.env.PUBTATOR_THREAD_CHUNKS) : 32;

/** Threads worth starting: none beyond what the input repays (CHUNKS_PER_THREAD); a compressed input's text is of unknown size. */
export function threadsFor(jobs: number, hints: RunnerHints): number {
  if (jobs <= 1) return 1;
  if (hints.totalBytes === undefined || hints.compressed) return jobs;
  return Math.max(1, Math.min(jobs, Math.floor(hints.totalBytes / (CHUNK_BYTES * CHUNKS_PER_THREAD))));
}

/**
 * Worker threads for a BioC XML file split by documents (biocSplit.ts,
 * biocConvertSplit.ts), undefined when it is read on this thread alone. This
 * thread is one of the --jobs: it decodes and scans the text, reads what lies
 * between batches and takes every result, so it starts jobs − 1 workers. Each
 * worker compiles the parser, projection and checks for itself (per thread,
 * about 1 s of CPU on 49 MB, measured): on two cores, one worker beside this
 * thread costs about the CPU of the serial read, two cost 1.1 s more.
 */
export function createSplitRunner(jobs: number, ctx: TaskContext, hints: RunnerHints = {}): WorkerPool | undefined {
  const workers = threadsFor(jobs, hints) - 1;
  return workers >= 1 ? new WorkerPool(workers, ctx.options, hints.meshPath, workerScript(), heapBudgetMb()) : undefined;
}

/**
 * The split's workers shared by the BioC XML files of a run (per set of
 * options: the workers take them as they start), so that each worker warms up
 * once, not once per file. A file too small to split (threadsFor) reads alone.
 */
export class SplitRunners {
  private readonly pools = new Map<string, WorkerPool>();

  constructor(private readonly jobs: number, private readonly meshPath?: string) {}

  /** The workers for a file of these hints under options known by `key`; undefined: read it on this thread. */
  for(key: string, ctx: TaskContext, hints: RunnerHints): WorkerPool | undefined {
    if (threadsFor(this.jobs, hints) < 2) return undefined;
    let pool = this.pools.get(key);
    if (!pool) {
      pool = new WorkerPool(this.jobs - 1, ctx.options, this.meshPath, workerScript(), heapBudgetMb());
      this.pools.set(key, pool);
    }
    return pool;
  }

  /** Workers a file left in an unknown state (its read failed, a worker stopped): closed, new ones for the next file. */
  async discard(key: string): Promise<void> {
    const pool = this.pools.get(key);
    this.pools.delete(key);
    await pool?.close();
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close()));
    this.pools.clear();
  }
}

export function createRunner(jobs: number, ctx: TaskContext, hints: RunnerHints = {}): ChunkRunner {
  const threads = threadsFor(jobs, hints);
  if (threads <= 1) return new InlineRunner(ctx);
  return new WorkerPool(threads, ctx.options, hints.meshPath, workerScript(), heapBudgetMb());
}

/** The script a worker runs: the CLI bundle itself, or this folder's compiled workerPool.js. */
function workerScript(): string {
  // In the bundle every module shares the bundle's __filename; compiled, this is runners.js beside workerPool.js.
  return __filename.endsWith('runners.js') ? __filename.replace(/runners\.js$/, 'workerPool.js') : __filename;
}
