import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { row } from '../../support/build';
import { ASTRAL, lines } from '../features/support';
import { applyEdits, diagnostics, service } from './support';
import type { Range } from '../../../server/src/service/types';
import type { OffsetUnit } from '../../../server/src/service/types';

const TEXT = lines(
  '9|t|Aspirin and pain relief.',
  '9|a|Aspirin eased chronic pain in adults.',
  row('9', 0, 7, 'Aspirin', 'Chemical', 'D001241'),
  row('9', 39, 51, 'chronic pain', 'Disease', 'D059350'),
  row('9', 'CID', 'D001241', 'D059350'),
);

function select(text: string, line: number, words: string, extra = 0): Range {
  const character = text.split('\n')[line].indexOf(words);
  assert.ok(character >= 0, words);
  return { start: { line, character: character - extra }, end: { line, character: character + words.length + extra } };
}

function insert(text: string, range: Range, type: string, id: string, unit: OffsetUnit = 'codepoint'): string {
  const result = service.insertMention(service.parse(text), { range, type, id }, { unit });
  assert.ok('edit' in result, JSON.stringify(result));
  return applyEdits(text, [result.edit]);
}

describe('annotate selection', () => {
  it('suggests the file\'s types and the document\'s concepts with their names', () => {
    const s = service.annotationSuggestions(service.parse(TEXT), select(TEXT, 1, 'eased'));
    assert.ok(!('error' in s));
    assert.equal(s.pmid, '9');
    assert.equal(s.text, 'eased');
    assert.deepEqual([s.start, s.end], [33, 38]);
    assert.deepEqual(s.types.slice(0, 2).map((t) => t.type), ['Chemical', 'Disease']);
    assert.deepEqual(s.concepts, [
      { id: 'D001241', name: 'Aspirin', type: 'Chemical', count: 1 },
      { id: 'D059350', name: 'chronic pain', type: 'Disease', count: 1 },
    ]);
  });

  it('inserts a correct row in offset order among the mention rows', () => {
    const after = insert(TEXT, select(TEXT, 0, 'pain'), 'Disease', 'D010146');
    assert.equal(after.split('\n')[3], row('9', 12, 16, 'pain', 'Disease', 'D010146'));
    assert.deepEqual(diagnostics(after), []);
    const last = insert(after, select(after, 1, 'adults'), 'Species', '9606');
    assert.equal(last.split('\n')[5], row('9', 55, 61, 'adults', 'Species', '9606'));
    assert.equal(last.split('\n')[6], row('9', 'CID', 'D001241', 'D059350'), 'relations stay after the mentions');
    const noId = insert(TEXT, select(TEXT, 1, 'chronic', 1), 'Other', '');
    assert.equal(noId.split('\n')[3], row('9', 39, 46, 'chronic', 'Other', ''), 'spaces around the selection are left out');
  });

  it('takes the word under an empty selection, and counts offsets in the file\'s unit', () => {
    const cursor = select(TEXT, 1, 'chronic');
    cursor.end = { ...cursor.start, character: cursor.start.character + 3 };
    cursor.start = cursor.end;
    const s = service.annotationSuggestions(service.parse(TEXT), cursor);
    assert.ok(!('error' in s) && s.text === 'chronic');
    for (const [unit, start] of [['codepoint', 21], ['utf16', 24]] as const) {
      const after = insert(ASTRAL, select(ASTRAL, 1, 'ketamine'), 'Drug', 'MESH:D007649', unit);
      assert.ok(after.includes(row('3000', start, start + 8, 'ketamine', 'Drug', 'MESH:D007649')), `${unit}: ${after}`);
    }
  });

  it('adds a first mention right after the passages, and at the end of a file without a final line break', () => {
    const bare = '5|t|Ketamine.\n5|a|\n5\tCID\tD1\tD2';
    assert.equal(insert(bare, select(bare, 0, 'Ketamine'), 'Chemical', 'D007649'), '5|t|Ketamine.\n5|a|\n5\t0\t8\tKetamine\tChemical\tD007649\n5\tCID\tD1\tD2');
    const end = '5|t|Ketamine.\n5|a|';
    assert.equal(insert(end, select(end, 0, 'Ketamine'), 'Chemical', 'D007649'), '5|t|Ketamine.\n5|a|\n5\t0\t8\tKetamine\tChemical\tD007649');
    const crlf = '5|t|Ketamine.\r\n5|a|\r\n\r\n';
    assert.equal(insert(crlf, select(crlf, 0, 'Ketamine'), 'Chemical', 'D1'), '5|t|Ketamine.\r\n5|a|\r\n5\t0\t8\tKetamine\tChemical\tD1\r\n\r\n');
  });

  it('refuses, saying why, what would not give a correct row', () => {
    const parsed = service.parse(TEXT);
    const error = (range: Range, type = 'Chemical', id = 'D1') => {
      const r = service.insertMention(parsed, { range, type, id });
      assert.ok('error' in r, JSON.stringify(r));
      return r.error;
    };
    assert.match(error(select(TEXT, 2, 'Aspirin')), /title or abstract/);
    assert.match(error(select(TEXT, 0, '9|t')), /title or abstract/);
    assert.match(error({ start: { line: 0, character: 10 }, end: { line: 1, character: 8 } }), /one line/);
    assert.match(error({ start: { line: 0, character: 11 }, end: { line: 0, character: 12 } }), /no words/);
    assert.match(error(select(TEXT, 0, 'Aspirin'), ' '), /entity type/);
    assert.match(error(select(TEXT, 0, 'Aspirin'), 'Chemical', 'D\t1'), /TAB/);
    assert.match(error(select(TEXT, 0, 'Aspirin'), 'Chemical', 'D001241'), /already annotated, on line 3/);
    assert.match(error(null as never), /No selection/);
    assert.match(error({ start: { line: 99, character: 0 }, end: { line: 99, character: 1 } }), /title or abstract/);
  });
});
