// `pubtator compare` on two 50 MB files next to `pubtator check` of the same
// two files, in the same run and taking turns, with the peak memory of each:
// the generated corpus as gold, and a "system output" made from it (rows
// dropped, spans cut short, types changed, relations dropped) in the same
// document order, then in reverse order (the fallback that holds one side).

import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { childrenOf } from './cliStream';
import { generatedCorpus, repoRoot } from './corpus';
import { endedChildrenCpu, mb, median, processMemory } from './measure';

const cli = join(repoRoot, 'dist', 'server', 'cli.js');
const cacheDir = join(repoRoot, 'bench', '.cache');

/** A system's output made from gold: every 7th mention dropped, every 11th cut one short, every 13th retyped, every 5th relation dropped. */
function predictedFrom(gold: string): string {
  let mention = 0;
  let relation = 0;
  return gold.split('\n').map((line) => {
    const f = line.split('\t');
    if (f.length >= 5 && /^\d+$/.test(f[1])) {
      mention++;
      if (mention % 7 === 0) return null;
      if (mention % 11 === 0 && Number(f[2]) - Number(f[1]) > 1) f[2] = String(Number(f[2]) - 1);
      if (mention % 13 === 0) f[4] = f[4] === 'Chemical' ? 'Disease' : 'Chemical';
      return f.join('\t');
    }
    if (f.length >= 4) {
      relation++;
      return relation % 5 === 0 ? null : line;
    }
    return line;
  }).filter((l) => l !== null).join('\n');
}

function cached(name: string, make: () => string): string {
  const path = join(cacheDir, name);
  if (!existsSync(path)) writeFileSync(path, make());
  return path;
}

interface CliRun {
  seconds: number;
  /** CPU seconds (user + system) of the command and every process it started. */
  cpu: number;
  peak: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would (under its heap budget, in a child process), or another `command`; peak RSS over the processes. */
export async function runCli(args: string[], command: string[] = [process.execPath, cli], env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawn(command[0], [...command.slice(1), ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let peak = 0;
  const sample = () => {
    for (const pid of [child.pid!, ...childrenOf(child.pid!)]) {
      try {
        const p = processMemory(pid).peak;
        if (Number.isFinite(p)) peak = Math.max(peak, p);
      } catch {
        // The process has just ended.
      }
    }
  };
  const sampler = setInterval(sample, 50);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => { stdout = (stdout + d.toString()).slice(-8192); });
  child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
  const t = performance.now();
  const cpu = endedChildrenCpu();
  await once(child, 'exit');
  clearInterval(sampler);
  return { seconds: (performance.now() - t) / 1000, cpu: endedChildrenCpu() - cpu, peak, stdout, stderr };
}

export async function compareSection(): Promise<string> {
  const goldText = generatedCorpus(50);
  const gold = join(cacheDir, 'generated-50mb.pubtator');
  const predicted = cached('generated-50mb-predicted.pubtator', () => predictedFrom(goldText));
  const reversed = cached('generated-50mb-predicted-reversed.pubtator', () => {
    const text = predictedFrom(goldText);
    return text.trim().split(/\n\s*\n/).reverse().join('\n\n') + '\n';
  });
  const runs = Number(process.env.BENCH_CLI_RUNS ?? 3);
  const times = { goldCheck: [] as number[], check: [] as number[], compare: [] as number[], reversed: [] as number[] };
  const peaks = { check: 0, compare: 0, reversed: 0 };
  let summary = '';
  let notice = '';
  for (let i = 0; i < runs; i++) {
    // Checking the two files, one after the other, as a user would before comparing them.
    const a = await runCli(['check', '--json', gold]);
    const b = await runCli(['check', '--json', predicted]);
    times.goldCheck.push(a.seconds);
    times.check.push(a.seconds + b.seconds);
    peaks.check = Math.max(peaks.check, a.peak, b.peak);
    const c = await runCli(['compare', '--json', gold, predicted]);
    times.compare.push(c.seconds);
    peaks.compare = Math.max(peaks.compare, c.peak);
    summary = c.stdout.trim().split('\n').filter((l) => l.includes('"type":"*"')).map((l) => {
      const s = JSON.parse(l) as { level: string; tp: number; fp: number; fn: number; f1: number };
      return `${s.level} TP ${s.tp} FP ${s.fp} FN ${s.fn} F1 ${s.f1.toFixed(4)}`;
    }).join('; ');
    const r = await runCli(['compare', '--json', gold, reversed]);
    times.reversed.push(r.seconds);
    peaks.reversed = Math.max(peaks.reversed, r.peak);
    notice = r.stderr.trim();
  }
  const check = median(times.check);
  const clean = 2 * median(times.goldCheck);
  const row = (what: string, t: number[], peak: number) => {
    const s = median(t);
    return `| ${what} | ${s.toFixed(2)} | ${(s / check).toFixed(2)} | ${(s / clean).toFixed(2)} | ${mb(peak)} |`;
  };
  const rows = [
    '| command | wall time s (median) | / checking both files | / checking gold twice | peak RSS MB |',
    '|---|---:|---:|---:|---:|',
    row('`pubtator check` of gold, then of predictions (whose cut spans are text-mismatch errors)', times.check, peaks.check),
    row('`pubtator check` of gold, twice (a baseline without the predictions\' errors)', times.goldCheck.map((t) => 2 * t), peaks.check),
    row('`pubtator compare` gold predictions (same order: one pair at a time)', times.compare, peaks.compare),
    row('`pubtator compare` gold predictions-in-reverse-order (fallback: one side held)', times.reversed, peaks.reversed),
  ];
  return `Gold: the generated ${mb(goldText.length)} MB corpus; predictions made from it (every 7th mention dropped, every 11th `
    + `cut one character short, every 13th retyped, every 5th relation dropped), ${runs} runs taking turns, as users run the `
    + 'built CLI (under its 128 MB heap budget; peak RSS of both processes).\n\n'
    + rows.join('\n') + `\n\nScores: ${summary}.\n\nThe fallback said: "${notice}"`;
}
