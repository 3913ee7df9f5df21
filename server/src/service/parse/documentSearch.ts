// Documents are sorted by line and never overlap: binary searches find the
// ones around a line without walking the file.

import type { PubtatorDocument } from './model';

/** Index of the first document whose last line is at or after `line` (length when none). */
export function firstEndingAtOrAfter(docs: readonly PubtatorDocument[], line: number): number {
  let lo = 0;
  let hi = docs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (docs[mid].endLine < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last document whose first line is at or before `line` (-1 when none). */
export function lastStartingAtOrBefore(docs: readonly PubtatorDocument[], line: number): number {
  let lo = -1;
  let hi = docs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (docs[mid].startLine <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
