// Small timing helpers: medians and percentiles, MB/s, memory readings.

import { readFileSync } from 'node:fs';

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median milliseconds of each fn over `runs` rounds, the fns taking turns in each round (after one warm-up round). */
export function timeInTurns(fns: (() => unknown)[], runs = 5): number[] {
  for (const fn of fns) fn();
  const times = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const t0 = performance.now();
      fn();
      times[k].push(performance.now() - t0);
    });
  }
  return times.map(median);
}

export function mbPerSecond(bytes: number, ms: number): number {
  return bytes / 1024 / 1024 / (ms / 1000);
}

export function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** A ratio as the change it makes: 1.083 → "+8.3%". */
export function pct(ratio: number): string {
  const p = (ratio - 1) * 100;
  return `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`;
}

export function ms(value: number): string {
  return value < 1 ? value.toFixed(3) : value < 10 ? value.toFixed(2) : value.toFixed(0);
}

/** Resident and peak resident memory of a process, in bytes (Linux /proc). */
/**
 * CPU seconds (user + system) of this process's children that have ended and
 * been waited for (cutime + cstime of /proc/self/stat, in ticks of 10 ms):
 * read before and after a child runs, its CPU time and its descendants'.
 */
export function endedChildrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 16 and 17 of stat (cutime, cstime) are 13 and 14 after the command name.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

export function processMemory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/** The baseline every throughput figure is compared with: split into lines, then tab fields. */
export function splitLinesAndFields(text: string): number {
  let fields = 0;
  for (const line of text.split('\n')) fields += line.split('\t').length;
  return fields;
}

/**
 * The environment that starts a run's threads whatever its input's size
 * (runners.ts starts one only for 32 MB of input): for the rows that measure
 * the threaded path itself.
 */
export const THREADS_FORCED = { PUBTATOR_THREAD_CHUNKS: '1' };
