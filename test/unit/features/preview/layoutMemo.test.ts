// The remembered graph layout: the same layout as computing it afresh, the
// same object when nothing it depends on changed, a new one when a node's
// name or an edge changed, and the oldest forgotten past the limit.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { layoutGraph, type LayoutEdge } from '../../../../server/src/service/features/preview/graphLayout';
import { rememberedLayout } from '../../../../server/src/service/features/preview/layoutMemo';

const names = (n: number, tag = 'c') => Array.from({ length: n }, (_, i) => ({ name: `${tag}${i}` }));
const chain = (n: number): LayoutEdge[] => Array.from({ length: n - 1 }, (_, i) => ({ from: i, to: i + 1, label: 'CID', directed: true }));

describe('preview: remembered graph layout', () => {
  it('gives what layoutGraph gives, and the same object when asked again', () => {
    const nodes = names(12);
    const edges = chain(12);
    const first = rememberedLayout(nodes, edges);
    assert.deepEqual(first, layoutGraph(nodes, edges));
    assert.equal(rememberedLayout(names(12), chain(12)), first);
  });

  it('lays out again when a name, an edge label, a direction or an end changed', () => {
    const base = rememberedLayout(names(10, 'x'), chain(10));
    const renamed = names(10, 'x');
    renamed[3] = { name: 'a much longer concept name' };
    assert.notEqual(rememberedLayout(renamed, chain(10)), base);
    assert.deepEqual(rememberedLayout(renamed, chain(10)), layoutGraph(renamed, chain(10)));
    const relabelled = chain(10).map((e, i) => (i === 2 ? { ...e, label: 'Association' } : e));
    assert.deepEqual(rememberedLayout(names(10, 'x'), relabelled), layoutGraph(names(10, 'x'), relabelled));
    const undirected = chain(10).map((e, i) => (i === 0 ? { ...e, directed: false } : e));
    assert.deepEqual(rememberedLayout(names(10, 'x'), undirected), layoutGraph(names(10, 'x'), undirected));
    const moved = chain(10).map((e, i) => (i === 4 ? { ...e, to: 0 } : e));
    assert.deepEqual(rememberedLayout(names(10, 'x'), moved), layoutGraph(names(10, 'x'), moved));
  });

  it('forgets the oldest layout past its limit, and still answers right', () => {
    const first = rememberedLayout(names(9, 'old'), chain(9));
    for (let k = 0; k < 40; k++) rememberedLayout(names(9, `fill${k}-`), chain(9));
    const again = rememberedLayout(names(9, 'old'), chain(9));
    assert.notEqual(again, first);
    assert.deepEqual(again, first);
  });

  it('always equals a fresh layout (random graphs, asked in random order)', () => {
    fc.assert(fc.property(fc.array(fc.record({ n: fc.integer({ min: 1, max: 14 }), seed: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 12 }), (asks) => {
      for (const { n, seed } of asks) {
        const nodes = names(n, `s${seed}-`);
        const edges: LayoutEdge[] = Array.from({ length: n }, (_, i) => ({ from: i, to: (i * (seed + 2)) % n, label: seed % 2 ? 'CID' : 'Association', directed: seed % 3 === 0 }));
        assert.deepEqual(rememberedLayout(nodes, edges), layoutGraph(nodes, edges));
      }
    }), { numRuns: 30 });
  });
});
