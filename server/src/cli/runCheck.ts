// `pubtator check`: finds the inputs, streams each through the checker,
// prints diagnostics as blocks are checked, then the summary. Returns the
// exit status: 2 if an input could not be read, else 1 if errors, else 0.

import type { SeveritySettings } from '../service/checks/check';
import { CHECKS } from '../service/checks/index';
import { Severity, type Diagnostic, type OffsetUnit } from '../service/types';
import type { BlockResult } from '../service/streamingValidator';
import type { MeshIndex } from '../service/concepts/index';
import { discover, type InputProblem } from './discover';
import { describeError, InputError } from './errors';
import { FileChecker } from './fileChecker';
import { printable } from './format';
import type { OutputFormat } from './args';
import { createReporter, levelOf } from './reporter';
import { openCliMesh } from './meshOption';
import { LineOutput } from './output';
import { ProgressBar } from './progress';
import { readInput, type ReadCounters } from './readInput';
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
}

export interface Streams {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export async function runCheck(options: CheckOptions, io: Streams = process): Promise<number> {
  const started = performance.now();
  // The index first: a bad --mesh is a usage problem, reported before any output.
  let mesh;
  if (options.mesh) {
    const opened = await openCliMesh(options.mesh, io.stderr);
    if ('error' in opened) {
      io.stderr.write(`pubtator: ${printable(opened.error)}\n`);
      return 2;
    }
    mesh = opened.index;
  }
  try {
    return await checkAll(options, io, started, mesh);
  } finally {
    mesh?.close();
  }
}

async function checkAll(options: CheckOptions, io: Streams, started: number, mesh: MeshIndex | undefined): Promise<number> {
  const summary = new Summary();
  const out = new LineOutput(io.stdout);
  const { files, problems } = await discover(options.paths);

  const counters: ReadCounters = { raw: 0, text: 0 };
  const sizes = files.map((f) => f.size);
  const total = sizes.every((s) => s !== undefined) ? sizes.reduce<number>((a, s) => a + (s ?? 0), 0) : undefined;
  const progress = ProgressBar.forStream(io.stderr, total, () => counters.raw);
  if (progress && io.stdout.isTTY) out.beforeWrite = () => progress.clear();

  const unreadable = (p: InputProblem) => {
    summary.unreadable.push(p);
    progress?.clear();
    io.stderr.write(`pubtator: ${printable(p.path)}: ${printable(p.reason)}\n`);
  };
  problems.forEach(unreadable);

  const severities = runSeverities(options);
  const reporter = createReporter(options.format, out, { severities, arguments: options.paths });
  const shown = options.quiet ? (d: Diagnostic) => d.severity === Severity.Error : () => true;
  const validation = { unit: options.unit, severities, concepts: mesh ? { mesh } : undefined };
  progress?.start();
  for (const input of files) {
    if (progress) progress.label = printable(input.path);
    const print = (diagnostics: Diagnostic[]) => {
      for (const d of diagnostics) if (shown(d)) reporter.diagnostic(input.path, d);
    };
    // Until a file shows its first document, hold its results back: a file
    // that never does is not PubTator at all, and one clear message beats a
    // malformed-line error for each of its lines.
    let seenDocument = false;
    const held: BlockResult[] = [];
    const take = (r: BlockResult) => {
      summary.addBlock(r);
      print(r.diagnostics);
    };
    const checker = new FileChecker(validation, (r) => {
      if (seenDocument) return take(r);
      held.push(r);
      if (r.file.documents.length > 0) {
        seenDocument = true;
        held.splice(0).forEach(take);
      } else if (held.reduce((n, h) => n + h.file.stray.length, 0) > NOT_PUBTATOR_AFTER_LINES) {
        throw new InputError(notPubtator(held));
      }
    });
    try {
      await readInput(input, counters, (text) => {
        checker.push(text);
        out.flush();
      });
      checker.end();
      if (!seenDocument && held.some((h) => h.file.stray.length > 0)) throw new InputError(notPubtator(held));
      held.forEach(take);
      summary.files++;
      if (input.gzip) summary.gzipFiles++;
    } catch (err) {
      out.flush();
      unreadable({ path: input.path, reason: describeError(err) });
    }
    out.flush();
  }
  progress?.stop();

  summary.rawBytes = counters.raw;
  summary.textBytes = counters.text;
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

/** Lines without any document after which a file is taken for something else. */
const NOT_PUBTATOR_AFTER_LINES = 1000;

function notPubtator(held: BlockResult[]): string {
  const lines = held.reduce((n, h) => n + h.file.stray.length, 0);
  return `not a PubTator file: ${lines}${lines > NOT_PUBTATOR_AFTER_LINES ? '+' : ''} non-blank lines and not one ID|t|title line or annotation row; not checked`;
}

