// `pubtator check`: finds the inputs, cuts each into chunks of whole
// documents, checks the chunks (on this thread, or on worker threads with
// --jobs), and uses the results strictly in file and chunk order: the reduce
// step (streamingValidator.ts) adds what only the whole file can tell, and
// the diagnostics are printed as they come. So the output is the same byte
// for byte whatever the number of threads. Returns the exit status: 2 if an
// input could not be read, else 1 if errors (or too many warnings), else 0.

import type { SeveritySettings } from '../service/checks/check';
import { CHECKS } from '../service/checks/index';
import type { MeshIndex } from '../service/concepts/index';
import { FileReducer, type ChunkCheck } from '../service/streamingValidator';
import { Severity, type Diagnostic, type OffsetUnit } from '../service/types';
import { prepare, type ValidationOptions } from '../service/validate';
import type { OutputFormat } from './args';
import type { CheckResult } from './chunkTasks';
import { discover, type InputFile, type InputProblem } from './discover';
import { describeError, InputError } from './errors';
import { forEachChunk, StopReading } from './fileChunks';
import { printable } from './format';
import { openCliMesh } from './meshOption';
import { LineOutput } from './output';
import { ProgressBar } from './progress';
import type { ReadCounters } from './readInput';
import { createReporter, levelOf, type Reporter } from './reporter';
import { createRunner, defaultJobs } from './runners';
import { OrderedResults, queueFor, type ChunkRunner } from './runner';
import { Summary } from './summary';

export interface CheckOptions {
  paths: string[];
  format: OutputFormat;
  unit: OffsetUnit;
  severities: SeveritySettings;
  /** Report errors only; warnings are still counted when `maxWarnings` is set. */
  quiet?: boolean;
  /** Exit 1 when there are more warnings than this (-1 or absent: no limit). */
  maxWarnings?: number;
  /** `--mesh`: a built MeSH index, or NLM's MeSH files to index first. */
  mesh?: string[];
  /** Threads checking chunks (1: this one); every core when absent. */
  jobs?: number;
}

export interface Streams {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/** The MeSH index, opened (or built) before any output: a bad --mesh is a usage problem. */
export async function openMesh(paths: string[] | undefined, io: Streams): Promise<{ index?: MeshIndex; path?: string } | undefined> {
  if (!paths) return {};
  const opened = await openCliMesh(paths, io.stderr);
  if ('error' in opened) {
    io.stderr.write(`pubtator: ${printable(opened.error)}\n`);
    return undefined;
  }
  return opened;
}

export async function runCheck(options: CheckOptions, io: Streams = process): Promise<number> {
  const started = performance.now();
  const mesh = await openMesh(options.mesh, io);
  if (!mesh) return 2;
  try {
    const { files, problems } = await discover(options.paths);
    const summary = new Summary();
    const out = new LineOutput(io.stdout);
    const status = await checkFiles(files, problems, options, io, out, summary, mesh);
    return finish(summary, options, io, out, started, status);
  } finally {
    mesh.index?.close();
  }
}

/** The summary, the --max-warnings verdict and the exit status. */
export function finish(summary: Summary, options: CheckOptions, io: Streams, out: LineOutput, started: number, reporter: Reporter): number {
  summary.elapsedMs = performance.now() - started;
  reporter.finish(summary);
  out.flush();
  const maxWarnings = options.maxWarnings ?? -1;
  const tooManyWarnings = maxWarnings >= 0 && summary.warnings > maxWarnings;
  if (tooManyWarnings) io.stderr.write(`pubtator: too many warnings (${summary.warnings}; at most ${maxWarnings} allowed by --max-warnings).\n`);
  if (summary.unreadable.length > 0) return 2;
  return summary.errors > 0 || tooManyWarnings ? 1 : 0;
}

/**
 * Checks `files` (after reporting `problems`, inputs that could not even be
 * found), printing as it goes; leaves the summary to `finish`. `label` names
 * a file in the output (its path, unless fixing wrote it elsewhere).
 */
export async function checkFiles(
  files: InputFile[], problems: InputProblem[], options: CheckOptions, io: Streams, out: LineOutput, summary: Summary,
  mesh: { index?: MeshIndex; path?: string }, label: (input: InputFile) => string = (input) => input.path,
): Promise<Reporter> {
  const counters: ReadCounters = { raw: 0, text: 0 };
  const sizes = files.map((f) => f.size);
  const total = sizes.every((s) => s !== undefined) ? sizes.reduce<number>((a, s) => a + (s ?? 0), 0) : undefined;
  const progress = ProgressBar.forStream(io.stderr, total, () => counters.raw);
  if (progress && io.stdout.isTTY) out.beforeWrite = () => progress.clear();
  const unreadable = (p: InputProblem) => {
    out.flush();
    summary.unreadable.push(p);
    progress?.clear();
    io.stderr.write(`pubtator: ${printable(p.path)}: ${printable(p.reason)}\n`);
  };
  problems.forEach(unreadable);

  const severities = runSeverities(options);
  const reporter = createReporter(options.format, out, { severities, arguments: options.paths });
  const shown = options.quiet ? (d: Diagnostic) => d.severity === Severity.Error : () => true;
  const validation: ValidationOptions = { unit: options.unit, severities, concepts: mesh.index ? { mesh: mesh.index } : undefined };
  const compressed = files.some((f) => f.gzip || f.stdin);
  const runner = createRunner(options.jobs ?? defaultJobs(), { options: validation, run: prepare(validation) }, { meshPath: mesh.path, totalBytes: total, compressed });
  const results = new OrderedResults(queueFor(runner));
  progress?.start();
  try {
    for (const input of files) {
      if (progress) progress.label = printable(input.path);
      const file = new FileCheck(input, label(input), validation, summary, (d) => {
        if (shown(d)) reporter.diagnostic(file.label, d);
      }, unreadable);
      await checkOne(input, counters, runner, results, file);
      out.flush();
    }
    await results.drain();
  } finally {
    await runner.close();
    progress?.stop();
  }
  out.flush();
  summary.rawBytes += counters.raw;
  summary.textBytes += counters.text;
  return reporter;
}

async function checkOne(input: InputFile, counters: ReadCounters, runner: ChunkRunner, results: OrderedResults, file: FileCheck): Promise<void> {
  try {
    await forEachChunk(input, counters, async (chunk) => {
      if (file.done) throw new StopReading();
      await results.add(runner.run({ kind: 'check', bytes: chunk.bytes, firstLine: chunk.firstLine }), (r) => file.chunk((r as CheckResult).check));
    });
    await results.then(() => file.end());
  } catch (err) {
    if (!(err instanceof StopReading)) await results.then(() => file.fail(err));
  }
}

/** Lines without any document after which a file is taken for something else. */
const NOT_PUBTATOR_AFTER_LINES = 1000;

/** One file's reduce step, fed its chunks' results in order. */
class FileCheck {
  /** The file failed or was found not to be PubTator: later results are dropped. */
  done = false;
  private readonly reducer: FileReducer;
  // Until a file shows its first document, its results are held back: a file
  // that never does is not PubTator at all, and one clear message beats a
  // malformed-line error for each of its lines.
  private seenDocument = false;
  private held: ChunkCheck[] = [];

  constructor(
    readonly input: InputFile, readonly label: string, options: ValidationOptions, private readonly summary: Summary,
    private readonly print: (d: Diagnostic) => void, private readonly unreadable: (p: InputProblem) => void,
  ) {
    this.reducer = new FileReducer(options);
  }

  chunk(result: ChunkCheck): void {
    if (this.done) return;
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
    const held = this.reducer.end();
    this.summary.addDiagnostics(held);
    held.forEach(this.print);
    this.summary.files++;
    if (this.input.gzip) this.summary.gzipFiles++;
    this.done = true;
  }

  fail(err: unknown): void {
    if (this.done) return;
    this.done = true;
    this.unreadable({ path: this.label, reason: describeError(err) });
  }

  private take(result: ChunkCheck): void {
    const { diagnostics, counts } = this.reducer.add(result);
    this.summary.addCounts(counts);
    this.summary.addDiagnostics(diagnostics);
    diagnostics.forEach(this.print);
  }

  private strayLines(): number {
    return this.held.reduce((n, h) => n + h.stray, 0);
  }

  private notPubtator(): string {
    const lines = this.strayLines();
    return `not a PubTator file: ${lines}${lines > NOT_PUBTATOR_AFTER_LINES ? '+' : ''} non-blank lines and not one ID|t|title line or annotation row; not checked`;
  }
}

/**
 * The levels checks run at. As ESLint's --quiet: checks below error level are
 * not run at all, unless --max-warnings needs the warnings counted (then they
 * run, and are counted, but not printed).
 */
export function runSeverities(options: Pick<CheckOptions, 'severities' | 'quiet' | 'maxWarnings'>): SeveritySettings {
  if (!options.quiet) return options.severities;
  const countWarnings = (options.maxWarnings ?? -1) >= 0;
  const out: SeveritySettings = { ...options.severities };
  for (const check of CHECKS) {
    const level = levelOf(check.code, options.severities);
    if (level === 'error' || (level === 'warning' && countWarnings)) continue;
    out[check.code] = 'off';
  }
  return out;
}
