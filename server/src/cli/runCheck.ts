// `pubtator check`: finds the inputs, streams each through the checker,
// prints diagnostics as blocks are checked, then the summary. Returns the
// exit status: 2 if an input could not be read, else 1 if errors, else 0.

import type { SeveritySettings } from '../service/checks/check';
import { CHECKS } from '../service/checks/index';
import type { Diagnostic, OffsetUnit } from '../service/types';
import { sortDiagnostics } from '../service/validate';
import type { BlockResult } from '../service/streamingValidator';
import type { MeshIndex } from '../service/concepts/index';
import { discover, type InputProblem } from './discover';
import { describeError, InputError } from './errors';
import { FileChecker } from './fileChecker';
import { formatJson, formatSummaryJson, formatSummaryText, formatText, printable } from './format';
import { openCliMesh } from './meshOption';
import { LineOutput } from './output';
import { ProgressBar } from './progress';
import { readInput, type ReadCounters } from './readInput';
import { Summary } from './summary';
import { CliSchemas } from './schemaOption';
import { isIgnored } from '../service/schema/ignore';
import { resolve } from 'node:path';

export interface CheckOptions {
  paths: string[];
  json: boolean;
  /** `--offsets`; absent: the corpus schema's unit, else code points. */
  unit?: OffsetUnit;
  severities: SeveritySettings;
  /** `--mesh`: a built MeSH index, or NLM's MeSH files to index first. */
  mesh?: string[];
  /** `--schema`: the corpus schema for every input (else each input's nearest pubtator.schema.json). */
  schema?: string;
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
  const schemas = new CliSchemas(options.schema);
  const badSchema = await schemas.checkGiven();
  if (badSchema) {
    mesh?.close();
    io.stderr.write(`pubtator: ${printable(badSchema)}\n`);
    return 2;
  }
  try {
    return await checkAll(options, io, started, mesh, schemas);
  } finally {
    mesh?.close();
  }
}

async function checkAll(options: CheckOptions, io: Streams, started: number, mesh: MeshIndex | undefined, schemas: CliSchemas): Promise<number> {
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

  const format = options.json ? formatJson : formatText;
  progress?.start();
  for (const input of files) {
    const { schema, problems: schemaProblems } = await schemas.forInput(input.stdin ? undefined : input.path);
    // A schema with problems is used as far as it can be, and the run ends with status 2.
    for (const problem of schemaProblems) {
      summary.schemaProblems.push(problem);
      progress?.clear();
      io.stderr.write(`pubtator: ${printable(problem)}\n`);
    }
    // A file found in a folder that the schema says to ignore is not checked (one named on the command line is).
    if (schema && !input.stdin && !options.paths.includes(input.path) && isIgnored(schema, resolve(input.path))) continue;
    const validation = { unit: options.unit, severities: options.severities, concepts: mesh ? { mesh } : undefined, schema };
    if (progress) progress.label = printable(input.path);
    // A file's diagnostics are printed in line order when it ends (its held
    // rows are settled only then); past OUTPUT_BUFFER pending lines they go out
    // as they come, and the settled ones follow at the end.
    let pending: Diagnostic[] | undefined = [];
    const print = (diagnostics: Diagnostic[]) => {
      if (pending && pending.length + diagnostics.length <= OUTPUT_BUFFER) {
        for (const d of diagnostics) pending.push(d);
        return;
      }
      if (pending) for (const d of pending) out.line(format(input.path, d));
      pending = undefined;
      for (const d of diagnostics) out.line(format(input.path, d));
    };
    const printSettled = (settled: Diagnostic[]) => {
      summary.addBlock({ counts: { documents: 0, mentions: 0, relations: 0 }, diagnostics: settled });
      const rest = pending ? sortDiagnostics([...pending, ...settled]) : settled;
      pending = undefined;
      for (const d of rest) out.line(format(input.path, d));
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
      const settled = checker.end();
      if (!seenDocument && held.some((h) => h.file.stray.length > 0)) throw new InputError(notPubtator(held));
      held.forEach(take);
      printSettled(settled);
      summary.files++;
      if (input.gzip) summary.gzipFiles++;
    } catch (err) {
      const cut = pending;
      pending = undefined;
      if (cut) for (const d of cut) out.line(format(input.path, d));
      out.flush();
      unreadable({ path: input.path, reason: describeError(err) });
    }
    out.flush();
  }
  progress?.stop();

  summary.rawBytes = counters.raw;
  summary.textBytes = counters.text;
  summary.elapsedMs = performance.now() - started;
  if (options.json) {
    out.line(formatSummaryJson(summary));
  } else {
    if (summary.codes.size > 0 || summary.unreadable.length > 0 || summary.schemaProblems.length > 0) out.line('');
    out.line(formatSummaryText(summary, (code) => levelOf(code, options.severities)));
  }
  out.flush();
  if (summary.unreadable.length > 0 || summary.schemaProblems.length > 0) return 2;
  return summary.errors > 0 ? 1 : 0;
}

/** Diagnostics of one file held back to be printed in line order with its settled ones. */
const OUTPUT_BUFFER = 20_000;

/** Lines without any document after which a file is taken for something else. */
const NOT_PUBTATOR_AFTER_LINES = 1000;

function notPubtator(held: BlockResult[]): string {
  const lines = held.reduce((n, h) => n + h.file.stray.length, 0);
  return `not a PubTator file: ${lines}${lines > NOT_PUBTATOR_AFTER_LINES ? '+' : ''} non-blank lines and not one ID|t|title line or annotation row; not checked`;
}

function levelOf(code: string, severities: SeveritySettings): string {
  return severities[code] ?? CHECKS.find((c) => c.code === code)?.defaultSeverity ?? '';
}
