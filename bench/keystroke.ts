// One keystroke in the middle of a 1, 10 and 50 MB file: the incremental
// service re-parses the edited document and re-checks it; the figure is the
// time from the edit to the file's complete new diagnostics.

import { IncrementalFile } from '../server/src/service/incrementalFile';
import { generatedCorpus } from './corpus';
import { typist } from './keystrokes';
import { ms, percentile } from './measure';

function measureSize(megabytes: number, edits: number): { median: number; p95: number; full: number } {
  const lines = generatedCorpus(megabytes).split('\n');
  const t0 = performance.now();
  const file = new IncrementalFile(lines.join('\n'));
  file.diagnostics();
  const full = performance.now() - t0;
  const keys = typist(lines, file);
  const times: number[] = [];
  for (let i = 0; i < edits; i++) {
    const t = performance.now();
    keys.type(i);
    file.diagnostics();
    times.push(performance.now() - t);
  }
  return { median: percentile(times, 50), p95: percentile(times, 95), full };
}

export function keystrokeSection(edits = 200): string {
  const rows = [`| file | first full check ms | keystroke → diagnostics, median of ${edits} ms | p95 ms |`, '|---|---:|---:|---:|'];
  for (const size of [1, 10, 50]) {
    const r = measureSize(size, edits);
    rows.push(`| ${size} MB | ${ms(r.full)} | ${ms(r.median)} | ${ms(r.p95)} |`);
  }
  return rows.join('\n');
}
