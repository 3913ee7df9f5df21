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
  | 'reversed-relation' // a relation row whose reverse (same type) is in its document (key: the type)
  | 'one-way-relation' // a relation row whose reverse is not (key: the type)
  | 'relation-type' // a relation row whose type the schema does not declare (key: the type)
  | 'id-misfit'; // a mention id part outside its type's declared namespaces or pattern (key: type and namespace)

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

/** Rows of one group reported one by one; beyond, one diagnostic says how many. */
export const HOLD_LIMIT = 1000;

/** Held groups of a file (or a part of it), in order of first appearance. */
export class HeldGroups {
  /** Kind → key → group: no key strings built per row. */
  private readonly byKind = new Map<HeldKind, Map<string, HeldGroup>>();
  private readonly ordered: HeldGroup[] = [];

  add(item: HeldItem): void {
    const group = this.group(item.kind, item.key);
    group.count++;
    if (group.items.length < HOLD_LIMIT) group.items.push(item);
  }

  /** Counts a row, making its item only while the group keeps items (a custom type on every row costs a count). */
  hold(kind: HeldKind, key: string, row: () => HeldRow): void {
    const group = this.group(kind, key);
    group.count++;
    if (group.items.length < HOLD_LIMIT) group.items.push({ kind, key, ...row() });
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

  get(kind: HeldKind, key: string): HeldGroup | undefined {
    return this.byKind.get(kind)?.get(key);
  }

  /** Groups of one kind, in order of first appearance. */
  ofKind(kind: HeldKind): Iterable<HeldGroup> {
    return this.byKind.get(kind)?.values() ?? [];
  }

  get size(): number {
    return this.ordered.length;
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
    let keys = this.byKind.get(kind);
    if (!keys) this.byKind.set(kind, (keys = new Map()));
    let group = keys.get(key);
    if (!group) {
      group = { kind, key, count: 0, items: [] };
      keys.set(key, group);
      this.ordered.push(group);
    }
    return group;
  }
}

function shiftRange(r: Range, delta: number): Range {
  return { start: { line: r.start.line + delta, character: r.start.character }, end: { line: r.end.line + delta, character: r.end.character } };
}

function shiftItem(item: HeldItem, delta: number): HeldItem {
  const moved: HeldItem = { ...item, range: shiftRange(item.range, delta) };
  if (item.related) moved.related = item.related.map((r) => ({ ...r, range: shiftRange(r.range, delta) }));
  return moved;
}
