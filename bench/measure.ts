// Small timing helpers: median of several runs, MB/s, memory readings.

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median milliseconds of `runs` calls of fn (after one warm-up). */
export function time(fn: () => unknown, runs = 5): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
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

/** The baseline every figure is compared with: split into lines, then tab fields. */
export function splitLinesAndFields(text: string): number {
  let fields = 0;
  for (const line of text.split('\n')) fields += line.split('\t').length;
  return fields;
}
