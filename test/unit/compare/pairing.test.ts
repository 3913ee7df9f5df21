// The stream pairer: in step (one pair held) when both streams list documents
// in the same order, a bounded hold for documents one stream lacks, the
// fallback (read one stream to its end) when the orders differ, and every
// group paired exactly as a join on the key would pair it, whatever the order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { DocumentGroup, Side } from '../../../server/src/service/compare/model';
import { groupKey } from '../../../server/src/service/compare/model';
import { DocumentPairer, type FallbackNotice } from '../../../server/src/service/compare/pairing';

function group(id: string, occurrence = 0): DocumentGroup {
  return { id, occurrence, blocks: [] };
}

/** Runs the pairer over two lists of ids as it would over two streams; returns the pairs and what it held. */
function runPairer(gold: string[], predicted: string[], holdLimit?: number) {
  const pairs: string[] = [];
  const notices: FallbackNotice[] = [];
  let maxHeld = 0;
  const pairer = new DocumentPairer((g, p) => pairs.push(`${g ? groupKey(g) : '-'}|${p ? groupKey(p) : '-'}`), {
    holdLimit, onFallback: (n) => notices.push(n),
  });
  const streams: Record<Side, DocumentGroup[]> = { gold: occurrences(gold), predicted: occurrences(predicted) };
  const at: Record<Side, number> = { gold: 0, predicted: 0 };
  const reads: Side[] = [];
  for (let side = pairer.next(); side; side = pairer.next()) {
    reads.push(side);
    const next = streams[side][at[side]++];
    if (next) pairer.add(side, next);
    else pairer.end(side);
    maxHeld = Math.max(maxHeld, pairer.holding);
  }
  return { pairs, notices, maxHeld, reads, outOfOrder: pairer.outOfOrder };
}

/** Ids to groups numbered by occurrence, as a file's groups are. */
function occurrences(ids: string[]): DocumentGroup[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const n = seen.get(id) ?? 0;
    seen.set(id, n + 1);
    return group(id, n);
  });
}

test('same order: one group from each stream in turn, at most one held, every pair complete', () => {
  const ids = Array.from({ length: 100 }, (_, i) => String(1000 + i));
  const r = runPairer(ids, ids);
  assert.equal(r.pairs.length, 100);
  assert.ok(r.pairs.every((p) => p.split('|')[0] === p.split('|')[1]));
  assert.equal(r.maxHeld, 1);
  assert.deepEqual(r.notices, []);
  assert.deepEqual(r.reads.slice(0, 4), ['gold', 'predicted', 'gold', 'predicted']);
});

test('same order with documents missing on one side: held only until the other stream passes them', () => {
  const gold = ['1', '2', '3', '4', '5', '6'];
  const predicted = ['1', '3', '4', '6', '7'];
  const r = runPairer(gold, predicted);
  assert.deepEqual(r.pairs.sort(), ['1|1', '2|-', '3|3', '4|4', '5|-', '6|6', '-|7'].sort());
  assert.ok(r.maxHeld <= 4, `held ${r.maxHeld}`);
  assert.equal(r.outOfOrder, false);
});

test('different orders: past the hold limit it reads one stream to its end, says so once, and still pairs every group', () => {
  const ids = Array.from({ length: 50 }, (_, i) => String(i));
  const r = runPairer(ids, [...ids].reverse(), 8);
  assert.equal(r.notices.length, 1);
  assert.equal(r.notices[0].loading, 'gold');
  assert.ok(r.notices[0].waiting > 8);
  assert.equal(r.outOfOrder, true);
  assert.deepEqual(r.pairs.sort(), ids.map((i) => `${i}|${i}`).sort());
});

test('repeated ids pair by occurrence', () => {
  const r = runPairer(['8', '9', '8'], ['8', '8']);
  assert.deepEqual(r.pairs.sort(), ['8\u00001|8\u00001', '8|8', '9|-'].sort());
});

test('any two streams: each group is paired exactly as a join on (id, occurrence) pairs it', () => {
  const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 30 });
  fc.assert(fc.property(ids, ids, fc.integer({ min: 1, max: 10 }), (gold, predicted, limit) => {
    const r = runPairer(gold, predicted, limit);
    const g = new Set(occurrences(gold).map(groupKey));
    const p = new Set(occurrences(predicted).map(groupKey));
    const expected = [
      ...[...g].map((k) => `${k}|${p.has(k) ? k : '-'}`),
      ...[...p].filter((k) => !g.has(k)).map((k) => `-|${k}`),
    ];
    assert.deepEqual([...r.pairs].sort(), expected.sort());
  }), { numRuns: 300 });
});
