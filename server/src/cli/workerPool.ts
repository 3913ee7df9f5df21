// Chunk tasks on worker threads (--jobs N). This module is also the workers'
// entry point: a worker thread loads the same script as the command line
// (this file compiled, or the CLI bundle), finds its setup in workerData,
// resolves the validation options once (opening the MeSH index for itself:
// an open index cannot cross threads), then runs each task it is sent.
// Chunk bytes are moved to the worker, not copied (except for --fix, whose
// unchanged chunks are written back from the main thread's copy), and a
// fixed chunk's bytes are moved back.

import { isMainThread, parentPort, Worker, workerData, type Transferable } from 'node:worker_threads';
import { openMeshIndex } from '../service/concepts/index';
import { prepare, type ValidationOptions } from '../service/validate';
import { runTask, type ChunkTask, type TaskContext, type TaskResult } from './chunkTasks';
import type { ChunkRunner } from './runner';

interface WorkerSetup {
  pubtatorChunkWorker: true;
  /** The corpus schema goes too (plain data: maps and regular expressions survive the structured clone). */
  options: Pick<ValidationOptions, 'unit' | 'severities' | 'schema'>;
  meshPath?: string;
}

type Request = { id: number; task: ChunkTask };
type Reply = { id: number; result: TaskResult } | { id: number; error: string };

function isSetup(data: unknown): data is WorkerSetup {
  return typeof data === 'object' && data !== null && (data as WorkerSetup).pubtatorChunkWorker === true;
}

/** The worker side: answers each request with the task's result, or the error it threw. */
function serve(setup: WorkerSetup): void {
  const mesh = setup.meshPath ? openMeshIndex(setup.meshPath) : undefined;
  const options: ValidationOptions = { ...setup.options, concepts: mesh ? { mesh } : undefined };
  const ctx: TaskContext = { options, run: prepare(options) };
  parentPort!.on('message', ({ id, task }: Request) => {
    let reply: Reply;
    const transfer: Transferable[] = [];
    try {
      const result = runTask(task, ctx);
      if (result.kind === 'fix' && result.text) transfer.push(result.text.buffer as ArrayBuffer);
      reply = { id, result };
    } catch (e) {
      reply = { id, error: e instanceof Error ? e.stack ?? e.message : String(e) };
    }
    parentPort!.postMessage(reply, transfer);
  });
}

if (!isMainThread && isSetup(workerData)) serve(workerData);

interface Slot {
  worker: Worker;
  /** Tasks sent and not answered yet. */
  busy: number;
}

/** Tasks a worker holds at once: one running, one waiting, so it never idles while a result travels. */
const PER_WORKER = 2;

export class WorkerPool implements ChunkRunner {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, { resolve: (r: TaskResult) => void; reject: (e: Error) => void; slot: Slot }>();
  private readonly waiting: Request[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  /**
   * `script`: the file the workers run (this module, or the bundle that holds
   * it); `heapMb`: each worker's heap limit (0: none).
   */
  constructor(size: number, options: ValidationOptions, meshPath: string | undefined, script: string, heapMb: number) {
    const setup: WorkerSetup = { pubtatorChunkWorker: true, options: { unit: options.unit, severities: options.severities, schema: options.schema }, meshPath };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, {
        workerData: setup,
        resourceLimits: heapMb > 0 ? { maxOldGenerationSizeMb: heapMb } : undefined,
        stdout: false,
        stderr: false,
      });
      const slot: Slot = { worker, busy: 0 };
      worker.on('message', (reply: Reply) => this.answer(slot, reply));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`a checking thread stopped (exit code ${code})`));
      });
      this.slots.push(slot);
    }
  }

  get threads(): number {
    return this.slots.length;
  }

  run(task: ChunkTask): Promise<TaskResult> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<TaskResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot: undefined as unknown as Slot });
      this.waiting.push({ id, task });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.waiting.length) {
      const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (slot.busy >= PER_WORKER) return;
      const request = this.waiting.shift()!;
      const waiter = this.pending.get(request.id)!;
      // A --fix chunk is copied: its original bytes are written back when nothing changes.
      const transfer = request.task.kind === 'fix' ? [] : [request.task.bytes.buffer as ArrayBuffer];
      try {
        slot.worker.postMessage(request, transfer);
      } catch (e) {
        this.pending.delete(request.id);
        waiter.reject(e instanceof Error ? e : new Error(String(e)));
        continue;
      }
      slot.busy++;
      waiter.slot = slot;
    }
  }

  private answer(slot: Slot, reply: Reply): void {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    slot.busy--;
    if ('error' in reply) waiter.reject(new Error(reply.error));
    else waiter.resolve(reply.result);
    this.dispatch();
  }

  private fail(err: Error): void {
    const message = (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? 'a checking thread ran out of memory (a document too large for its heap budget; run again with PUBTATOR_HEAP_MB=0 or a larger number)'
      : err.message;
    this.failure ??= new Error(message);
    for (const waiter of this.pending.values()) waiter.reject(this.failure);
    this.pending.clear();
    this.waiting.length = 0;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
