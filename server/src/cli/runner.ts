// Where chunk tasks run, and the order their results are used in. A runner
// takes tasks and gives results, on this thread (--jobs 1) or on worker
// threads (workerPool.ts); results are used strictly in the order the tasks
// were given, so the output is the same whatever ran where and finished first.

import type { AnyTask, TaskContext, TaskResult } from './chunkTasks';
import { runTask } from './chunkTasks';
import { convertBatch } from '../service/bioc/convertBatch';

export interface ChunkRunner {
  /** Threads that run tasks. */
  readonly threads: number;
  /**
   * A split BioC batch needs `firstLine`: given the batch's line count, it
   * resolves with the batch's first line.
   */
  run(task: AnyTask, firstLine?: (lines: number) => Promise<number>): Promise<TaskResult>;
  close(): Promise<void>;
}

/** Results waiting per thread: enough that no thread idles while the main thread reads and prints. */
export function queueFor(runner: ChunkRunner): number {
  return Math.max(2, runner.threads * 4);
}

/** Runs each task at once, on this thread. */
export class InlineRunner implements ChunkRunner {
  readonly threads = 1;

  constructor(private readonly ctx: TaskContext) {}

  run(task: AnyTask): Promise<TaskResult> {
    if ('range' in task || task.kind === 'bioc-batch') return Promise.reject(new Error('a range of a file, or a split BioC batch, is read on a worker thread only'));
    try {
      return Promise.resolve(task.kind === 'bioc-convert' ? convertBatch(task) : runTask(task, this.ctx));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Results used in the order they were added, with at most `limit` waiting:
 * adding waits while the queue is full, which holds back the reading (and so
 * bounds memory) while workers catch up.
 */
export class OrderedResults {
  private readonly waiting: { result: Promise<unknown>; use: (value: unknown) => void | Promise<void> }[] = [];

  constructor(private readonly limit: number) {}

  async add<T>(result: Promise<T>, use: (value: T) => void | Promise<void>): Promise<void> {
    // A rejection is seen when its turn comes, not as an unhandled one before.
    result.catch(() => undefined);
    this.waiting.push({ result, use: use as (value: unknown) => void | Promise<void> });
    while (this.waiting.length >= this.limit) await this.next();
  }

  /** Something to do in its turn, after every result added before it. */
  then(action: () => void | Promise<void>): Promise<void> {
    return this.add(Promise.resolve(), action);
  }

  async drain(): Promise<void> {
    while (this.waiting.length) await this.next();
  }

  private async next(): Promise<void> {
    const head = this.waiting.shift()!;
    await head.use(await head.result);
  }
}
