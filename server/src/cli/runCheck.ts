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
import { Severity, type Diagnostic, type OffsetUnit } from '../service/types';
import { prepare, type ValidationOptions } from '../service/validate';
import type { OutputFormat } from './args';
import { discover, type InputFile, type InputProblem } from './discover';
import { skippedMessage } from './discoveryReport';
import { checkOne, FileCheck } from './fileCheck';
import { checkBiocInput, type BiocRun } from './biocInput';
import { isBiocFile } from './biocFile';
import { describeError } from './errors';
import { printable } from './format';
import { openCliMesh } from './meshOption';
import { LineOutput } from './output';
import { ProgressBar } from './progress';
import type { ReadCounters } from './readInput';
import { levelOf, type Reporter } from './reporter';
import { createReporter } from './reporterRegistry';
import { wantsColour } from './colour';
import { createRunner, defaultBiocJobs, defaultJobs, SplitRunners } from './runners';
import { OrderedResults, queueFor, type ChunkRunner } from './runner';
import { CliSchemas } from './schemaOption';
import { isIgnored } from '../service/schema/ignore';
import { resolve } from 'node:path';
import { Summary } from './summary';

export interface CheckOptions {
  paths: string[];
  format: OutputFormat;
  /** `--offsets`; absent: the corpus schema's unit, else code points. */
  unit?: OffsetUnit;
  severities: SeveritySettings;
  /** `--schema`: the corpus schema for every input (else each input's nearest pubtator.schema.json). */
  schema?: string;
  /** Report errors only; warnings are still counted when `maxWarnings` is set. */
  quiet?: boolean;
  /** Exit 1 when there are more warnings than this (-1 or absent: no limit). */
  maxWarnings?: number;
  /** `--mesh`: a built MeSH index, or NLM's MeSH files to index first. */
  mesh?: string[];
  /** Threads checking chunks (1: this one); every core when absent. */
  jobs?: number;
  /** `--include`: globs of file names a folder walk checks whatever their name. */
  include?: string[];
  /** `--color` (true), `--no-color` (false); absent: by the terminal and NO_COLOR. */
  color?: boolean;
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

/** Opens --mesh (exit status 2 when it cannot be), runs `work` with it, and closes it after. */
export async function withMesh(paths: string[] | undefined, io: Streams, work: (mesh: { index?: MeshIndex; path?: string }) => Promise<number>): Promise<number> {
  const mesh = await openMesh(paths, io);
  if (!mesh) return 2;
  try {
    return await work(mesh);
  } finally {
    mesh.index?.close();
  }
}

export async function runCheck(options: CheckOptions, io: Streams = process): Promise<number> {
  const started = performance.now();
  const badSchema = await new CliSchemas(options.schema).checkGiven();
  if (badSchema) {
    io.stderr.write(`pubtator: ${printable(badSchema)}\n`);
    return 2;
  }
  return withMesh(options.mesh, io, async (mesh) => {
    const { files, problems, skipped } = await discover(options.paths, { ...options, bioc: true });
    io.stderr.write(skippedMessage(skipped));
    const summary = new Summary();
    const out = new LineOutput(io.stdout);
    const status = await checkFiles(files, problems, options, io, out, summary, mesh);
    return finish(summary, options, io, out, started, status);
  });
}

/** The summary, the --max-warnings verdict and the exit status. */
export function finish(summary: Summary, options: CheckOptions, io: Streams, out: LineOutput, started: number, reporter: Reporter): number {
  summary.elapsedMs = performance.now() - started;
  reporter.finish(summary);
  out.flush();
  const maxWarnings = options.maxWarnings ?? -1;
  const tooManyWarnings = maxWarnings >= 0 && summary.warnings > maxWarnings;
  if (tooManyWarnings) io.stderr.write(`pubtator: too many warnings (${summary.warnings}; at most ${maxWarnings} allowed by --max-warnings).\n`);
  if (summary.unreadable.length > 0 || summary.schemaProblems.length > 0) return 2;
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
  const colour = wantsColour(io.stdout, process.env, options.color);
  const reporter = createReporter(options.format, out, { severities, arguments: options.paths, colour });
  const shown = options.quiet ? (d: Diagnostic) => d.severity === Severity.Error : () => true;
  const concepts = mesh.index ? { mesh: mesh.index } : undefined;
  const compressed = files.some((f) => f.gzip || f.stdin);
  // The benchmark's baseline: the checks without the file's learned habits (ValidationOptions.learnConventions).
  const learnConventions = process.env.PUBTATOR_CONVENTIONS === 'off' ? false : undefined;
  // One runner (and its worker threads, which take the options as they start) per corpus schema in force.
  const schemas = new CliSchemas(options.schema);
  let current: { key: string; runner: ChunkRunner; results: OrderedResults } | undefined;
  const runnerFor = async (validation: ValidationOptions) => {
    const key = validation.schema?.key ?? '';
    if (current?.key === key) return current;
    if (current) {
      await current.results.drain();
      await current.runner.close();
    }
    const runner = createRunner(options.jobs ?? defaultJobs(), { options: validation, run: prepare(validation) }, { meshPath: mesh.path, totalBytes: total, compressed });
    current = { key, runner, results: new OrderedResults(queueFor(runner)) };
    return current;
  };
  // BioC XML files split between threads share their workers, which warm up once (runners.ts).
  const biocSplit = new SplitRunners(options.jobs ?? defaultBiocJobs(), mesh.path);
  progress?.start();
  try {
    for (const input of files) {
      if (progress) progress.label = printable(input.path);
      const { schema, problems: schemaProblems } = await schemas.forInput(input.stdin ? undefined : input.path);
      for (const problem of schemaProblems) {
        // Used as far as it can be; the run ends with status 2.
        out.flush();
        summary.schemaProblems.push(problem);
        progress?.clear();
        io.stderr.write(`pubtator: ${printable(problem)}\n`);
      }
      // A file found in a folder that the schema says to ignore is not checked (one named on the command line is).
      if (schema && !input.stdin && !options.paths.includes(input.path) && isIgnored(schema, resolve(input.path))) continue;
      const validation: ValidationOptions = { unit: options.unit, severities, concepts, schema, learnConventions };
      if (!input.stdin && await isBiocFile(input.path)) {
        // The files before it print first, as with --jobs 1.
        await current?.results.drain();
        out.flush();
        const biocRun: BiocRun = { jobs: options.jobs ?? defaultBiocJobs(), hints: { meshPath: mesh.path, totalBytes: input.size, compressed: input.gzip }, shared: { runners: biocSplit, key: validation.schema?.key ?? '' } };
        await checkBioc(input, validation, counters, summary, (d) => { if (shown(d)) reporter.diagnostic(label(input), d); }, unreadable, biocRun);
        out.flush();
        continue;
      }
      const { runner, results } = await runnerFor(validation);
      const file = new FileCheck(input, label(input), validation, summary, (d) => {
        if (shown(d)) reporter.diagnostic(file.label, d);
      }, unreadable);
      await checkOne(input, counters, runner, results, file);
      out.flush();
    }
    await current?.results.drain();
  } finally {
    await current?.runner.close();
    await biocSplit.close();
    progress?.stop();
  }
  out.flush();
  summary.rawBytes += counters.raw;
  summary.textBytes += counters.text;
  return reporter;
}

/** A BioC file (biocInput.ts: XML streamed, on the run's threads), counted and printed as a PubTator file's results are. */
async function checkBioc(
  input: InputFile, validation: ValidationOptions, counters: ReadCounters, summary: Summary,
  print: (d: Diagnostic) => void, unreadable: (p: InputProblem) => void, run: BiocRun,
): Promise<void> {
  try {
    const { documents, mentions, relations } = await checkBiocInput(input, validation, counters, (list) => {
      summary.addDiagnostics(list);
      list.forEach(print);
    }, run);
    summary.documents += documents;
    summary.mentions += mentions;
    summary.relations += relations;
    summary.files++;
    if (input.gzip) summary.gzipFiles++;
  } catch (err) {
    unreadable({ path: input.path, reason: describeError(err) });
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
