// A whole `pubtator check` on small inputs, from start to exit as a user runs
// it: the run goes without the heap budget on inputs known to be small
// (cli/budgetNeed.ts), against the same run with the budget forced
// (PUBTATOR_HEAP_MB=128: re-started under it, as every run was before), the
// two taking turns.

import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { generatedCorpus, repoRoot } from './corpus';
import { median, pct } from './measure';

const CLI = join(repoRoot, 'dist', 'server', 'cli.js');

interface StartRun {
  wall: number;
  cpu: number;
  peakMb: number;
}

/** One run under GNU time (CPU and the peak RSS of every process it waited for), its wall time taken around it. */
function wholeRun(path: string, env: Record<string, string>): StartRun {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, CLI, 'check', '--json', path], {
    encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ...env },
  });
  const wall = (performance.now() - t0) / 1000;
  const [user, system, maxKb] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: user + system, peakMb: maxKb / 1024 };
}

export function cliStartSection(runs: number): string {
  const inputs: [string, string][] = [['samples/ (the README\'s first command)', join(repoRoot, 'samples')]];
  for (const mb of [1, 10, 18, 30]) {
    generatedCorpus(mb);
    inputs.push([`${mb} MB`, join(repoRoot, 'bench', '.cache', `generated-${mb}mb.pubtator`)]);
  }
  const load = loadavg()[0];
  const rows = inputs.map(([name, path]) => {
    const configs: Record<string, string>[] = [{}, { PUBTATOR_HEAP_MB: '128' }];
    const all = configs.map(() => [] as StartRun[]);
    for (let round = 0; round <= runs; round++) {
      configs.forEach((env, k) => {
        const r = wholeRun(path, env);
        if (round > 0) all[k].push(r);
      });
    }
    const [own, budget] = all.map((list) => ({
      wall: median(list.map((r) => r.wall)), cpu: median(list.map((r) => r.cpu)), peakMb: median(list.map((r) => r.peakMb)),
    }));
    return `| ${name} | ${own.wall.toFixed(2)} s | ${budget.wall.toFixed(2)} s | ${pct(own.wall / budget.wall)} | ${own.cpu.toFixed(2)} / ${budget.cpu.toFixed(2)} s `
      + `| ${own.peakMb.toFixed(0)} / ${budget.peakMb.toFixed(0)} MB |`;
  });
  return [
    '`pubtator check --json` from start to exit (Node\'s start included), as a user runs it: inputs under 32 MB go without the heap budget '
    + '(cli/budgetNeed.ts), against the same run with the budget forced (`PUBTATOR_HEAP_MB=128`: the checker re-started under it, as every run was before), '
    + `in turns, medians of ${runs} runs after a warm-up; load average ${load.toFixed(1)} at the start.`,
    '',
    '| input | without the budget | budget forced | time | CPU without / forced | peak RSS without / forced |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}
