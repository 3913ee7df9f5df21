import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { documentAt, locate } from '../../../server/src/service/features/locate';
import { at, lines, service } from './support';

const TEXT = lines(
  '100|t|Title one.',
  '100|a|Abstract.',
  '100\t0\t5\tTitle\tChemical\tD014786|D006311',
  '100\tCID\tD014786\tD009325',
  '',
  '',
  '200|t|Second.',
  '200|a|',
  'garbage line without tabs',
  '200\t0\t6\tSecond\tDisease\t',
  '',
  'stray\tline',
);

describe('locate', () => {
  const file = service.parse(TEXT);

  it('finds the document of a line by binary search', () => {
    assert.equal(documentAt(file, 0)?.id, '100');
    assert.equal(documentAt(file, 3)?.id, '100');
    assert.equal(documentAt(file, 4), undefined, 'blank line');
    assert.equal(documentAt(file, 6)?.id, '200');
    assert.equal(documentAt(file, 9)?.id, '200');
    assert.equal(documentAt(file, 11), undefined, 'stray line after a blank line');
    assert.equal(documentAt(file, 99), undefined);
  });

  it('names each field of a mention row', () => {
    const row = '100\t0\t5';
    assert.equal(locate(file, at(TEXT, row, '100'))?.kind, 'pmid');
    const start = locate(file, at(TEXT, row, '\t0', 1));
    assert.equal(start?.kind, 'offset');
    assert.equal(start?.kind === 'offset' && start.which, 'start');
    const end = locate(file, at(TEXT, row, '\t5', 1));
    assert.equal(end?.kind === 'offset' && end.which, 'end');
    assert.equal(locate(file, at(TEXT, row, 'Title'))?.kind, 'mentionText');
    assert.equal(locate(file, at(TEXT, row, 'Chemical'))?.kind, 'mentionType');
  });

  it('picks the atom of a composite id under the cursor', () => {
    const row = '100\t0\t5';
    const first = locate(file, at(TEXT, row, 'D014786'));
    const second = locate(file, at(TEXT, row, 'D006311'));
    assert.equal(first?.kind === 'mentionId' && first.atom?.raw, 'D014786');
    assert.equal(second?.kind === 'mentionId' && second.atom?.raw, 'D006311');
    const onBar = locate(file, at(TEXT, row, '|'));
    assert.equal(onBar?.kind === 'mentionId' && onBar.atom?.raw, 'D014786', 'the bar ends the first part');
    const lastChar = locate(file, at(TEXT, row, 'D006311', 6));
    assert.equal(lastChar?.kind === 'mentionId' && lastChar.atom?.raw, 'D006311');
  });

  it('treats a cursor on the TAB after a field, or at the end of the line, as on that field', () => {
    const row = '100\t0\t5';
    const onTab = locate(file, at(TEXT, row, '\tChemical'));
    assert.equal(onTab?.kind, 'mentionText');
    const atEnd = locate(file, at(TEXT, row, 'D006311', 7));
    assert.equal(atEnd?.kind === 'mentionId' && atEnd.atom?.raw, 'D006311');
    assert.equal(locate(file, at(TEXT, row, 'D006311', 8)), undefined, 'past the end of the line');
    assert.equal(locate(file, { line: 2, character: 10_000 }), undefined);
  });

  it('finds relation ids by position in the row', () => {
    const rel = '100\tCID';
    assert.equal(locate(file, at(TEXT, rel, 'CID'))?.kind, 'relationType');
    const first = locate(file, at(TEXT, rel, 'D014786'));
    const second = locate(file, at(TEXT, rel, 'D009325'));
    assert.equal(first?.kind === 'relationId' && first.index, 0);
    assert.equal(second?.kind === 'relationId' && second.index, 1);
  });

  it('finds the parts of a passage line', () => {
    assert.equal(locate(file, { line: 0, character: 0 })?.kind, 'pmid');
    assert.equal(locate(file, { line: 0, character: 3 })?.kind, 'pmid', 'the bar after the id');
    assert.equal(locate(file, { line: 0, character: 4 })?.kind, 'passageMarker');
    assert.equal(locate(file, { line: 0, character: 6 })?.kind, 'passageText');
    assert.equal(locate(file, { line: 7, character: 6 })?.kind, 'passageText', 'an empty abstract');
  });

  it('an empty id field at the end of a row is still the id field', () => {
    const t = locate(file, at(TEXT, '200\t0\t6', 'Disease', 8));
    assert.equal(t?.kind, 'mentionId');
    assert.equal(t?.kind === 'mentionId' && t.atom, undefined);
  });

  it('returns undefined on blank lines, stray lines and lines past the end', () => {
    assert.equal(locate(file, { line: 4, character: 0 }), undefined);
    assert.equal(locate(file, { line: 11, character: 0 }), undefined);
    assert.equal(locate(file, { line: 500, character: 0 }), undefined);
  });

  it('reports a malformed line inside a document as such', () => {
    assert.equal(locate(file, { line: 8, character: 3 })?.kind, 'malformed');
  });

  it('accepts no nonsense position', () => {
    for (const p of [
      { line: -1, character: 0 }, { line: 0, character: -1 }, { line: 0.5, character: 0 },
      { line: NaN, character: 0 }, { line: 0, character: Infinity }, null, undefined, {}, 'x',
    ]) {
      assert.equal(locate(file, p as never), undefined, JSON.stringify(p));
    }
  });

  it('handles an empty file and a file of blank lines', () => {
    for (const text of ['', '\n\n\n', '   \n\t\n']) {
      const f = service.parse(text);
      assert.equal(locate(f, { line: 0, character: 0 }), undefined);
      assert.equal(locate(f, { line: 1, character: 0 }), undefined);
    }
  });

  it('skips a byte-order mark at the start', () => {
    const f = service.parse('\ufeff1|t|A.\n1|a|\n1\t0\t1\tA\tGene\t5444\n');
    assert.equal(locate(f, { line: 0, character: 0 }), undefined, 'on the BOM itself');
    assert.equal(locate(f, { line: 0, character: 1 })?.kind, 'pmid');
  });

  it('handles CRLF line ends', () => {
    const f = service.parse('1|t|A.\r\n1|a|\r\n1\t0\t1\tA\tGene\t5444\r\n');
    const t = locate(f, { line: 2, character: 13 });
    assert.equal(t?.kind === 'mentionId' && t.atom?.raw, '5444');
    assert.equal(locate(f, { line: 2, character: 18 }), undefined, 'where the CR was');
  });
});
