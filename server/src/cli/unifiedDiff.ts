// `--fix-dry-run`'s output: a unified diff (as `diff -u` writes it, so
// `patch` and `git apply` take it), written as a file streams by. A file is
// fed as a sequence of line operations, chunk after chunk: runs of unchanged
// lines, of which only the few that can be context are kept (so an unchanged
// gigabyte costs nothing), and changes. Hunks carry 3 lines of context and
// merge when fewer than 7 unchanged lines part them.

import { diffArrays } from 'diff';

export const CONTEXT = 3;

/** Unchanged lines: how many, the first 2×CONTEXT (all of them when that is all) and the last CONTEXT + 1. */
export interface SameRun {
  kind: 'same';
  count: number;
  head: string[];
  tail: string[];
}

export interface Change {
  kind: 'change';
  old: string[];
  new: string[];
}

export type LineOp = SameRun | Change;

export function sameRun(lines: readonly string[]): SameRun {
  return { kind: 'same', count: lines.length, head: lines.slice(0, 2 * CONTEXT), tail: lines.slice(Math.max(0, lines.length - CONTEXT - 1)) };
}

function joinRuns(a: SameRun, b: SameRun): SameRun {
  return {
    kind: 'same',
    count: a.count + b.count,
    head: (a.count >= 2 * CONTEXT ? a.head : a.head.concat(b.head)).slice(0, 2 * CONTEXT),
    tail: (b.count > CONTEXT ? b.tail : a.tail.concat(b.tail)).slice(-CONTEXT - 1),
  };
}

function withoutLast(run: SameRun): SameRun {
  const count = run.count - 1;
  return { kind: 'same', count, head: run.head.slice(0, Math.min(run.head.length, count)), tail: run.tail.slice(0, -1) };
}

/** The operations that turn `before` into `after` (lines without their newline). */
export function lineOps(before: readonly string[], after: readonly string[]): LineOp[] {
  const ops: LineOp[] = [];
  let change: Change | undefined;
  for (const part of diffArrays(before as string[], after as string[])) {
    if (!part.added && !part.removed) {
      change = undefined;
      ops.push(sameRun(part.value));
      continue;
    }
    if (!change) {
      change = { kind: 'change', old: [], new: [] };
      ops.push(change);
    }
    (part.added ? change.new : change.old).push(...part.value);
  }
  return ops;
}

interface Hunk {
  oldStart: number;
  newStart: number;
  oldCount: number;
  newCount: number;
  lines: string[];
}

const NO_NEWLINE = '\\ No newline at end of file';

function range(start: number, count: number): string {
  // An empty side names the line before it, as diff does.
  const at = count === 0 ? start - 1 : start;
  return count === 1 ? `${at}` : `${at},${count}`;
}

export class UnifiedDiffWriter {
  private oldPos = 0;
  private newPos = 0;
  private gap: SameRun = sameRun([]);
  private hunk: Hunk | undefined;
  private headerWritten = false;

  constructor(private readonly emit: (line: string) => void, private readonly oldName: string, private readonly newName: string) {}

  /** Whether any change was written. */
  get changed(): boolean {
    return this.headerWritten;
  }

  add(op: LineOp): void {
    if (op.kind === 'same') this.same(op);
    else this.change(op.old, op.new);
  }

  private same(run: SameRun): void {
    if (run.count === 0) return;
    this.gap = joinRuns(this.gap, run);
    this.oldPos += run.count;
    this.newPos += run.count;
  }

  private change(old: readonly string[], added: readonly string[]): void {
    if (old.length === 0 && added.length === 0) return;
    const gap = this.gap;
    if (this.hunk && gap.count <= 2 * CONTEXT) {
      this.context(gap.head);
    } else {
      if (this.hunk) this.close(gap.head.slice(0, CONTEXT));
      const lead = (gap.count <= 2 * CONTEXT ? gap.head : gap.tail).slice(-CONTEXT);
      this.hunk = { oldStart: this.oldPos - lead.length + 1, newStart: this.newPos - lead.length + 1, oldCount: 0, newCount: 0, lines: [] };
      this.context(lead);
    }
    const hunk = this.hunk!;
    for (const l of old) hunk.lines.push('-' + l);
    for (const l of added) hunk.lines.push('+' + l);
    hunk.oldCount += old.length;
    hunk.newCount += added.length;
    this.oldPos += old.length;
    this.newPos += added.length;
    this.gap = sameRun([]);
  }

  private context(lines: readonly string[]): void {
    const hunk = this.hunk!;
    for (const l of lines) hunk.lines.push(' ' + l);
    hunk.oldCount += lines.length;
    hunk.newCount += lines.length;
  }

  /**
   * The file is over. `oldNewline` and `newNewline` say whether each side ends
   * with a newline (its lines were given without the empty one after it).
   */
  end(oldNewline = true, newNewline = true): void {
    if (oldNewline !== newNewline && this.gap.count > 0) {
      // Only the last line's newline differs there: that is a change too.
      const last = this.gap.tail[this.gap.tail.length - 1];
      this.gap = withoutLast(this.gap);
      this.oldPos--;
      this.newPos--;
      this.change([last], [last]);
    }
    if (!this.hunk) return;
    const reachesEnd = this.gap.count <= CONTEXT;
    this.context(this.gap.head.slice(0, CONTEXT));
    if (reachesEnd && !(oldNewline && newNewline)) markMissingNewlines(this.hunk.lines, oldNewline, newNewline);
    this.close([]);
  }

  private close(trailing: readonly string[]): void {
    this.context(trailing);
    const hunk = this.hunk!;
    if (!this.headerWritten) {
      this.emit(`--- ${this.oldName}`);
      this.emit(`+++ ${this.newName}`);
      this.headerWritten = true;
    }
    this.emit(`@@ -${range(hunk.oldStart, hunk.oldCount)} +${range(hunk.newStart, hunk.newCount)} @@`);
    for (const l of hunk.lines) this.emit(l);
    this.hunk = undefined;
  }
}

/** Index of the last line of one side of a hunk (`-` or `+` lines and context), -1 when none. */
function lastOf(lines: readonly string[], sign: '-' | '+'): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i][0] === sign || lines[i][0] === ' ') return i;
  return -1;
}

/**
 * Marks the last line of a side that has no newline, as diff does. A context
 * line can carry the mark only when it ends both sides without a newline;
 * otherwise it becomes a removal and an addition. Within each run of changes,
 * removals go first (any order of them is a valid hunk; diff writes this one).
 */
function markMissingNewlines(lines: string[], oldNewline: boolean, newNewline: boolean): void {
  const o = lastOf(lines, '-');
  const n = lastOf(lines, '+');
  const bothEndThere = o === n && !oldNewline && !newNewline;
  // Split from the later index first, so the earlier one stays where it is.
  for (const i of [...new Set([o, n])].sort((a, b) => b - a)) {
    if (i < 0 || lines[i][0] !== ' ' || bothEndThere) continue;
    if ((i === o && !oldNewline) || (i === n && !newNewline)) lines.splice(i, 1, '-' + lines[i].slice(1), '+' + lines[i].slice(1));
  }
  for (let i = 0; i < lines.length;) {
    if (lines[i][0] === ' ') {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j][0] !== ' ') j++;
    const run = lines.slice(i, j);
    lines.splice(i, j - i, ...run.filter((l) => l[0] === '-'), ...run.filter((l) => l[0] === '+'));
    i = j;
  }
  const marks = new Set<number>();
  if (!oldNewline) marks.add(lastOf(lines, '-'));
  if (!newNewline) marks.add(lastOf(lines, '+'));
  for (const i of [...marks].filter((i) => i >= 0).sort((a, b) => b - a)) lines.splice(i + 1, 0, NO_NEWLINE);
}
