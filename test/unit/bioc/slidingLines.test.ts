// Line starts of a text fed in pieces (slidingLines.ts) give the positions a
// whole-text LineIndex gives, for every offset not forgotten, and so do the
// windows taken from it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../../server/src/service/bioc/lineIndex';
import { SlidingLineIndex } from '../../../server/src/service/bioc/slidingLines';

test('hand-computed: positions across pieces, after forgetting, and in a window', () => {
  const s = new SlidingLineIndex();
  s.feed('ab\nc');
  s.feed('d\n\nef');
  assert.deepEqual(s.position(0), { line: 0, character: 0 });
  assert.deepEqual(s.position(4), { line: 1, character: 1 });
  assert.deepEqual(s.position(7), { line: 3, character: 0 });
  s.forget(5);
  assert.deepEqual(s.position(5), { line: 1, character: 2 });
  assert.deepEqual(s.position(8), { line: 3, character: 1 });
  const w = s.window(6);
  assert.deepEqual(w.position(6), { line: 2, character: 0 });
  assert.deepEqual(w.range({ start: 7, end: 8 }), { start: { line: 3, character: 0 }, end: { line: 3, character: 1 } });
  assert.equal(w.offset({ line: 3, character: 1 }), 8);
});

test('property: any text in any pieces, forgetting as it goes, agrees with the whole-text index', () => {
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', 'é') , maxLength: 200 }), fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 10 }), (text, cuts) => {
    const whole = new LineIndex(text);
    const s = new SlidingLineIndex();
    let at = 0;
    let kept = 0;
    for (let k = 0; at < text.length; k++) {
      const n = cuts[k % cuts.length];
      s.feed(text.slice(at, at + n));
      at = Math.min(text.length, at + n);
      // Forget up to half way through what was fed; every offset from there on still places.
      kept = Math.max(kept, Math.floor(at / 2));
      s.forget(kept);
      for (let o = kept; o <= at; o++) assert.deepEqual(s.position(o), whole.position(o), `offset ${o}`);
      const w = s.window(kept);
      for (let o = kept; o <= at; o++) {
        assert.deepEqual(w.position(o), whole.position(o));
        assert.equal(w.offset(whole.position(o)), o);
      }
    }
  }), { numRuns: 200 });
});
