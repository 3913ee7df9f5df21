// Line starts of a text read piece by piece, for a streamed check: offsets
// become line and column without the whole text. Only the lines from a point
// on are kept (forget); a window of them can be taken away (LineWindow) to
// place a batch's diagnostics later, once the batch has been checked.

import { partitionPoint } from '../sortedSearch';
import type { Position, Range } from '../types';
import type { OffsetPositions } from './lineIndex';
import type { SourceRange } from './model';

/** Line starts from line `firstLine` on: positions of offsets at or after starts[0]. */
export class LineWindow implements OffsetPositions {
  constructor(private readonly starts: readonly number[], private readonly firstLine: number) {}

  position(offset: number): Position {
    const s = this.starts;
    // The last line starting at or before the offset (the first line for an offset before it).
    const lo = Math.max(0, partitionPoint(s.length, (i) => s[i] <= offset) - 1);
    return { line: this.firstLine + lo, character: offset - s[lo] };
  }

  offset(p: Position): number {
    const i = Math.max(0, Math.min(p.line - this.firstLine, this.starts.length - 1));
    return this.starts[i] + Math.max(0, p.character);
  }

  range(r: SourceRange): Range {
    return { start: this.position(r.start), end: this.position(r.end) };
  }
}

export class SlidingLineIndex implements OffsetPositions {
  /** Offsets of line starts; starts[head] is line `first`. */
  private starts: number[] = [0];
  private head = 0;
  private first = 0;
  private fed = 0;

  feed(text: string): void {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(this.fed + i + 1);
    this.fed += text.length;
  }

  /** Forgets the lines that end before `offset` (the line holding it is kept). */
  forget(offset: number): void {
    const s = this.starts;
    while (this.head + 1 < s.length && s[this.head + 1] <= offset) {
      this.head++;
      this.first++;
    }
    if (this.head > 4096 && this.head * 2 > s.length) {
      this.starts = s.slice(this.head);
      this.head = 0;
    }
  }

  /** The lines from the one holding `offset` to the last fed, as a window of their own. */
  window(offset: number): LineWindow {
    const at = this.lineIndexOf(offset);
    return new LineWindow(this.starts.slice(at), this.first + at - this.head);
  }

  position(offset: number): Position {
    const at = this.lineIndexOf(offset);
    return { line: this.first + at - this.head, character: offset - this.starts[at] };
  }

  offset(p: Position): number {
    const i = Math.max(this.head, Math.min(this.head + p.line - this.first, this.starts.length - 1));
    return this.starts[i] + Math.max(0, p.character);
  }

  range(r: SourceRange): Range {
    return { start: this.position(r.start), end: this.position(r.end) };
  }

  private lineIndexOf(offset: number): number {
    const s = this.starts;
    let lo = this.head;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (s[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
