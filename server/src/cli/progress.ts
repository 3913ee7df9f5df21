// A one-line progress bar on stderr, only when stderr is a terminal and the
// run lasts more than a moment: bytes consumed of the total, MB/s and ETA.
// For .gz files the bytes are compressed ones, as the total is sizes on disk.

import type { WriteStream } from 'node:tty';

const SHOW_AFTER_MS = 1000;
const REDRAW_MS = 200;
const MB = 1024 * 1024;

export interface ProgressState {
  done: number;
  /** Total bytes, when known (not for stdin). */
  total?: number;
  elapsedMs: number;
  label: string;
  width: number;
}

/** The bar's text for a terminal `width` columns wide (pure, for tests). */
export function renderProgress(s: ProgressState): string {
  const seconds = s.elapsedMs / 1000;
  const rate = seconds > 0 ? s.done / MB / seconds : 0;
  const parts: string[] = [];
  let bar = '';
  if (s.total && s.total > 0) {
    const fraction = Math.min(1, s.done / s.total);
    const cells = 20;
    const full = Math.round(fraction * cells);
    bar = `[${'#'.repeat(full)}${'-'.repeat(cells - full)}] ${String(Math.floor(fraction * 100)).padStart(3)}% `;
    parts.push(`${mb(s.done)}/${mb(s.total)} MB`);
  } else {
    parts.push(`${mb(s.done)} MB`);
  }
  parts.push(`${rate.toFixed(1)} MB/s`);
  if (s.total && rate > 0 && s.done < s.total) parts.push(`ETA ${clock((s.total - s.done) / MB / rate)}`);
  const head = `${bar}${parts.join('  ')}  `;
  const room = s.width - 1 - head.length;
  if (room <= 0) return head.slice(0, Math.max(0, s.width - 1)).trimEnd();
  // A long path keeps its end, where the file name is.
  const label = s.label.length > room ? '…' + s.label.slice(s.label.length - room + 1) : s.label;
  return head + label;
}

function mb(bytes: number): string {
  return (bytes / MB).toFixed(1);
}

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${m}:${String(s % 60).padStart(2, '0')}`;
}

/** Bytes on disk of all inputs, or undefined when one has no size (stdin). */
export function totalSize(files: readonly { size?: number }[]): number | undefined {
  let total = 0;
  for (const f of files) {
    if (f.size === undefined) return undefined;
    total += f.size;
  }
  return total;
}

/** When the bar first shows and how often it is redrawn (tests shorten them). */
export interface ProgressTiming {
  showAfterMs?: number;
  redrawMs?: number;
}

export class ProgressBar {
  private timer: NodeJS.Timeout | undefined;
  private shown = false;
  private readonly started = Date.now();
  label = '';

  /** `done` is read on each redraw; `total` is undefined when unknown. */
  constructor(private readonly out: WriteStream, private readonly total: number | undefined, private readonly done: () => number, private readonly timing: ProgressTiming = {}) {}

  /** A bar on `stream` if it is a terminal, else undefined. */
  static forStream(stream: NodeJS.WriteStream, total: number | undefined, done: () => number, timing?: ProgressTiming): ProgressBar | undefined {
    return stream.isTTY ? new ProgressBar(stream as WriteStream, total, done, timing) : undefined;
  }

  start(): void {
    this.timer = setInterval(() => this.draw(), this.timing.redrawMs ?? REDRAW_MS);
    this.timer.unref();
  }

  /** Erases the bar (before other output to the same terminal); the next tick redraws it. */
  clear(): void {
    if (!this.shown) return;
    this.out.write('\r\x1b[K');
    this.shown = false;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.clear();
  }

  private draw(): void {
    const elapsedMs = Date.now() - this.started;
    if (elapsedMs < (this.timing.showAfterMs ?? SHOW_AFTER_MS)) return;
    const width = this.out.columns || 80;
    this.out.write('\r' + renderProgress({ done: this.done(), total: this.total, elapsedMs, label: this.label, width }) + '\x1b[K');
    this.shown = true;
  }
}
