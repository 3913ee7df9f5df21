// One file's reduce step on the main thread: its chunks' results, in file
// order, through the FileReducer (streamingValidator.ts). A file's
// diagnostics are printed in line order when it ends, the rows held for its
// habits settled in among them (past OUTPUT_BUFFER they are printed as they
// come, and the settled ones last). A file that shows no document before many
// lines is not PubTator at all: one clear message instead of an error per line.

import { FileReducer, type ChunkCheck, type Counts } from '../service/streamingValidator';
import type { Diagnostic } from '../service/types';
import { ownCopy } from '../service/ownCopy';
import { mergeSorted, type ValidationOptions } from '../service/validate';
import type { CheckResult, CheckTask, StatsResult, StatsTask } from './chunkTasks';
import type { InputFile, InputProblem } from './discover';
import { describeError, InputError } from './errors';
import { CHUNK_BYTES, forEachChunk, StopReading } from './fileChunks';
import { fileRanges, refuseBinary } from './fileRanges';
import { sharedLines } from './sharedLines';
import { isProjected, projectedPieces } from './projectedInput';
import { bytePieces, type ReadCounters } from './readInput';
import type { ChunkRunner, OrderedResults } from './runner';
import type { Summary } from './summary';

/** What else a command does with a file's results (stats counts them). */
export interface FileHooks {
  /** A chunk's result was taken into the file, with its counts as part of the file. */
  taken?(result: ChunkCheck, counts: Counts): void;
  /** The file was read to its end and taken whole. */
  ended?(): void;
  /** Which findings count (all unless said: stats leaves out those that do not apply to a BioC projection). */
  keep?(d: Diagnostic): boolean;
}

/**
 * Reads one input into chunks, has `runner` check them (a `stats` task also
 * counts) and feeds the results, through `use`, to `file` in order.
 */
export async function checkOne(
  input: InputFile, counters: ReadCounters, runner: ChunkRunner, results: OrderedResults, file: FileCheck,
  kind: 'check' | 'stats' = 'check', use: (result: CheckResult | StatsResult) => ChunkCheck = (r) => r.check,
): Promise<void> {
  try {
    // A BioC file (stats) is read through its projection, on this thread's reader.
    const projected = kind === 'stats' && await isProjected(input);
    if (!projected && runner.threads > 1 && !input.gzip && !input.stdin && input.size !== undefined) {
      await checkRanges(input, input.size, counters, runner, results, file, kind, use);
    } else {
      await forEachChunk(input, counters, async (chunk) => {
        if (file.done) throw new StopReading();
        await results.add(runner.run({ kind, bytes: chunk.bytes, firstLine: chunk.firstLine } as CheckTask | StatsTask), (r) => file.chunk(use(r as CheckResult | StatsResult)));
      }, CHUNK_BYTES, projected ? projectedPieces : bytePieces);
    }
    await results.then(() => file.end());
  } catch (err) {
    if (!(err instanceof StopReading)) await results.then(() => file.fail(err));
  }
}

/**
 * A plain file on worker threads: each worker reads its own range
 * (fileRanges.ts) and works out its first line with the others (sharedLines.ts);
 * the results are taken here, in file order.
 */
async function checkRanges(
  input: InputFile, size: number, counters: ReadCounters, runner: ChunkRunner, results: OrderedResults, file: FileCheck,
  kind: 'check' | 'stats', use: (result: CheckResult | StatsResult) => ChunkCheck,
): Promise<void> {
  await refuseBinary(input.path);
  const ranges = fileRanges(input.path, size, CHUNK_BYTES);
  const lines = sharedLines(ranges.length);
  for (let i = 0; i < ranges.length; i++) {
    if (file.done) throw new StopReading();
    const range = ranges[i];
    await results.add(runner.run({ kind, range, index: i, step: CHUNK_BYTES, lines }), (result) => {
      const r = result as CheckResult | StatsResult;
      counters.raw += range.end - range.start;
      counters.text += range.end - range.start;
      if (r.lines !== 0) file.chunk(use(r), true);
    });
  }
}

/** Diagnostics of one file held back to be printed in line order with its settled ones. */
const OUTPUT_BUFFER = 20_000;

/** Lines without any document after which a file is taken for something else. */
const NOT_PUBTATOR_AFTER_LINES = 1000;

/** One file's reduce step, fed its chunks' results in order. */
export class FileCheck {
  /** The file failed or was found not to be PubTator: later results are dropped. */
  done = false;
  private readonly reducer: FileReducer;
  // Until a file shows its first document, its results are held back: a file
  // that never does is not PubTator at all, and one clear message beats a
  // malformed-line error for each of its lines.
  private seenDocument = false;
  private held: ChunkCheck[] = [];
  /** Results that came from another thread (their strings are their own). */
  private readonly own = new WeakSet<ChunkCheck>();
  /** Diagnostics not printed yet (undefined once the file outgrew the buffer). */
  private pending: Diagnostic[] | undefined = [];

  constructor(
    readonly input: InputFile, readonly label: string, options: ValidationOptions, private readonly summary: Summary,
    private readonly print: (d: Diagnostic) => void, private readonly unreadable: (p: InputProblem) => void,
    private readonly hooks: FileHooks = {},
  ) {
    this.reducer = new FileReducer(options);
  }

  /** `own`: the result came from another thread, with strings of its own. */
  chunk(result: ChunkCheck, own = false): void {
    if (this.done) return;
    if (own) this.own.add(result);
    if (this.seenDocument) return this.take(result);
    this.held.push(result);
    if (result.blocks > 0) {
      this.seenDocument = true;
      this.held.splice(0).forEach((r) => this.take(r));
    } else if (this.strayLines() > NOT_PUBTATOR_AFTER_LINES) {
      this.fail(new InputError(this.notPubtator()));
    }
  }

  end(): void {
    if (this.done) return;
    if (!this.seenDocument && this.strayLines() > 0) return this.fail(new InputError(this.notPubtator()));
    this.held.splice(0).forEach((r) => this.take(r));
    const settled = this.kept(this.reducer.end());
    this.summary.addDiagnostics(settled);
    const rest = this.pending ? mergeSorted(this.pending, settled, false) : settled;
    this.pending = undefined;
    rest.forEach(this.print);
    this.summary.files++;
    if (this.input.gzip) this.summary.gzipFiles++;
    this.done = true;
    this.hooks.ended?.();
  }

  fail(err: unknown): void {
    if (this.done) return;
    this.done = true;
    this.pending?.forEach(this.print);
    this.pending = undefined;
    this.unreadable({ path: this.label, reason: describeError(err) });
  }

  private take(result: ChunkCheck): void {
    const { diagnostics: all, counts } = this.reducer.add(result, this.own.has(result));
    const diagnostics = this.kept(all);
    this.hooks.taken?.(result, counts);
    this.summary.addCounts(counts);
    this.summary.addDiagnostics(diagnostics);
    if (this.pending && this.pending.length + diagnostics.length <= OUTPUT_BUFFER) {
      // Held past their chunk: copies, or each would keep its chunk's text (ownCopy.ts).
      for (const d of this.own.has(result) ? diagnostics : ownCopy(diagnostics)) this.pending.push(d);
      return;
    }
    this.pending?.forEach(this.print);
    this.pending = undefined;
    diagnostics.forEach(this.print);
  }

  private kept(diagnostics: Diagnostic[]): Diagnostic[] {
    const keep = this.hooks.keep;
    return keep ? diagnostics.filter((d) => keep(d)) : diagnostics;
  }

  private strayLines(): number {
    return this.held.reduce((n, h) => n + h.stray, 0);
  }

  private notPubtator(): string {
    const lines = this.strayLines();
    return `not a PubTator file: ${lines}${lines > NOT_PUBTATOR_AFTER_LINES ? '+' : ''} non-blank lines and not one ID|t|title line or annotation row; not checked`;
  }
}

