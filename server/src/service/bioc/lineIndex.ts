// File offsets to editor positions (line, UTF-16 character), by one scan for
// line starts and a binary search per lookup.

import { partitionPoint } from '../sortedSearch';
import type { Position, Range } from '../types';
import type { SourceRange } from './model';

/** Offsets to positions and back: a whole text's LineIndex, or a window of a streamed one (slidingLines.ts). */
export interface OffsetPositions {
  position(offset: number): Position;
  offset(p: Position): number;
  range(r: SourceRange): Range;
}

export class LineIndex implements OffsetPositions {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const s = this.starts;
    // The last line starting at or before the offset (the first line for an offset before it).
    const lo = Math.max(0, partitionPoint(s.length, (i) => s[i] <= offset) - 1);
    return { line: lo, character: offset - s[lo] };
  }

  offset(p: Position): number {
    const line = Math.max(0, Math.min(p.line, this.starts.length - 1));
    return this.starts[line] + Math.max(0, p.character);
  }

  range(r: SourceRange): Range {
    return { start: this.position(r.start), end: this.position(r.end) };
  }
}
