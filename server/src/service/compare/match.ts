// Pairing items of the reference with items of the predictions, one to one.
// Concepts and relations pair on equal keys. Mentions pair on equal keys too
// (`exact`), or, with `overlap`, by overlapping spans of the same type in the
// same block: exact pairs first, then each remaining prediction, in order of
// position, takes the unpaired reference mention it overlaps most (ties: the
// one starting first, then ending first). So each reference mention is
// matched at most once and the result does not depend on row order.

import { partitionPoint } from '../sortedSearch';
import type { MentionItem } from './items';

export interface Matched<T> {
  pairs: [gold: T, predicted: T][];
  /** In the predictions only, in line order. */
  fp: T[];
  /** In the reference only, in line order. */
  fn: T[];
}

const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;

/** Items with equal keys pair. */
export function matchKeys<T extends { line: number }>(gold: ReadonlyMap<string, T>, predicted: ReadonlyMap<string, T>): Matched<T> {
  const pairs: [T, T][] = [];
  const fp: T[] = [];
  for (const [key, p] of predicted) {
    const g = gold.get(key);
    if (g) pairs.push([g, p]);
    else fp.push(p);
  }
  const fn: T[] = [];
  for (const [key, g] of gold) if (!predicted.has(key)) fn.push(g);
  return { pairs, fp: fp.sort(byLine), fn: fn.sort(byLine) };
}

function overlap(a: MentionItem, b: MentionItem): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

const byPosition = (a: MentionItem, b: MentionItem) => a.block - b.block || a.start - b.start || a.end - b.end
  || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);

export function matchMentions(
  gold: ReadonlyMap<string, MentionItem>, predicted: ReadonlyMap<string, MentionItem>, mode: 'exact' | 'overlap',
): Matched<MentionItem> {
  const exact = matchKeys(gold, predicted);
  if (mode === 'exact' || exact.fp.length === 0 || exact.fn.length === 0) return exact;

  // Reference mentions still free, per block and type, sorted by start.
  const buckets = new Map<string, { items: MentionItem[]; taken: boolean[]; longest: number }>();
  for (const g of [...exact.fn].sort(byPosition)) {
    const k = `${g.block}\t${g.type}`;
    let b = buckets.get(k);
    if (!b) buckets.set(k, (b = { items: [], taken: [], longest: 0 }));
    b.items.push(g);
    b.taken.push(false);
    b.longest = Math.max(b.longest, g.end - g.start);
  }
  const pairs = [...exact.pairs];
  const fp: MentionItem[] = [];
  for (const p of [...exact.fp].sort(byPosition)) {
    const b = buckets.get(`${p.block}\t${p.type}`);
    let best = -1;
    if (b) {
      // Candidates start before p ends, and no earlier than p.start - longest.
      for (let i = partitionPoint(b.items.length, (k) => b.items[k].start < p.end) - 1; i >= 0; i--) {
        const g = b.items[i];
        if (g.start + b.longest <= p.start) break;
        if (b.taken[i] || overlap(g, p) <= 0) continue;
        const current = best < 0 ? undefined : b.items[best];
        // Walking backwards: on a tie the earlier start wins, then the earlier end.
        if (!current || overlap(g, p) > overlap(current, p)
          || (overlap(g, p) === overlap(current, p) && (g.start < current.start || (g.start === current.start && g.end < current.end)))) {
          best = i;
        }
      }
    }
    if (best < 0) {
      fp.push(p);
      continue;
    }
    b!.taken[best] = true;
    pairs.push([b!.items[best], p]);
  }
  const fn: MentionItem[] = [];
  for (const b of buckets.values()) b.items.forEach((g, i) => { if (!b.taken[i]) fn.push(g); });
  return { pairs, fp: fp.sort(byLine), fn: fn.sort(byLine) };
}
