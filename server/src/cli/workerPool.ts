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
import { emptyRangeResult, runTask, type AnyTask, type ChunkTask, type RangeTask, type TaskContext, type TaskResult } from './chunkTasks';
import { rangeAt, readRange } from './fileRanges';
import { SharedLines } from './sharedLines';
import { YOUNG_GENERATION_MB } from './memoryBudget';
import type { ChunkRunner } from './runner';
import { finishBatch, prepareBatch, refusedBatch } from '../service/bioc/batchMap';
import { convertBatch } from '../service/bioc/convertBatch';

interface WorkerSetup {
  pubtatorChunkWorker: true;
  /** The corpus schema goes too (plain data: maps and regular expressions survive the structured clone). */
  options: Pick<ValidationOptions, 'unit' | 'severities' | 'schema' | 'learnConventions'>;
  meshPath?: string;
}

type Request = { id: number; task: AnyTask };
/** The main thread's answer to a range's line count: the chunk's first line. */
type FirstLine = { id: number; firstLine: number };
type Reply = { id: number; result: TaskResult } | { id: number; error: string } | { id: number; lines: number };

function isSetup(data: unknown): data is WorkerSetup {
  return typeof data === 'object' && data !== null && (data as WorkerSetup).pubtatorChunkWorker === true;
}

/** The worker side: answers each request with the task's result, or the error it threw. */
function serve(setup: WorkerSetup): void {
  const mesh = setup.meshPath ? openMeshIndex(setup.meshPath) : undefined;
  const options: ValidationOptions = { ...setup.options, concepts: mesh ? { mesh } : undefined };
  const ctx: TaskContext = { options, run: prepare(options) };
  const firstLines = new Map<number, (line: number) => void>();
  const post = (reply: Reply, transfer: Transferable[] = []) => parentPort!.postMessage(reply, transfer);
  parentPort!.on('message', (message: Request | FirstLine) => {
    if ('firstLine' in message) {
      firstLines.get(message.id)?.(message.firstLine);
      firstLines.delete(message.id);
      return;
    }
    answer(message).then((reply) => post(reply, transferOf(reply)), (e: unknown) => post({ id: message.id, error: e instanceof Error ? e.stack ?? e.message : String(e) }));
  });

  async function answer({ id, task }: Request): Promise<Reply> {
    if (task.kind === 'bioc-batch') {
      // Parsed and projected, it says how many projection lines it holds, and is told its first one.
      const prepared = prepareBatch(task, ctx.options);
      if (typeof prepared === 'string') return { id, result: refusedBatch(prepared) };
      const firstLine = new Promise<number>((resolve) => firstLines.set(id, resolve));
      post({ id, lines: prepared.lines.length });
      return { id, result: finishBatch(prepared, await firstLine, ctx.options, ctx.run) };
    }
    if (task.kind === 'bioc-convert') return { id, result: convertBatch(task) };
    if (!('range' in task)) return { id, result: runTask(task, ctx) };
    return { id, result: checkRange(task, ctx) };
  }
}

/**
 * A range: read the chunk and say how many lines it holds (unless a thread
 * that needed the count has said it already), then work out its first line
 * from the counts before it (sharedLines.ts) and check it.
 */
function checkRange(task: RangeTask, ctx: TaskContext): TaskResult {
  const ledger = new SharedLines(task.lines);
  const piece = readRange(task.range, ledger.count(task.index));
  ledger.say(task.index, piece ? piece.lines : 0);
  if (!piece) return emptyRangeResult(task.kind);
  const { path, size } = task.range;
  const firstLine = ledger.firstLine(task.index, (index) => readRange(rangeAt(path, size, task.step, index))?.lines ?? 0);
  return runTask({ kind: task.kind, bytes: piece.bytes, firstLine } as ChunkTask, ctx);
}

/** A fixed chunk's bytes are moved back, not copied. */
function transferOf(reply: Reply): Transferable[] {
  return 'result' in reply && reply.result.kind === 'fix' && reply.result.text ? [reply.result.text.buffer as ArrayBuffer] : [];
}

if (!isMainThread && isSetup(workerData)) serve(workerData);

interface Slot {
  worker: Worker;
  /** Tasks sent and not answered yet. */
  busy: number;
}

/** Tasks a worker holds at once: one running, one waiting, so it never idles while a result travels. */
const PER_WORKER = 2;

interface Waiter {
  resolve: (r: TaskResult) => void;
  reject: (e: Error) => void;
  slot: Slot;
  firstLine?: (lines: number) => Promise<number>;
}

export class WorkerPool implements ChunkRunner {
  private readonly slots: Slot[] = [];
  private readonly pending = new Map<number, Waiter>();
  private readonly waiting: Request[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  private closing = false;

  /**
   * `script`: the file the workers run (this module, or the bundle that holds
   * it); `heapMb`: each worker's old-space limit (0: none), beside a young
   * generation pinned as the command line's own (memoryBudget.ts).
   */
  constructor(size: number, options: ValidationOptions, meshPath: string | undefined, script: string, heapMb: number) {
    const setup: WorkerSetup = { pubtatorChunkWorker: true, options: { unit: options.unit, severities: options.severities, schema: options.schema, learnConventions: options.learnConventions }, meshPath };
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, {
        workerData: setup,
        resourceLimits: heapMb > 0 ? { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } : undefined,
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

  run(task: AnyTask, firstLine?: (lines: number) => Promise<number>): Promise<TaskResult> {
    if (this.failure) return Promise.reject(this.failure);
    if (task.kind === 'bioc-batch' && !firstLine) return Promise.reject(new Error('a BioC batch needs its first line worked out'));
    const id = this.nextId++;
    return new Promise<TaskResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, slot: undefined as unknown as Slot, firstLine });
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
      const transfer = request.task.kind === 'fix' || request.task.kind === 'bioc-batch' || request.task.kind === 'bioc-convert' || 'range' in request.task ? [] : [request.task.bytes.buffer as ArrayBuffer];
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
    if ('lines' in reply) {
      // Told as soon as every chunk before it has said how many lines it holds.
      void waiter.firstLine!(reply.lines).then((firstLine) => {
        if (!this.closing) slot.worker.postMessage({ id: reply.id, firstLine } satisfies FirstLine);
      });
      return;
    }
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
