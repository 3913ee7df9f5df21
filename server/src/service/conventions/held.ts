// Diagnostics a check cannot decide from one document: whether a row breaks a
// habit depends on what the rest of the file does. Checks hold them while the
// documents are read; once the whole file is known, each check settles its
// groups (learn.ts says what the file's habits are).

import type { Range, RelatedInformation } from '../types';

/** What a held row may deviate from; the key within a kind is, e.g., the entity type. */
export type HeldKind =
  | 'entity-type' // a mention row whose type no known corpus uses (key: the type)
  | 'text-mismatch' // a span whose covered text differs and no nearby shift explains it
  | 'text-minor' // a span whose covered text differs only as producers normalise
  | 'no-abstract' // a document with a title line and no abstract line
  | 'relations-no-mentions' // a document with relation rows and no mention row for their ids to match
  | 'reversed-relation' // a relation row whose reverse (same type) is in its document (key: the type)
  | 'one-way-relation' // a relation row whose reverse is not (key: the type)
  | 'relation-type' // a relation row whose type the schema does not declare (key: the type)
  | 'id-misfit' // a mention id part outside its type's declared namespaces or pattern (key: type and namespace)
  | 'not-utf8'; // a document's first U+FFFD: a byte that was not UTF-8, replaced when the file was read

export interface HeldItem {
  kind: HeldKind;
  key: string;
  range: Range;
  /** The row-level message, when the check can word it without the file's counts. */
  message?: string;
  data?: Record<string, unknown>;
  related?: RelatedInformation[];
}

/** What a check holds of a row, besides its kind and key. */
export type HeldRow = Omit<HeldItem, 'kind' | 'key'>;

/**
 * Held rows of one kind and key, in file order. Past HOLD_LIMIT only the
 * number grows: that many rows breaking one habit are one cause, reported once.
 */
export interface HeldGroup {
  kind: HeldKind;
  key: string;
  count: number;
  items: HeldItem[];
}

/** What a held item has besides its kind, key and range. */
export type HeldExtras = Pick<HeldItem, 'message' | 'data' | 'related'>;

/** A held group as it crosses threads (HeldGroups.toData). */
export interface HeldGroupData {
  kind: HeldKind;
  key: string;
  count: number;
  /** Each item's start line, start character, end line and end character, in order. */
  ranges: Int32Array;
  /** Per item, its other fields, or 0 when it has none; absent when no item has any. */
  extras?: (HeldExtras | 0)[];
}

/** Rows of one group reported one by one; beyond, one diagnostic says how many. */
export const HOLD_LIMIT = 1000;

/** Groups looked up by scanning while they are this few; a map past it. */
const FEW = 8;

/** Held groups of a file (or a part of it), in order of first appearance. */
export class HeldGroups {
  private readonly ordered: HeldGroup[] = [];
  /** Kind → key → group, made once there are more than FEW groups (a document has one or two). */
  private byKind: Map<HeldKind, Map<string, HeldGroup>> | undefined;

  add(item: HeldItem): void {
    const group = this.group(item.kind, item.key);
    group.count++;
    if (group.items.length < HOLD_LIMIT) group.items.push(item);
  }

  /** Counts a row, making its item only while the group keeps items (a custom type on every row costs a count). */
  hold(kind: HeldKind, key: string, row: () => HeldRow): void {
    const group = this.group(kind, key);
    group.count++;
    if (group.items.length < HOLD_LIMIT) group.items.push(CompactItem.of(kind, key, row()));
  }

  /** Appends groups held later in the file. */
  addAll(later: HeldGroups): void {
    for (const g of later.ordered) {
      const group = this.group(g.kind, g.key);
      group.count += g.count;
      for (const item of g.items) {
        if (group.items.length >= HOLD_LIMIT) break;
        group.items.push(item);
      }
    }
  }

  /**
   * Appends groups held later in the file, as they crossed from a chunk
   * (toData). `copy` makes what is kept of them (a key, an item's message and
   * data) values of their own; items past HOLD_LIMIT are only counted.
   */
  addData(later: readonly HeldGroupData[], copy: <T>(value: T) => T): void {
    for (const g of later) {
      const group = this.get(g.kind, g.key) ?? this.group(g.kind, copy(g.key));
      group.count += g.count;
      const r = g.ranges;
      for (let i = 0; i * 4 < r.length && group.items.length < HOLD_LIMIT; i++) {
        const extra = g.extras?.[i] ? copy(g.extras[i] as HeldExtras) : undefined;
        group.items.push(new CompactItem(group.kind, group.key, r[i * 4], r[i * 4 + 1], r[i * 4 + 2], r[i * 4 + 3], extra?.message, extra?.data, extra?.related));
      }
    }
  }

  get(kind: HeldKind, key: string): HeldGroup | undefined {
    if (this.byKind) return this.byKind.get(kind)?.get(key);
    return this.ordered.find((g) => g.kind === kind && g.key === key);
  }

  /** Groups of one kind, in order of first appearance. */
  ofKind(kind: HeldKind): Iterable<HeldGroup> {
    if (this.byKind) return this.byKind.get(kind)?.values() ?? [];
    return this.ordered.filter((g) => g.kind === kind);
  }

  get size(): number {
    return this.ordered.length;
  }

  /**
   * Plain data that crosses threads cheaply (structured clone keeps no
   * classes): each group's ranges in one typed array, and an item's other
   * fields only for the items that have any (a held relation row has none).
   */
  toData(): HeldGroupData[] {
    return this.ordered.map((g) => {
      const ranges = new Int32Array(g.items.length * 4);
      let extras: (HeldExtras | 0)[] | undefined;
      g.items.forEach((item, i) => {
        const r = item.range;
        ranges[i * 4] = r.start.line;
        ranges[i * 4 + 1] = r.start.character;
        ranges[i * 4 + 2] = r.end.line;
        ranges[i * 4 + 3] = r.end.character;
        if (item.message !== undefined || item.data !== undefined || item.related !== undefined) {
          extras ??= new Array<HeldExtras | 0>(g.items.length).fill(0);
          extras[i] = { message: item.message, data: item.data, related: item.related };
        }
      });
      return extras ? { kind: g.kind, key: g.key, count: g.count, ranges, extras } : { kind: g.kind, key: g.key, count: g.count, ranges };
    });
  }

  /** The same groups, `delta` lines further down (a document moved by an edit above it). */
  shifted(delta: number): HeldGroups {
    if (delta === 0 || this.ordered.length === 0) return this;
    const moved = new HeldGroups();
    for (const g of this.ordered) {
      const group = moved.group(g.kind, g.key);
      group.count = g.count;
      group.items = g.items.map((item) => shiftItem(item, delta));
    }
    return moved;
  }

  private group(kind: HeldKind, key: string): HeldGroup {
    let group = this.get(kind, key);
    if (!group) {
      group = { kind, key, count: 0, items: [] };
      this.ordered.push(group);
      if (this.byKind) this.index(group);
      else if (this.ordered.length > FEW) {
        this.byKind = new Map();
        for (const g of this.ordered) this.index(g);
      }
    }
    return group;
  }

  private index(group: HeldGroup): void {
    let keys = this.byKind!.get(group.kind);
    if (!keys) this.byKind!.set(group.kind, (keys = new Map()));
    keys.set(group.key, group);
  }
}

function shiftRange(r: Range, delta: number): Range {
  return { start: { line: r.start.line + delta, character: r.start.character }, end: { line: r.end.line + delta, character: r.end.character } };
}

function shiftItem(item: HeldItem, delta: number): HeldItem {
  const related = item.related?.map((r) => ({ ...r, range: shiftRange(r.range, delta) }));
  const range = shiftRange(item.range, delta);
  return CompactItem.of(item.kind, item.key, { range, message: item.message, data: item.data, related });
}

/**
 * A held item in one object: its range as four numbers, made into a Range only
 * when read. A large file may hold tens of thousands of rows (a document's only
 * relation, held in case the file lists relations both ways).
 */
class CompactItem implements HeldItem {
  constructor(
    readonly kind: HeldKind,
    readonly key: string,
    private readonly line: number,
    private readonly from: number,
    private readonly endLine: number,
    private readonly to: number,
    readonly message: string | undefined,
    readonly data: Record<string, unknown> | undefined,
    readonly related: RelatedInformation[] | undefined,
  ) {}

  static of(kind: HeldKind, key: string, row: HeldRow): CompactItem {
    const r = row.range;
    return new CompactItem(kind, key, r.start.line, r.start.character, r.end.line, r.end.character, row.message, row.data, row.related);
  }

  get range(): Range {
    return { start: { line: this.line, character: this.from }, end: { line: this.endLine, character: this.to } };
  }
}
