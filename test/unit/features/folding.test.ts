import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { documentShape } from '../../../server/src/service/features/documentShape';
import { ASTRAL, BC5CDR, BIORED, HOSTILE, lines, PUBTATOR3, service } from './support';

/** Folds of a fresh parse; `parsed` first parses every document's rows (the other way to read the blocks). */
function folds(text: string, parsed = false) {
  const file = service.parse(text);
  if (parsed) for (const d of file.documents) void d.mentions;
  return service.foldingRanges(file).map((r) => `${r.startLine}-${r.endLine}`);
}

function materialized(text: string) {
  const file = service.parse(text);
  for (const d of file.documents) void d.mentions;
  return file;
}

describe('folding ranges', () => {
  it('folds each document, its mention block and its relation block', () => {
    assert.deepEqual(folds(PUBTATOR3), ['0-14', '2-11', '12-14', '16-18']);
    assert.deepEqual(folds(BIORED), ['0-9', '2-7', '8-9']);
  });

  it('keeps a block whole across a malformed line, and does not fold a single row', () => {
    const text = lines('1|t|x', '1|a|y', '1\t0\t1\tx\tGene\t1', 'junk', '1\t0\t1\tx\tGene\t1', '1\tBind\t1\t1');
    assert.deepEqual(folds(text), ['0-5', '2-4']);
  });

  it('folds a document that repeats its abstract after rows in two mention blocks', () => {
    const text = lines('1|t|x', '1\t0\t1\tx\tGene\t1', '1\t0\t1\tx\tGene\t1', '1|a|y', '1\t2\t3\ty\tGene\t1', '1\t2\t3\ty\tGene\t1');
    assert.deepEqual(folds(text), ['0-5', '1-2', '4-5']);
  });

  it('reads each line\'s TABs within the line: documents without rows before and after one with rows, Greek text, a tab-led line', () => {
    const text = lines('1|t|TNF-\u03b1 only a title', '1|a|and its abstract', '', '2|t|x', '2|a|y', '2\t0\t1\tx\tGene\t1',
      '2\t0\t1\tx\tGene\t1', '', '3|t|IL-\u03b2', '3|a|text', '\tnot a row', '3|a|more');
    assert.deepEqual(folds(text), ['0-1', '3-6', '5-6', '8-10']);
    assert.deepEqual(folds(text, true), folds(text));
  });

  it('gives nothing for an empty file or single lines, and never throws', () => {
    assert.deepEqual(folds(''), []);
    assert.deepEqual(folds('1|t|only a title\n'), []);
    assert.deepEqual(folds('\ufeff1|t|x\r\n1|a|y\r\n1\t0\t1\tx\tGene\t1\r\n1\t0\t1\tx\tGene\t1\r\n'), ['0-3', '2-3']);
  });

  it('reads the same blocks from the lines as from the parsed rows (property)', () => {
    const piece = fc.constantFrom('1|t|x', '1|a|y', '2|t|z', '1\t0\t1\tx\tGene\t1', '1\t0\t1', '1\tBind\t1\t2', '1\tA\tB',
      'junk', '', '  ', '\ufeff', '\r', '\t\t\t', '1\t-1\t2\tx\tGene', '1\tx\t2\t3\t4\t5', '|t|', 'a|b|c');
    fc.assert(fc.property(fc.array(piece, { maxLength: 25 }), (pieces) => {
      const text = pieces.join('\n');
      assert.deepEqual(folds(text, true), folds(text, false), JSON.stringify(text));
      const scanned = service.parse(text);
      const parsed = materialized(text);
      scanned.documents.forEach((d, i) => {
        const fromText = documentShape(d);
        const fromRows = documentShape(parsed.documents[i]);
        assert.deepEqual(fromText, fromRows, JSON.stringify(text));
      });
    }), { numRuns: 400 });
  });

  it('is the same read from the lines or from the parsed rows on the samples', () => {
    for (const text of [PUBTATOR3, BC5CDR, BIORED, ASTRAL, HOSTILE]) assert.deepEqual(folds(text, true), folds(text, false));
  });
});
