// Issue 23's command-line figures, each beside its baseline timed in the same
// run, the two taking turns (A B A B ...) so both see the machine alike; CPU
// time counts more than wall time on a shared machine.
//
// - What the learned conventions cost: `check --jobs 1` on the generated
//   50 MB corpus, with them and with PUBTATOR_CONVENTIONS=off (the checks
//   without any learned habit: no counts, no held rows, nothing settled).
// - The parallel part: `--jobs 1` against `--jobs N`, with the main thread's
//   own CPU time read from /proc (Linux): the serial share of Amdahl's law,
//   and from it the time on 16 and 64 cores and for a PubTator3-scale corpus.

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { childrenOf } from './cliStream';
import { generatedCorpus, repoRoot } from './corpus';
import { median, pct, THREADS_FORCED } from './measure';
import { threadsFor } from '../server/src/cli/runners';
import { heapBudgetMb, YOUNG_GENERATION_MB } from '../server/src/cli/memoryBudget';

const CLI = join(repoRoot, 'dist', 'server', 'cli.js');
const HEAP_MB = heapBudgetMb();

export interface CliRun {
  /** The checker's own time (its --json summary: reading and checking, without Node's start). */
  seconds: number;
  /** CPU time (user + system) of the process and all its threads. */
  cpu: number;
  /** CPU time of the main thread alone (reading, dispatching, the reduce, printing). */
  mainCpu: number;
  peakMb: number;
  bytes: number;
}

/** CPU seconds of one thread of `pid` (utime + stime from /proc, in clock ticks of 10 ms). */
function threadCpu(pid: number, tid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * One `pubtator check --json` under GNU time, started as the CLI starts its
 * checker (under its heap budget), with its main thread's CPU sampled.
 */
export async function timedCheck(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawn('/usr/bin/time', ['-f', '%U %S %M', process.execPath, `--max-old-space-size=${HEAP_MB}`, `--max-semi-space-size=${YOUNG_GENERATION_MB / 3}`, CLI, 'check', '--json', ...args], {
    env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => {
    out = (out + d.toString()).slice(-8192);
  });
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  let mainCpu = 0;
  const sampler = setInterval(() => {
    const checker = childrenOf(child.pid!)[0];
    if (checker === undefined) return;
    try {
      mainCpu = threadCpu(checker, checker);
    } catch {
      // It has just ended: the last reading stands (at most 10 ms short).
    }
  }, 10);
  await once(child, 'exit');
  clearInterval(sampler);
  const [user, system, maxKb] = err.trim().split('\n').pop()!.split(' ').map(Number);
  const summary = JSON.parse(out.trim().split('\n').pop()!).summary as { elapsedSeconds: number; bytes: number };
  return { seconds: summary.elapsedSeconds, cpu: user + system, mainCpu, peakMb: maxKb / 1024, bytes: summary.bytes };
}

/** Every run of each configuration over `runs` rounds, the configurations taking turns, after one warm-up round. */
async function roundsInTurns(configs: { args: string[]; env?: Record<string, string> }[], runs: number): Promise<CliRun[][]> {
  const all = configs.map(() => [] as CliRun[]);
  for (let round = 0; round <= runs; round++) {
    for (let k = 0; k < configs.length; k++) {
      const r = await timedCheck(configs[k].args, configs[k].env);
      if (round > 0) all[k].push(r);
    }
  }
  return all;
}

/** Medians of each configuration over `runs` rounds, the configurations taking turns, after one warm-up round. */
export async function inTurns(configs: { args: string[]; env?: Record<string, string> }[], runs: number): Promise<CliRun[]> {
  return medians(await roundsInTurns(configs, runs));
}

function medians(all: CliRun[][]): CliRun[] {
  return all.map((list) => ({
    seconds: median(list.map((r) => r.seconds)), cpu: median(list.map((r) => r.cpu)), mainCpu: median(list.map((r) => r.mainCpu)),
    peakMb: median(list.map((r) => r.peakMb)), bytes: list[0].bytes,
  }));
}

const CORPUS = () => {
  generatedCorpus(50);
  return join(repoRoot, 'bench', '.cache', 'generated-50mb.pubtator');
};

/** Runs of the conventions' cost: a difference of a few percent needs more rounds than the machine's noise allows in 5. */
const CONVENTIONS_ROUNDS = 11;

export async function conventionsCliSection(minRuns: number): Promise<string> {
  const path = CORPUS();
  const load = loadavg()[0];
  const runs = Math.max(minRuns, CONVENTIONS_ROUNDS);
  const rounds = await roundsInTurns([{ args: ['--jobs', '1', path] }, { args: ['--jobs', '1', path], env: { PUBTATOR_CONVENTIONS: 'off' } }], runs);
  const [on, off] = medians(rounds);
  // Each round's two runs are taken back to back, so their ratio cancels the load that drifts between rounds.
  const paired = (pick: (r: CliRun) => number) => median(rounds[0].map((r, i) => pick(r) / pick(rounds[1][i])));
  const row = (name: string, r: CliRun) => `| ${name} | ${r.seconds.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.peakMb.toFixed(0)} |`;
  return [
    `\`pubtator check --json --jobs 1\` on the generated 50 MB corpus, with the learned conventions and without them (PUBTATOR_CONVENTIONS=off, `
    + `the baseline: no counts, no held rows, nothing settled), in turns, medians of ${runs} runs after a warm-up; load average ${load.toFixed(1)} at the start.`,
    '',
    '| build | checker s | CPU s (all threads) | peak RSS MB |',
    '|---|---:|---:|---:|',
    row('with conventions (the default)', on),
    row('baseline: PUBTATOR_CONVENTIONS=off', off),
    '',
    `What the conventions cost, the median of each round's ratio: ${pct(paired((r) => r.cpu))} CPU time, ${pct(paired((r) => r.seconds))} time `
    + `(target: under 10%; the ratio of the medians above: ${pct(on.cpu / off.cpu)} CPU, ${pct(on.seconds / off.seconds)} time).`,
  ].join('\n');
}

/** Abstracts in PubTator3 (its 2024 release: about 36 million PubMed abstracts, annotated). */
const PUBTATOR3_ABSTRACTS = 36e6;

/** Time on `n` cores by Amdahl's law, from the time on one and the serial share. */
export function amdahl(oneCore: number, serial: number, n: number): number {
  return oneCore * (serial + (1 - serial) / n);
}

export async function parallelShareSection(runs: number): Promise<string> {
  const cores = availableParallelism();
  const path = CORPUS();
  const small = join(repoRoot, 'samples', 'ketamine.pubtator');
  const documents = generatedCorpus(50).split(/\n\s*\n/).length;
  const load = loadavg()[0];
  // The threaded path is measured with its threads forced (runners.ts starts one only for 32 MB of input, so 50 MB gets one);
  // the third: a tiny file on as many threads (tiny chunks, so that they start), for the main thread's fixed cost (start-up, threads);
  // the fourth: --jobs N as a user runs it.
  const [one, many, fixed, asRun] = await inTurns([
    { args: ['--jobs', '1', path] }, { args: ['--jobs', String(cores), path], env: THREADS_FORCED },
    { args: ['--jobs', String(cores), small], env: { ...THREADS_FORCED, PUBTATOR_CHUNK_BYTES: '512' } },
    { args: ['--jobs', String(cores), path] },
  ], runs);
  const speedUp = one.seconds / many.seconds;
  // The serial part that grows with the text: what the main thread does with --jobs N beyond its fixed cost, against the whole work on one thread.
  const serial = Math.min(1, Math.max(0, many.mainCpu - fixed.mainCpu) / one.cpu);
  const wholeSerial = Math.min(1, many.mainCpu / one.cpu);
  // The same share from the timed speed-up (s = (n/S - 1) / (n - 1)); only meaningful on an idle machine.
  const timedSerial = cores > 1 ? Math.max(0, (cores / speedUp - 1) / (cores - 1)) : NaN;
  const mbPerCpuSecond = one.bytes / 1024 / 1024 / one.cpu;
  const bytesPerDocument = one.bytes / documents;
  const corpusMb = (PUBTATOR3_ABSTRACTS * bytesPerDocument) / 1024 / 1024;
  const oneCoreSeconds = corpusMb / mbPerCpuSecond;
  const projection = [1, 2, 16, 64].map((n) => {
    const t = amdahl(oneCoreSeconds, serial, n);
    return `| ${n} | ${(1 / (serial + (1 - serial) / n)).toFixed(1)}× | ${(fixed.mainCpu + amdahl(one.cpu, serial, n)).toFixed(2)} s | ${minutes(t)} |`;
  });
  return [
    `\`pubtator check --json\` on the generated 50 MB corpus with \`--jobs 1\` and \`--jobs ${cores}\` (this machine's cores), and on a one-document file with `
    + `\`--jobs ${cores}\` in 512-byte chunks (its threads started: the fixed cost), in turns, medians of ${runs} runs after a warm-up; load average ${load.toFixed(1)} `
    + 'at the start. The main thread\'s CPU time is read from /proc while it runs.',
    '',
    '| run | checker s | CPU s (all threads) | main thread CPU s | peak RSS MB |',
    '|---|---:|---:|---:|---:|',
    `| 50 MB, --jobs 1 | ${one.seconds.toFixed(2)} | ${one.cpu.toFixed(2)} | ${one.mainCpu.toFixed(2)} | ${one.peakMb.toFixed(0)} |`,
    `| 50 MB, --jobs ${cores}, its threads forced (PUBTATOR_THREAD_CHUNKS=1) | ${many.seconds.toFixed(2)} | ${many.cpu.toFixed(2)} | ${many.mainCpu.toFixed(2)} | ${many.peakMb.toFixed(0)} |`,
    `| one document, --jobs ${cores} (fixed cost) | ${fixed.seconds.toFixed(2)} | ${fixed.cpu.toFixed(2)} | ${fixed.mainCpu.toFixed(2)} | ${fixed.peakMb.toFixed(0)} |`,
    `| 50 MB, --jobs ${cores} as run (threads for every 32 MB: ${threadsFor(cores, { totalBytes: one.bytes })}) | ${asRun.seconds.toFixed(2)} | ${asRun.cpu.toFixed(2)} | ${asRun.mainCpu.toFixed(2)} | ${asRun.peakMb.toFixed(0)} |`,
    '',
    `Speed-up ${speedUp.toFixed(2)}× on ${cores} cores (efficiency ${(speedUp / cores).toFixed(2)}; target ≥ 0.8)`
    + (cores > 1 ? `; from it, s = (n/S − 1)/(n − 1) = ${(timedSerial * 100).toFixed(1)}% (only meaningful when the cores are free for it: see the load).` : '.'),
    `Serial share s (Amdahl), from CPU time: the main thread's CPU with --jobs ${cores} is ${many.mainCpu.toFixed(2)} s (${(wholeSerial * 100).toFixed(1)}% of the `
    + `${one.cpu.toFixed(2)} s --jobs 1 spends), of which ${fixed.mainCpu.toFixed(2)} s is fixed (Node's start, loading the checker, starting threads); `
    + `the part that grows with the text is (${many.mainCpu.toFixed(2)} − ${fixed.mainCpu.toFixed(2)}) / ${one.cpu.toFixed(2)} = ${(serial * 100).toFixed(1)}%.`,
    '',
    `Projection by Amdahl's law, T(n) = T(1) × (s + (1 − s)/n) (+ the fixed cost, which a large corpus makes nothing of), with T(1) the CPU time of --jobs 1 `
    + `(${mbPerCpuSecond.toFixed(0)} MB per CPU second on this shared machine) and s = ${(serial * 100).toFixed(1)}%, for this corpus and for a PubTator3-scale one: `
    + `${(PUBTATOR3_ABSTRACTS / 1e6).toFixed(0)} million abstracts at this corpus's ${(bytesPerDocument / 1024).toFixed(1)} KB per document, about ${(corpusMb / 1024).toFixed(0)} GB of text:`,
    '',
    '| cores | speed-up | 50 MB corpus | PubTator3 scale |',
    '|---:|---:|---:|---:|',
    ...projection,
    '',
    'The main thread\'s work runs beside the workers\' (it reduces one chunk while they check the next), so Amdahl\'s figure is a bound; '
    + `it also assumes the disk keeps up (64 cores at this rate read about ${((64 * mbPerCpuSecond) / 1024).toFixed(1)} GB/s).`,
  ].join('\n');
}

function minutes(seconds: number): string {
  return seconds >= 3600 ? `${(seconds / 3600).toFixed(1)} h` : `${(seconds / 60).toFixed(1)} min`;
}
