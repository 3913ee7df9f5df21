// splitFieldsIn splits a row where it lies in the source (no string for the
// line): it gives what splitFields gives on the line cut out, whatever the
// line, its place in the source and the characters skipped at its start.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitFields, splitFieldsIn, tabCursor } from '../../server/src/service/parse/rows';
import { parsePubtator } from '../../server/src/service/parse/parseFile';

describe('splitFieldsIn', () => {
  it('gives the fields of a mention row with their character ranges (hand-computed)', () => {
    const source = 'x\n1\t0\t8\tKetamine\tChemical\tD007649\ny';
    assert.deepEqual(splitFieldsIn(source, 2, source.length - 2, 0), [
      { text: '1', start: 0, end: 1 }, { text: '0', start: 2, end: 3 }, { text: '8', start: 4, end: 5 },
      { text: 'Ketamine', start: 6, end: 14 }, { text: 'Chemical', start: 15, end: 23 }, { text: 'D007649', start: 24, end: 31 },
    ]);
  });

  it('counts a skipped start (a byte-order mark) into the ranges, and gives one empty field for an empty line', () => {
    assert.deepEqual(splitFieldsIn('\ufeffa\tb', 1, 4, 1), [{ text: 'a', start: 1, end: 2 }, { text: 'b', start: 3, end: 4 }]);
    assert.deepEqual(splitFieldsIn('ab\n\ncd', 3, 3, 0), [{ text: '', start: 0, end: 0 }]);
  });

  it('equals splitFields on the line cut out, for any line anywhere in any source', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\t', '\t', ' ', '1', '\u00e9', '\n') });
    fc.assert(fc.property(text, text, text, fc.nat(3), (before, line, after, base) => {
      const source = before + line + after;
      const from = before.length;
      const to = from + line.length;
      assert.deepEqual(splitFieldsIn(source, from, to, base), splitFields(line, base));
    }), { numRuns: 500 });
  });

  it('with one cursor over the lines of a source, gives each line what splitFields gives it', () => {
    const line = fc.string({ unit: fc.constantFrom('a', '\t', '\t', ' ', '1') });
    fc.assert(fc.property(fc.array(line, { maxLength: 12 }), fc.nat(2), (lines, base) => {
      const source = lines.join('\n');
      const cursor = tabCursor();
      let from = 0;
      for (const l of lines) {
        assert.deepEqual(splitFieldsIn(source, from, from + l.length, base, cursor), splitFields(l, base));
        from += l.length + 1;
      }
    }), { numRuns: 500 });
  });

  it('reads a document of many lines without a TAB once, not once per line (linear time)', () => {
    // 200,000 one-field lines in one document: a search for each line's TAB to the end of the text would read 10^11 characters.
    const text = '1|t|Title\n' + 'no tab on this line\n'.repeat(200_000);
    const started = performance.now();
    const doc = parsePubtator(text).documents[0];
    assert.equal(doc.malformed.length, 200_000);
    assert.ok(performance.now() - started < 5000, `${Math.round(performance.now() - started)} ms`);
  });

  it('splits a row of more fields than its buffer first holds', () => {
    const line = Array.from({ length: 200 }, (_, i) => String(i)).join('\t');
    const fields = splitFieldsIn(line, 0, line.length, 0);
    assert.equal(fields.length, 200);
    assert.deepEqual(fields[199], { text: '199', start: line.length - 3, end: line.length });
  });
});
