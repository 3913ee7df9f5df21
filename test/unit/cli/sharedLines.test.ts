// The workers' shared line ledger (cli/sharedLines.ts): each range's first line
// is the sum of the counts before it, whatever order the counts are said in and
// whichever thread asks; a count nobody has said is counted by the asker, once,
// and said for the others; the count said first is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SharedLines, sharedLines } from '../../../server/src/cli/sharedLines';

test('first lines are the sums of the counts before, whatever is said when and whoever asks', () => {
  fc.assert(fc.property(
    fc.array(fc.nat(50), { minLength: 1, maxLength: 30 }),
    fc.array(fc.nat(), { maxLength: 40 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(1)), { maxLength: 40 }),
    (counts, said, asked) => {
      const buffer = sharedLines(counts.length);
      // Two views of one buffer, as two threads hold it.
      const views = [new SharedLines(buffer), new SharedLines(buffer)];
      const counted: number[] = [];
      const countOf = (range: number) => {
        counted.push(range);
        return counts[range];
      };
      for (const s of said) views[s % 2].say(s % counts.length, counts[s % counts.length]);
      for (const [a, who] of asked) {
        const index = a % counts.length;
        const sum = counts.slice(0, index).reduce((x, y) => x + y, 0);
        assert.equal(views[who].firstLine(index, countOf), sum);
      }
      // Only what nobody had said was counted, and each range once at most.
      assert.equal(new Set(counted).size, counted.length);
      for (const range of counted) assert.ok(!said.some((s) => s % counts.length === range), `range ${range} was said`);
      for (const range of counted) assert.equal(views[0].count(range), counts[range], 'a count worked out is said for the others');
    },
  ));
});

test('the count said first is the one kept', () => {
  const lines = new SharedLines(sharedLines(3));
  assert.equal(lines.count(1), undefined);
  lines.say(1, 5);
  lines.say(1, 7);
  assert.equal(lines.count(1), 5);
  assert.equal(lines.firstLine(2, () => 4), 9);
  assert.equal(lines.firstLine(0, () => assert.fail('range 0 starts at line 0')), 0);
});

test('first lines past 2^32 are exact', () => {
  const lines = new SharedLines(sharedLines(4));
  assert.equal(lines.firstLine(3, () => 2 ** 32 + 1), 3 * (2 ** 32 + 1));
});
