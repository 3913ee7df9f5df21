// How many rows of a file have a problem, for `stats`. Diagnostics come in
// line order; each counts its line once. A summary stands for many rows
// reported once (settleRows.ts puts the number in its data as `rows`; a file
// whose every relation dangles says `everyRelation`), so it counts them all:
// a file whose 1,342 relations all dangle has 1,342 rows with problems, not 1.

import type { Diagnostic } from '../service/types';

export class ProblemRows {
  private lines = 0;
  private lastLine = -1;
  /** Rows a summary stands for beyond its own line. */
  private beyond = 0;
  private everyRelation = false;

  add(d: Diagnostic): void {
    if (d.range.start.line !== this.lastLine) this.lines++;
    this.lastLine = d.range.start.line;
    const data = d.data as { rows?: unknown; everyRelation?: unknown } | undefined;
    if (data?.everyRelation === true) this.everyRelation = true;
    else if (typeof data?.rows === 'number' && data.rows > 1) this.beyond += data.rows - 1;
  }

  /** The count, given the file's relation rows and all its rows (never more than those). */
  total(relations: number, rows: number): number {
    const counted = this.lines + this.beyond + (this.everyRelation ? Math.max(0, relations - 1) : 0);
    return Math.min(counted, rows);
  }
}
