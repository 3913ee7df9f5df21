// `pubtator check --fix` and `--fix-dry-run`. Each input is cut into chunks
// of whole documents and every safe fix is applied chunk by chunk
// (edits/fixText.ts: the preferred quick fix of each problem, verified),
// then the chunks are written back in order:
//
// - --fix writes the result to a temporary file beside the input and renames
//   it over the input only when something changed (and the input did not
//   change meanwhile), so a reader never sees half a file; every byte that no
//   fix touched is kept, line ends and a byte-order mark included. A file that
//   is not valid UTF-8 is left alone (its bytes would not survive). .gz files
//   and stdin are fixed only with --output PATH. Then the inputs are checked
//   again, and what is left is printed as `check` prints it.
// - --fix-dry-run prints a unified diff of what --fix would change, and
//   writes nothing; exit status 1 when there is something to fix.
//
// Lines saying what was fixed go to stdout, or to stderr when stdout holds
// something else (the diff, a SARIF log, the fixed text).

import { promises as fs, constants as fsConstants } from 'node:fs';
import type { TextFix } from '../service/edits/fixText';
import { prepare, type ValidationOptions } from '../service/validate';
import { AtomicFile } from './atomicFile';
import type { FixResult } from './chunkTasks';
import { discover, type InputFile, type InputProblem } from './discover';
import { skippedMessage } from './discoveryReport';
import { describeError, InputError } from './errors';
import { forEachChunk, StopReading } from './fileChunks';
import { printable } from './format';
import { LineOutput } from './output';
import type { ReadCounters } from './readInput';
import { formatFixed } from './reporterRegistry';
import { OrderedResults, queueFor, type ChunkRunner } from './runner';
import { createRunner, defaultJobs } from './runners';
import { checkFiles, finish, runSeverities, withMesh, type CheckOptions, type Streams } from './runCheck';
import { Summary } from './summary';
import { UnifiedDiffWriter } from './unifiedDiff';

export interface FixOptions extends CheckOptions {
  fix: 'write' | 'dry-run';
  output?: string;
}

/** What fixing one input came to. */
interface Fixed {
  /** The file to check afterwards (absent when there is none: written to stdout, or not fixed). */
  check?: InputFile;
  fixes: number;
  written: boolean;
}

export async function runFix(options: FixOptions, io: Streams = process): Promise<number> {
  const started = performance.now();
  return withMesh(options.mesh, io, async (mesh) => {
    const { files, problems, skipped } = await discover(options.paths, options);
    io.stderr.write(skippedMessage(skipped));
    const summary = new Summary();
    summary.fixing = true;
    const out = new LineOutput(io.stdout);
    const err = new LineOutput(io.stderr);
    const dryRun = options.fix === 'dry-run';
    const toStdout = options.output === '-';
    // Where the lines about fixes go.
    const notes = dryRun || toStdout || options.format === 'sarif' ? err : out;
    const unreadable = (p: InputProblem) => {
      out.flush();
      notes.flush();
      summary.unreadable.push(p);
      io.stderr.write(`pubtator: ${printable(p.path)}: ${printable(p.reason)}\n`);
    };
    problems.forEach(unreadable);

    const validation: ValidationOptions = { unit: options.unit, severities: runSeverities(options) };
    const sizes = files.map((f) => f.size ?? 0);
    const runner = createRunner(options.jobs ?? defaultJobs(), { options: validation, run: prepare(validation) }, {
      totalBytes: sizes.reduce((a, b) => a + b, 0), compressed: files.some((f) => f.gzip || f.stdin),
    });
    const results = new OrderedResults(queueFor(runner));
    const counters: ReadCounters = { raw: 0, text: 0 };
    const fixedInputs: InputFile[] = [];
    try {
      for (const input of files) {
        const done = await fixOne(input, options, counters, runner, results, {
          diff: dryRun ? (line) => out.line(line) : undefined,
          fixed: (fix) => notes.line(formatFixed(dryRun ? 'text' : options.format, input.path, fix)),
          unreadable,
          stdout: io.stdout,
        });
        summary.fixed += done.fixes;
        if (done.written) summary.fixedFiles++;
        if (done.check) fixedInputs.push(done.check);
        out.flush();
        notes.flush();
      }
    } finally {
      await runner.close();
    }
    if (dryRun || toStdout) {
      const would = dryRun ? 'would be fixed' : 'fixed';
      io.stderr.write(`pubtator: ${summary.fixed} problem${summary.fixed === 1 ? '' : 's'} ${would}.\n`);
      if (summary.unreadable.length) return 2;
      return dryRun && summary.fixed > 0 ? 1 : 0;
    }
    // What is left, checked as `check` checks it (the fixed files are read again).
    const reporter = await checkFiles(fixedInputs, [], options, io, out, summary, mesh);
    return finish(summary, options, io, out, started, reporter);
  });
}

interface FixOutputs {
  /** Lines of the unified diff (--fix-dry-run). */
  diff?: (line: string) => void;
  fixed: (fix: TextFix) => void;
  unreadable: (p: InputProblem) => void;
  stdout: NodeJS.WritableStream;
}

/** Where the fixed text of one input goes: a file written atomically, stdout, or nowhere (dry run). */
interface Sink {
  write(bytes: Uint8Array | string): Promise<void>;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

function stdoutSink(stdout: NodeJS.WritableStream): Sink {
  return {
    write: (bytes) => new Promise<void>((resolve, reject) => stdout.write(bytes, (e) => (e ? reject(e) : resolve()))),
    commit: () => Promise.resolve(),
    discard: () => Promise.resolve(),
  };
}

const GZ = /\.gz$/i;

async function openSink(input: InputFile, options: FixOptions, stdout: NodeJS.WritableStream): Promise<Sink | undefined> {
  if (options.fix === 'dry-run') return undefined;
  if (options.output === '-') return stdoutSink(stdout);
  if (options.output !== undefined) return AtomicFile.create(options.output, { gzip: GZ.test(options.output) });
  if (input.stdin || input.gzip) {
    throw new InputError(`not fixed: --fix writes files in place, and does not rewrite ${input.stdin ? 'stdin' : 'a .gz file'}; give --output PATH for the fixed text`);
  }
  // Fail early, as `check` would on a file it cannot read, rather than after the work.
  await fs.access(input.path, fsConstants.W_OK);
  return AtomicFile.create(input.path);
}

async function fileState(path: string): Promise<string> {
  const s = await fs.stat(path);
  return `${s.size}:${s.mtimeMs}:${s.ino}`;
}

async function fixOne(
  input: InputFile, options: FixOptions, counters: ReadCounters, runner: ChunkRunner, results: OrderedResults, outputs: FixOutputs,
): Promise<Fixed> {
  const label = input.path;
  let sink: Sink | undefined;
  let before: string | undefined;
  try {
    sink = await openSink(input, options, outputs.stdout);
    if (!input.stdin) before = await fileState(input.path);
  } catch (err) {
    outputs.unreadable({ path: label, reason: describeError(err) });
    return { fixes: 0, written: false };
  }
  const diff = outputs.diff ? new UnifiedDiffWriter(outputs.diff, label, options.output ?? label) : undefined;
  const fixes: TextFix[] = [];
  let failed: string | undefined;
  let changed = false;
  let first = true;
  const take = async (result: FixResult, original: Uint8Array, last: boolean) => {
    if (failed) return;
    if (result.notUtf8) {
      failed = 'not valid UTF-8 text: not fixed, as its bytes could not be written back unchanged';
      return;
    }
    if (sink) {
      if (!first) await sink.write('\n');
      await sink.write(result.text ?? original);
    }
    first = false;
    if (result.text) changed = true;
    fixes.push(...result.fixes);
    for (const op of result.ops ?? []) diff!.add(op);
    if (last && diff) diff.end(result.newline?.old, result.newline?.new);
  };
  try {
    await forEachChunk(input, counters, async (chunk, last) => {
      if (failed) throw new StopReading();
      const task = { kind: 'fix' as const, bytes: chunk.bytes, firstLine: chunk.firstLine, last, diff: diff !== undefined };
      await results.add(runner.run(task), (r) => take(r as FixResult, chunk.bytes, last));
    });
    await results.drain();
  } catch (err) {
    await results.drain().catch(() => undefined);
    if (!(err instanceof StopReading)) failed = describeError(err);
  }
  try {
    if (!failed && sink && (changed || options.output !== undefined)) {
      if (before !== undefined && before !== await fileState(input.path)) failed = 'changed while it was being fixed: not written';
      else await sink.commit();
    }
  } catch (err) {
    failed = `could not be written: ${describeError(err)}`;
  }
  if (failed) {
    await sink?.discard();
    outputs.unreadable({ path: label, reason: failed });
    return { fixes: 0, written: false };
  }
  if (sink && !(changed || options.output !== undefined)) await sink.discard();
  fixes.forEach(outputs.fixed);
  const written = sink !== undefined && changed;
  if (options.fix === 'dry-run' || options.output === '-') return { fixes: fixes.length, written };
  const path = options.output ?? input.path;
  const check: InputFile = { path, gzip: GZ.test(path) || (options.output === undefined && input.gzip) };
  try {
    check.size = (await fs.stat(path)).size;
  } catch {
    // Checking it will say why it cannot be read.
  }
  return { check, fixes: fixes.length, written };
}
