// Documents are sorted by line and never overlap: binary searches find the
// ones around a line without walking the file.

import type { PubtatorDocument } from './model';
import { partitionPoint } from '../sortedSearch';

/** Index of the first document whose last line is at or after `line` (length when none). */
export function firstEndingAtOrAfter(docs: readonly PubtatorDocument[], line: number): number {
  return partitionPoint(docs.length, (i) => docs[i].endLine < line);
}

/** Index of the last document whose first line is at or before `line` (-1 when none). */
export function lastStartingAtOrBefore(docs: readonly PubtatorDocument[], line: number): number {
  return partitionPoint(docs.length, (i) => docs[i].startLine <= line) - 1;
}
