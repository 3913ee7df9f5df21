// `pubtator stats FILE_OR_FOLDER...`: what the files hold (documents,
// passages, mentions and distinct concepts per entity type, relations per
// type, id namespaces, the offset unit the spans point to, and the share of
// rows with problems), per file and in all. The files are read and checked
// exactly as `check` reads them (chunks, --jobs, the same reduce step); each
// chunk is also counted (features/corpusStats.ts) and the counts added up.
// A BioC file is counted on its streamed projection, and its problems are
// those `check` reports, checked streamed as check checks it, whatever the
// file's size (biocStatsChecks.ts: bioc-* and the PubTator checks, on the
// rows they stand for).

import { StatsTotal, type CorpusStats } from '../service/features/corpusStats';
import { prepare, type ValidationOptions } from '../service/validate';
import type { StatsCommand } from './args';
import type { StatsResult } from './chunkTasks';
import { discover, type InputProblem } from './discover';
import { skippedMessage } from './discoveryReport';
import { biocStatsChecks } from './biocStatsChecks';
import { checkOne, FileCheck } from './fileCheck';
import { printable } from './format';
import { isProjected } from './projectedInput';
import type { ReadCounters } from './readInput';
import { OrderedResults, queueFor } from './runner';
import { createRunner, defaultJobs } from './runners';
import type { Streams } from './runCheck';
import { formatStatsJson, formatStatsText, rowsOf, type FileStats, type StatsReport } from './statsFormat';
import { ProblemRows } from './problemRows';
import { ProgressBar, totalSize } from './progress';
import { Summary } from './summary';

export async function runStats(options: StatsCommand, io: Streams = process): Promise<number> {
  const { files, problems, skipped } = await discover(options.paths, { ...options, bioc: true });
  io.stderr.write(skippedMessage(skipped));
  const summary = new Summary();
  const counters: ReadCounters = { raw: 0, text: 0 };
  const progress = ProgressBar.forStream(io.stderr, totalSize(files), () => counters.raw);
  const unreadable = (p: InputProblem) => {
    progress?.clear();
    summary.unreadable.push(p);
    io.stderr.write(`pubtator: ${printable(p.path)}: ${printable(p.reason)}\n`);
  };
  problems.forEach(unreadable);
  const validation: ValidationOptions = { unit: options.unit, severities: options.severities };
  const sizes = files.map((f) => f.size);
  const runner = createRunner(options.jobs ?? defaultJobs(), { options: validation, run: prepare(validation) }, {
    totalBytes: sizes.every((s) => s !== undefined) ? sizes.reduce<number>((a, s) => a + (s ?? 0), 0) : undefined,
    compressed: files.some((f) => f.gzip || f.stdin),
  });
  const results = new OrderedResults(queueFor(runner));
  const total = new StatsTotal();
  const perFile: FileStats[] = [];
  let problemRows = 0;
  progress?.start();
  try {
    for (const input of files) {
      if (progress) progress.label = printable(input.path);
      const counted = new StatsTotal();
      // A BioC file is counted on its projection (projectedInput.ts), without the line-layout checks.
      const bioc = await isProjected(input);
      const problems = new ProblemRows();
      // A BioC file's problems as check finds them (streamed).
      let checked: ProblemRows | undefined;
      const file = new FileCheck(input, input.path, validation, summary, (d) => problems.add(d), unreadable, {
        // A document cut from its continuation block at a chunk boundary was counted twice.
        taken: (chunk, counts) => counted.uncount(chunk.counts.documents - counts.documents),
        ended: () => {
          const stats = counted.result();
          const rows = (checked ?? problems).total(stats.relations, rowsOf(stats));
          perFile.push({ file: input.path, stats, problemRows: rows, concepts: counted.conceptCounts() });
          total.add(stats);
          problemRows += rows;
        },
        // A BioC file's problems are its streamed check's (below), not those of the PubTator checks on its projection.
        keep: bioc ? () => false : undefined,
      });
      if (bioc) {
        try {
          checked = await biocStatsChecks(input, validation, { jobs: options.jobs ?? defaultJobs(), hints: { totalBytes: input.size, compressed: input.gzip } }, (list) => summary.addDiagnostics(list));
        } catch {
          // Unreadable: the projection's read below says why, once.
        }
      }
      await checkOne(input, counters, runner, results, file, 'stats', (r) => {
        counted.add((r as StatsResult).stats);
        return r.check;
      });
    }
    await results.drain();
  } finally {
    await runner.close();
    progress?.stop();
  }
  const report: StatsReport = {
    files: perFile,
    total: total.result() as CorpusStats,
    concepts: total.conceptCounts(),
    problemRows,
    problems: summary.codes,
    bytes: counters.text,
    unreadable: summary.unreadable,
  };
  io.stdout.write(options.json ? formatStatsJson(report) : formatStatsText(report));
  return summary.unreadable.length ? 2 : 0;
}
