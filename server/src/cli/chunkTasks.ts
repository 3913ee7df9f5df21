// The work done on one chunk of a file (parse/byteChunks.ts), as plain data
// in and out, so it runs the same on the main thread (--jobs 1) and in a
// worker thread: check it (the map step of streamingValidator.ts) or fix it
// (edits/fixText.ts, and the diff lines for --fix-dry-run).

import { checkChunk, type ChunkCheck } from '../service/streamingValidator';
import { fixText, type TextFix } from '../service/edits/fixText';
import { StatsCounter, type CorpusStats } from '../service/features/corpusStats';
import type { Run, ValidationOptions } from '../service/validate';
import { lineOps, sameRun, type LineOp } from './unifiedDiff';
import type { FileRange } from './fileRanges';
import { emptyFacts } from '../service/conventions/facts';
import type { BiocBatchResult, BiocBatchTask } from '../service/bioc/batchMap';
import type { BiocConvertResult, BiocConvertTask } from '../service/bioc/convertBatch';

export interface CheckTask {
  kind: 'check';
  bytes: Uint8Array;
  firstLine: number;
}

export interface FixTask {
  kind: 'fix';
  bytes: Uint8Array;
  firstLine: number;
  /** The file's last chunk (its lines decide whether the file ends with a newline). */
  last: boolean;
  /** Also give the line operations of a diff (--fix-dry-run). */
  diff: boolean;
}

/** A check that also counts what the chunk holds (`pubtator stats`). */
export interface StatsTask {
  kind: 'stats';
  bytes: Uint8Array;
  firstLine: number;
}

export type ChunkTask = CheckTask | FixTask | StatsTask;

/**
 * A check or stats task on a range of a plain file, for a worker thread: it
 * reads its chunk itself (fileRanges.ts) and works out its first line in the
 * file's shared ledger (sharedLines.ts), reading a range before it whose count
 * no thread has said yet.
 */
export interface RangeTask {
  kind: 'check' | 'stats';
  range: FileRange;
  /** The range's place in the file: its index, and the nominal bytes of every range (to find the ranges before it). */
  index: number;
  step: number;
  /** The file's ledger (sharedLines.ts). */
  lines: SharedArrayBuffer;
}

/** What a runner takes: a chunk's bytes anywhere, a range or a batch of BioC XML documents to check (biocSplit.ts) on a worker, a batch to convert (biocConvertSplit.ts) anywhere. */
export type AnyTask = ChunkTask | RangeTask | BiocBatchTask | BiocConvertTask;

export interface CheckResult {
  kind: 'check';
  check: ChunkCheck;
  /** A range's lines (0: none, a document before it took the range in, and `check` is empty). */
  lines?: number;
}

export interface FixResult {
  kind: 'fix';
  /** The chunk is not valid UTF-8: it is left alone, byte for byte. */
  notUtf8?: true;
  /** The fixed chunk, UTF-8; absent when nothing changed. */
  text?: Uint8Array;
  fixes: TextFix[];
  ops?: LineOp[];
  /** For the last chunk of a diff: whether the file ends with a newline before and after. */
  newline?: { old: boolean; new: boolean };
}

export interface StatsResult {
  kind: 'stats';
  check: ChunkCheck;
  stats: CorpusStats;
  lines?: number;
}

export type TaskResult = CheckResult | FixResult | StatsResult | BiocBatchResult | BiocConvertResult;

/** What every task of a run shares: options resolved once per thread. */
export interface TaskContext {
  options: ValidationOptions;
  run: Run;
}

// A byte-order mark stays in the text, as the parser expects it.
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });
const strict = new TextDecoder('utf-8', { ignoreBOM: true, fatal: true });
const encoder = new TextEncoder();

/** A range's result when a document before it took the range in: nothing to use. */
export function emptyRangeResult(kind: 'check' | 'stats'): CheckResult | StatsResult {
  const check: ChunkCheck = {
    diagnostics: [], counts: { documents: 0, mentions: 0, relations: 0 }, blocks: 0, stray: 0,
    facts: { bom: false, documents: [] }, held: [], conventions: emptyFacts(),
  };
  return kind === 'check' ? { kind, check, lines: 0 } : { kind, check, lines: 0, stats: new StatsCounter().result() };
}

export function runTask(task: ChunkTask, ctx: TaskContext): TaskResult {
  if (task.kind === 'check') {
    return { kind: 'check', check: checkChunk(lenient.decode(task.bytes), task.firstLine, ctx.options, ctx.run) };
  }
  if (task.kind === 'stats') {
    const counter = new StatsCounter();
    const check = checkChunk(lenient.decode(task.bytes), task.firstLine, ctx.options, ctx.run, (doc) => counter.addDocument(doc));
    counter.addStray(check.stray);
    return { kind: 'stats', check, stats: counter.result() };
  }
  let text: string;
  try {
    text = strict.decode(task.bytes);
  } catch {
    return { kind: 'fix', notUtf8: true, fixes: [] };
  }
  const fixed = fixText(text, { firstLine: task.firstLine, followed: !task.last, unit: ctx.options.unit, severities: ctx.options.severities });
  const changed = fixed.text !== text;
  const result: FixResult = { kind: 'fix', fixes: fixed.fixes };
  if (changed) result.text = encoder.encode(fixed.text);
  if (task.diff) {
    const before = linesOf(text, task.last);
    const after = changed ? linesOf(fixed.text, task.last) : before;
    result.ops = changed ? lineOps(before.lines, after.lines) : [sameRun(before.lines)];
    if (task.last) result.newline = { old: before.newline, new: after.newline };
  }
  return result;
}

/** A chunk's lines; for the file's last chunk, without the empty one after a final newline. */
function linesOf(text: string, last: boolean): { lines: string[]; newline: boolean } {
  const lines = text.split('\n');
  if (last && lines[lines.length - 1] === '') {
    lines.pop();
    return { lines, newline: true };
  }
  return { lines, newline: false };
}
