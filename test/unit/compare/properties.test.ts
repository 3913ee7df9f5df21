// Properties of the comparison on random files (the edit tests' generator of
// damaged PubTator, and raw noise): it never throws; a file compared with
// itself has no difference; swapping the two sides swaps FP and FN; TP + FN
// and TP + FP are the sizes of each side's item sets whatever is compared;
// the editor's diagnostics stay inside the compared file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareFiles } from '../../../server/src/service/compare/compareFiles';
import { comparisonDiagnostics } from '../../../server/src/service/compare/editorView';
import { LEVELS } from '../../../server/src/service/compare/model';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { pubtatorFile } from '../edits/generate';

const noise = fc.array(fc.oneof(
  fc.constantFrom('\t', '\n', '\n\n', '|t|', '|a|', '1', '2', '-1', 'D001', 'MESH:D001', 'CID', 'Chemical', '0', '5', '|'),
  fc.string({ maxLength: 6 }),
), { maxLength: 60 }).map((parts) => parts.join(''));

const anyFile = fc.oneof(pubtatorFile, noise);

function counts(gold: string, predicted: string, match: 'exact' | 'overlap' = 'exact') {
  const c = compareFiles(parsePubtator(gold), parsePubtator(predicted), { match });
  return LEVELS.map((level) => c.scorer.totals.counts(level));
}

test('a file compared with itself: no false positive or negative, at any level', () => {
  fc.assert(fc.property(anyFile, (text) => {
    for (const c of counts(text, text)) assert.deepEqual([c.fp, c.fn], [0, 0]);
  }), { numRuns: 200 });
});

test('swapping the sides swaps FP and FN (exact matching), and TP + FN is what the gold side has', () => {
  fc.assert(fc.property(anyFile, anyFile, (a, b) => {
    const ab = counts(a, b);
    const ba = counts(b, a);
    const aa = counts(a, a);
    ab.forEach((c, i) => {
      assert.deepEqual([ba[i].tp, ba[i].fp, ba[i].fn], [c.tp, c.fn, c.fp]);
      assert.equal(c.tp + c.fn, aa[i].tp, 'gold items');
    });
  }), { numRuns: 150 });
});

test('overlap matching is one to one: TP + FN and TP + FP keep the sizes of the two sides', () => {
  fc.assert(fc.property(anyFile, anyFile, (a, b) => {
    const [exact] = counts(a, b);
    const [overlap] = counts(a, b, 'overlap');
    assert.equal(overlap.tp + overlap.fn, exact.tp + exact.fn);
    assert.equal(overlap.tp + overlap.fp, exact.tp + exact.fp);
    assert.ok(overlap.tp >= exact.tp);
  }), { numRuns: 150 });
});

test('the editor\'s diagnostics lie inside the compared file', () => {
  fc.assert(fc.property(anyFile, anyFile, (gold, predicted) => {
    const lines = predicted.split('\n');
    for (const d of comparisonDiagnostics(compareFiles(parsePubtator(gold), parsePubtator(predicted)))) {
      for (const p of [d.range.start, d.range.end]) {
        assert.ok(p.line >= 0 && p.line < lines.length, `${d.code} at line ${p.line}`);
        assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${d.code} at ${p.line}:${p.character}`);
      }
    }
  }), { numRuns: 150 });
});
