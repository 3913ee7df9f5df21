// Curation edits from intents (server/src/service/edits/curate): each action
// on hand-written files with the rows worked out by hand, the file's own
// conventions (no-id marker, row order, relation argument order and extra
// columns), refusals of stale and impossible intents, and properties.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { row } from '../../support/build';
import { lines } from '../features/support';
import { applyEdits, diagnostics, service } from './support';
import { curate, curateChoices, type CurateIntent, type MentionRef, type TextSelection } from '../../../server/src/service/edits/curate/curate';
import { snapToWords, STALE } from '../../../server/src/service/edits/curate/target';
import type { MentionRow } from '../../../server/src/service/parse/model';
import type { OffsetUnit } from '../../../server/src/service/types';
import { openFixtureIndex, TempDir } from '../concepts/meshFixtures';

const TEXT = lines(
  '9|t|Aspirin and pain relief.',
  '9|a|Aspirin eased chronic pain in adults given aspirin.',
  row('9', 0, 7, 'Aspirin', 'Chemical', 'D001241'),
  row('9', 39, 51, 'chronic pain', 'Disease', 'D059350'),
  row('9', 'CID', 'D001241', 'D059350'),
);

function ref(m: MentionRow): MentionRef {
  return { line: m.line, offsets: `${m.startField.text}-${m.endField.text}`, text: m.textField.text, type: m.typeField?.text ?? '', id: m.idField?.text ?? '' };
}

function mentionOn(text: string, line: number): MentionRef {
  const m = service.parse(text).documents.flatMap((d) => d.mentions).find((x) => x.line === line);
  assert.ok(m, `no mention on line ${line}`);
  return ref(m);
}

function words(text: string, line: number, w: string, nth = 0): TextSelection {
  const l = text.split('\n')[line];
  const textStart = l.indexOf('|', l.indexOf('|') + 1) + 1;
  let at = -1;
  for (let i = 0; i <= nth; i++) at = l.indexOf(w, at + 1);
  assert.ok(at >= textStart, w);
  return { line, from: at - textStart, to: at - textStart + w.length, text: w };
}

function run(text: string, intent: CurateIntent, unit: OffsetUnit = 'codepoint'): string {
  const r = curate(service.parse(text), intent, { unit });
  assert.ok('edits' in r, JSON.stringify(r));
  return applyEdits(text, r.edits);
}

function refused(text: string, intent: CurateIntent): string {
  const r = curate(service.parse(text), intent);
  assert.ok('error' in r, JSON.stringify(r));
  return r.error;
}

describe('curate: add a span', () => {
  it('snaps a selection to whole words and inserts the row in offset order', () => {
    const sel = words(TEXT, 0, 'ai');
    const after = run(TEXT, { kind: 'addSpan', selection: sel, type: 'Disease', id: 'D010146' });
    assert.equal(after.split('\n')[3], row('9', 12, 16, 'pain', 'Disease', 'D010146'));
    assert.deepEqual(diagnostics(after), []);
  });

  it('drops spaces and punctuation at the ends', () => {
    const sel = words(TEXT, 0, ' relief.');
    const after = run(TEXT, { kind: 'addSpan', selection: sel, type: 'Other', id: 'X1' });
    assert.equal(after.split('\n')[3], row('9', 17, 23, 'relief', 'Other', 'X1'));
  });

  it('writes an empty id in the file\'s convention', () => {
    const dash = TEXT.replace(lines(row('9', 'CID', 'D001241', 'D059350')), lines(row('9', 'CID', 'D001241', 'D059350'), row('9', 44, 51, 'x', 'Disease', '-')));
    const after = run(dash, { kind: 'addSpan', selection: words(dash, 1, 'adults'), type: 'Species', id: '' });
    assert.ok(after.includes(row('9', 55, 61, 'adults', 'Species', '-')), after);
    const plain = run(TEXT, { kind: 'addSpan', selection: words(TEXT, 1, 'adults'), type: 'Species', id: ' ' });
    assert.ok(plain.includes(row('9', 55, 61, 'adults', 'Species', '') + '\n'), 'no marker in the file: an empty column');
  });

  it('appends after the last mention row when the file does not keep offset order', () => {
    const unsorted = lines(
      '9|t|Aspirin and pain relief.',
      row('9', 12, 16, 'pain', 'Disease', 'D010146'),
      row('9', 0, 7, 'Aspirin', 'Chemical', 'D001241'),
      row('9', 'CID', 'D001241', 'D010146'),
    );
    const after = run(unsorted, { kind: 'addSpan', selection: words(unsorted, 0, 'relief'), type: 'Other', id: 'X' });
    assert.equal(after.split('\n')[3], row('9', 17, 23, 'relief', 'Other', 'X'));
    const first = run(unsorted, { kind: 'addSpan', selection: words(unsorted, 0, 'and'), type: 'Other', id: 'X' });
    assert.equal(first.split('\n')[3], row('9', 8, 11, 'and', 'Other', 'X'), 'not at the offset-order place');
  });

  it('counts offsets in the file\'s unit past astral characters', () => {
    const astral = lines('5|t|The 𝛂 chain of TNF.', row('5', 0, 3, 'The', 'Other', ''));
    const cp = run(astral, { kind: 'addSpan', selection: words(astral, 0, 'TNF'), type: 'Gene', id: '7124' }, 'codepoint');
    assert.ok(cp.includes(row('5', 15, 18, 'TNF', 'Gene', '7124')), cp);
    const u16 = run(astral, { kind: 'addSpan', selection: words(astral, 0, 'TNF'), type: 'Gene', id: '7124' }, 'utf16');
    assert.ok(u16.includes(row('5', 16, 19, 'TNF', 'Gene', '7124')), u16);
  });

  it('refuses a duplicate, a selection across passages, a stale selection and a missing type', () => {
    assert.match(refused(TEXT, { kind: 'addSpan', selection: words(TEXT, 0, 'Aspirin'), type: 'Chemical', id: '' }), /already annotated as Chemical \(line 3\)/);
    assert.match(refused(TEXT, { kind: 'addSpan', selection: { ...words(TEXT, 0, 'relief.'), endLine: 1 }, type: 'Other', id: '' }), /one passage into the next/);
    assert.equal(refused(TEXT, { kind: 'addSpan', selection: { ...words(TEXT, 0, 'pain'), text: 'gain' }, type: 'Other', id: '' }), STALE);
    assert.equal(refused(TEXT, { kind: 'addSpan', selection: words(TEXT, 0, 'pain'), type: ' ', id: '' }), 'Pick an entity type for the mention.');
    assert.match(refused(TEXT, { kind: 'addSpan', selection: words(TEXT, 0, 'pain'), type: 'A\tB', id: '' }), /TAB/);
    assert.equal(refused(TEXT, { kind: 'addSpan', selection: { line: 2, from: 0, to: 1, text: '9' }, type: 'Other', id: '' }), STALE, 'not a passage line');
  });

  it('snaps to words: property', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-', '.', 'é') , maxLength: 30 }), fc.nat(), fc.nat(), (text, x, y) => {
      const s0 = Math.min(x, y) % (text.length + 1);
      const e0 = Math.max(s0, Math.max(x, y) % (text.length + 1));
      const [s, e] = snapToWords(text, s0, e0);
      if (s === e) return;
      assert.ok(/[\p{L}]/u.test(text[s]) && /[\p{L}]/u.test(text[e - 1]), 'starts and ends on a word character');
      assert.ok(s === 0 || !/[\p{L}]/u.test(text[s - 1]) || s > s0, 'no cut word at the start');
      assert.ok(e === text.length || !/[\p{L}]/u.test(text[e]) || e < e0, 'no cut word at the end');
    }), { numRuns: 300 });
  });
});

describe('curate: one mention', () => {
  it('retypes and re-identifies, writing the empty id in the file\'s convention', () => {
    const retyped = run(TEXT, { kind: 'retype', mention: mentionOn(TEXT, 3), type: 'Phenotype' });
    assert.equal(retyped.split('\n')[3], row('9', 39, 51, 'chronic pain', 'Phenotype', 'D059350'));
    const reid = run(TEXT, { kind: 'reidentify', mention: mentionOn(TEXT, 2), id: 'D000001' });
    assert.equal(reid.split('\n')[2], row('9', 0, 7, 'Aspirin', 'Chemical', 'D000001'));
    const cleared = run(TEXT, { kind: 'reidentify', mention: mentionOn(TEXT, 2), id: '' });
    assert.equal(cleared.split('\n')[2], row('9', 0, 7, 'Aspirin', 'Chemical', ''));
    assert.match(refused(TEXT, { kind: 'retype', mention: mentionOn(TEXT, 3), type: 'Disease' }), /already of type/);
  });

  it('refuses a mention whose row changed', () => {
    const m = mentionOn(TEXT, 3);
    assert.equal(refused(TEXT, { kind: 'retype', mention: { ...m, id: 'D0' }, type: 'X' }), STALE);
    assert.equal(refused(TEXT, { kind: 'retype', mention: { ...m, line: 4 }, type: 'X' }), STALE);
    assert.equal(refused(TEXT, { kind: 'retype', mention: { ...m, line: 40 }, type: 'X' }), STALE);
  });

  it('deletes a mention, asking first when relations lose the last mention of its id', () => {
    const asked = curate(service.parse(TEXT), { kind: 'delete', mention: mentionOn(TEXT, 2) });
    assert.ok('ask' in asked);
    assert.deepEqual(asked.relations, [4]);
    assert.match(asked.ask, /last mention of D001241, which 1 relation uses/);
    const kept = run(TEXT, { kind: 'delete', mention: mentionOn(TEXT, 2), relations: 'keep' });
    assert.deepEqual(kept.split('\n').slice(2), [row('9', 39, 51, 'chronic pain', 'Disease', 'D059350'), row('9', 'CID', 'D001241', 'D059350'), '']);
    const both = run(TEXT, { kind: 'delete', mention: mentionOn(TEXT, 3), relations: 'delete' });
    assert.deepEqual(both.split('\n').slice(2), [row('9', 0, 7, 'Aspirin', 'Chemical', 'D001241'), '']);
    const noFinalBreak = TEXT.slice(0, -1);
    const last = run(noFinalBreak, { kind: 'delete', mention: mentionOn(noFinalBreak, 3), relations: 'delete' });
    assert.equal(last, lines('9|t|Aspirin and pain relief.', '9|a|Aspirin eased chronic pain in adults given aspirin.', row('9', 0, 7, 'Aspirin', 'Chemical', 'D001241')).slice(0, -1));
  });

  it('deletes without asking when another mention carries the id', () => {
    const two = TEXT.replace(lines(row('9', 39, 51, 'chronic pain', 'Disease', 'D059350')), lines(row('9', 25, 32, 'Aspirin', 'Chemical', 'D001241'), row('9', 39, 51, 'chronic pain', 'Disease', 'D059350')));
    const after = run(two, { kind: 'delete', mention: mentionOn(two, 2) });
    assert.ok(!after.includes(row('9', 0, 7, 'Aspirin', 'Chemical', 'D001241')) && after.includes(row('9', 'CID', 'D001241', 'D059350')));
  });

  it('resizes either end by a word, keeping the id and so the relations', () => {
    const m = mentionOn(TEXT, 3);
    const shrunk = run(TEXT, { kind: 'resize', mention: m, side: 'start', step: 1 });
    assert.equal(shrunk.split('\n')[3], row('9', 47, 51, 'pain', 'Disease', 'D059350'));
    assert.ok(shrunk.includes(row('9', 'CID', 'D001241', 'D059350')));
    const grown = run(TEXT, { kind: 'resize', mention: m, side: 'end', step: 1 });
    assert.equal(grown.split('\n')[3], row('9', 39, 54, 'chronic pain in', 'Disease', 'D059350'));
    const left = run(TEXT, { kind: 'resize', mention: m, side: 'start', step: -1 });
    assert.equal(left.split('\n')[3], row('9', 33, 51, 'eased chronic pain', 'Disease', 'D059350'));
    const back = run(TEXT, { kind: 'resize', mention: m, side: 'end', step: -1 });
    assert.equal(back.split('\n')[3], row('9', 39, 46, 'chronic', 'Disease', 'D059350'));
    assert.deepEqual(diagnostics(back), []);
    assert.match(refused(TEXT, { kind: 'resize', mention: mentionOn(TEXT, 2), side: 'start', step: -1 }), /left edge of its passage/);
    assert.match(refused(TEXT, { kind: 'resize', mention: mentionOn(TEXT, 2), side: 'end', step: -1 }), /at least one word/);
  });

  it('moves a dragged edge to the word edge where it is dropped', () => {
    const m = mentionOn(TEXT, 3);
    const abstract = TEXT.split('\n')[1];
    const inText = (w: string, delta = 0) => abstract.indexOf(w) - '9|a|'.length + delta;
    const grown = run(TEXT, { kind: 'resize', mention: m, side: 'end', to: inText('adults', 2) });
    assert.equal(grown.split('\n')[3], row('9', 39, 61, 'chronic pain in adults', 'Disease', 'D059350'));
    const start = run(TEXT, { kind: 'resize', mention: m, side: 'start', to: inText('eased', 1) });
    assert.equal(start.split('\n')[3], row('9', 33, 51, 'eased chronic pain', 'Disease', 'D059350'));
    const onSpace = run(TEXT, { kind: 'resize', mention: m, side: 'end', to: inText(' adults') + 1 });
    assert.equal(onSpace.split('\n')[3], row('9', 39, 54, 'chronic pain in', 'Disease', 'D059350'), 'dropped after a space: the word before it');
    assert.match(refused(TEXT, { kind: 'resize', mention: m, side: 'end', to: inText(' in') + 1 }), /already ends there/);
    const exact = run(TEXT, { kind: 'resize', mention: m, side: 'end', to: inText('pain', 2), exact: true });
    assert.equal(exact.split('\n')[3], row('9', 39, 49, 'chronic pa', 'Disease', 'D059350'));
    assert.match(refused(TEXT, { kind: 'resize', mention: m, side: 'end', to: 999 }), /one passage into the next/);
  });

  it('moves a resized row to keep offset order', () => {
    const text = lines(
      '9|t|Aspirin and pain relief.',
      row('9', 8, 11, 'and', 'Other', 'X'),
      row('9', 12, 16, 'pain', 'Disease', 'D010146'),
    );
    const after = run(text, { kind: 'resize', mention: mentionOn(text, 2), side: 'start', step: -1 });
    assert.deepEqual(after.split('\n').slice(1, 3), [row('9', 8, 11, 'and', 'Other', 'X'), row('9', 8, 16, 'and pain', 'Disease', 'D010146')]);
  });
});

describe('curate: all occurrences', () => {
  const DOCS = lines(
    '1|t|TNF binds TNF receptors; TNFR is not TNF-alpha or tnf.',
    row('1', 0, 3, 'TNF', 'Gene', '7124'),
    '',
    '2|t|Without TNF.',
  );

  it('annotates whole-word, case-sensitive occurrences in the document, skipping covered words', () => {
    const r = curate(service.parse(DOCS), { kind: 'annotateAll', mention: mentionOn(DOCS, 1) });
    assert.ok('edits' in r && r.count === 2, JSON.stringify(r));
    const after = applyEdits(DOCS, r.edits);
    assert.deepEqual(after.split('\n').slice(1, 4), [row('1', 0, 3, 'TNF', 'Gene', '7124'), row('1', 10, 13, 'TNF', 'Gene', '7124'), row('1', 37, 40, 'TNF', 'Gene', '7124')]);
    assert.equal(r.edits.length, 1, 'one edit for rows landing at one place');
    const again = curate(service.parse(after), { kind: 'annotateAll', mention: mentionOn(after, 1) });
    assert.ok('count' in again && again.count === 0, 'nothing left to annotate');
  });

  it('annotates the whole file on request', () => {
    const r = curate(service.parse(DOCS), { kind: 'annotateAll', mention: mentionOn(DOCS, 1), scope: 'file' });
    assert.ok('edits' in r && r.count === 3);
    const after = applyEdits(DOCS, r.edits);
    assert.ok(after.endsWith(lines('2|t|Without TNF.', row('2', 8, 11, 'TNF', 'Gene', '7124'))), after);
    assert.deepEqual(diagnostics(after).filter((d) => d.severity === 1), []);
  });
});

describe('curate: relations', () => {
  const BIORED = lines(
    '7|t|Cisplatin caused nephrotoxicity and ototoxicity.',
    row('7', 0, 9, 'Cisplatin', 'ChemicalEntity', 'D002945'),
    row('7', 17, 31, 'nephrotoxicity', 'DiseaseOrPhenotypicFeature', 'D007674'),
    row('7', 36, 47, 'ototoxicity', 'DiseaseOrPhenotypicFeature', 'D006311'),
    row('7', 'Association', 'D002945', 'D007674', 'Novel'),
  );

  it('writes the ids in the order the file uses for the type, with its extra columns', () => {
    const after = run(BIORED, { kind: 'addRelation', from: mentionOn(BIORED, 3), to: mentionOn(BIORED, 1), type: 'Association' });
    assert.equal(after.split('\n')[5], row('7', 'Association', 'D002945', 'D006311', 'Novel'));
    assert.match(refused(after, { kind: 'addRelation', from: mentionOn(after, 1), to: mentionOn(after, 3), type: 'Association' }), /already there, on line 6/);
    assert.match(refused(BIORED, { kind: 'addRelation', from: mentionOn(BIORED, 1), to: mentionOn(BIORED, 1), type: 'X' }), /same id/);
  });

  it('follows the schema\'s argument types before the file', () => {
    const schema = { sources: [], aliases: new Map(), checks: {}, relationTypes: new Map([['Treats', { name: 'Treats', arguments: [['DiseaseOrPhenotypicFeature', 'ChemicalEntity']] as [string, string][] }]]) };
    const r = curate(service.parse(BIORED), { kind: 'addRelation', from: mentionOn(BIORED, 1), to: mentionOn(BIORED, 3), type: 'Treats' }, { schema: schema as never });
    assert.ok('edits' in r);
    assert.equal(applyEdits(BIORED, r.edits).split('\n')[5], row('7', 'Treats', 'D006311', 'D002945', 'Novel'));
  });

  it('deletes a relation the view listed, refusing a changed one', () => {
    const after = run(BIORED, { kind: 'deleteRelation', relation: { line: 4, type: 'Association', ids: ['D002945', 'D007674'] } });
    assert.equal(after, BIORED.replace(row('7', 'Association', 'D002945', 'D007674', 'Novel') + '\n', ''));
    assert.equal(refused(BIORED, { kind: 'deleteRelation', relation: { line: 4, type: 'Association', ids: ['D002945', 'D006311'] } }), STALE);
  });

  it('refuses a mention without an id', () => {
    const noId = BIORED.replace(row('7', 36, 47, 'ototoxicity', 'DiseaseOrPhenotypicFeature', 'D006311'), row('7', 36, 47, 'ototoxicity', 'DiseaseOrPhenotypicFeature', '-'));
    assert.match(refused(noId, { kind: 'addRelation', from: mentionOn(noId, 1), to: mentionOn(noId, 3), type: 'Association' }), /has no id/);
  });
});

describe('curate: choices', () => {
  it('offers the file\'s types most used first, with counts', () => {
    const text = TEXT.replace(lines(row('9', 'CID', 'D001241', 'D059350')), lines(row('9', 44, 51, 'aspirin', 'Chemical', 'D001241')));
    const c = curateChoices(service.parse(text), { kind: 'types', selection: words(text, 0, 'pain') });
    assert.ok('choices' in c);
    assert.deepEqual(c.choices.map((x) => [x.value, x.count]), [['Chemical', 2], ['Disease', 1]]);
    assert.equal(c.text, 'pain');
  });

  it('offers the schema\'s types when it declares them', () => {
    const schema = { sources: [], aliases: new Map(), checks: {}, entityTypes: new Map([['Gene', { name: 'Gene' }], ['Disease', { name: 'Disease' }]]) };
    const c = curateChoices(service.parse(TEXT), { kind: 'types', selection: words(TEXT, 0, 'pain') }, { schema: schema as never });
    assert.ok('choices' in c);
    assert.deepEqual(c.choices.map((x) => x.value), ['Disease', 'Gene']);
  });

  it('offers ids given to the same text first, then the file\'s other ids of the type', () => {
    const text = lines(
      '1|t|pain and pain and ache.',
      row('1', 0, 4, 'pain', 'Disease', 'D010146'),
      row('1', 9, 13, 'pain', 'Disease', 'D010146'),
      row('1', 18, 22, 'ache', 'Disease', 'D000001'),
      '',
      '2|t|More pain.',
      row('2', 5, 9, 'pain', 'Disease', 'D999999'),
    );
    const c = curateChoices(service.parse(text), { kind: 'ids', selection: words(text, 5, 'pain'), type: 'Disease' });
    assert.ok('choices' in c);
    assert.deepEqual(c.choices.map((x) => x.value), ['D010146', 'D999999', 'D000001']);
  });

  it('offers, after this file\'s ids for the words, those the corpus\'s other files gave them, naming the file', () => {
    const text = lines('1|t|pain and ache.', row('1', 0, 4, 'pain', 'Disease', 'D010146'), row('1', 9, 13, 'ache', 'Disease', 'D000001'));
    const other = lines(
      '7|t|pain, pain and pain.',
      row('7', 0, 4, 'pain', 'Disease', 'D010146'),
      row('7', 6, 10, 'pain', 'Disease', 'D059350'),
      row('7', 15, 19, 'pain', 'Disease', 'D059350'),
    );
    const third = lines('8|t|pain', row('8', 0, 4, 'pain', 'Disease', 'D017699'));
    const file = service.parse(text);
    const others = [{ name: 'other.pubtator', file: service.parse(other) }, { name: 'third.pubtator', file: service.parse(third) }, { name: 'self', file }];
    const c = curateChoices(file, { kind: 'ids', selection: words(text, 0, 'pain'), type: 'Disease' }, { ids: { others } });
    assert.ok('choices' in c);
    assert.deepEqual(c.choices.map((x) => [x.value, x.detail]), [
      ['D010146', 'given to "pain" 1×'],
      ['D059350', 'given to "pain" 2× in other.pubtator'],
      ['D017699', 'given to "pain" 1× in third.pubtator'],
      ['D000001', 'Disease id used 1×'],
    ]);
  });

  it('with a MeSH index, a MeSH id says its heading, ticked when the words are one of its names', async () => {
    const tmp = new TempDir();
    const mesh = await openFixtureIndex(tmp);
    try {
      const text = lines('1|t|pain and ketamine.', row('1', 0, 4, 'pain', 'Disease', 'MESH:D010146'), row('1', 9, 17, 'ketamine', 'Chemical', 'D007649'),
        row('1', 9, 17, 'ketamine', 'Disease', 'D007649|D010146'));
      const file = service.parse(text);
      const c = curateChoices(file, { kind: 'ids', selection: words(text, 0, 'ketamine'), type: 'Disease' }, { ids: { mesh } });
      assert.ok('choices' in c);
      assert.deepEqual(c.choices.map((x) => [x.value, x.detail]), [
        ['D007649', 'given to "ketamine" 1× · MeSH: Ketamine ✓'],
        ['D007649|D010146', 'given to "ketamine" 1×'],
        ['MESH:D010146', 'Disease id used 1× · MeSH: Pain'],
      ]);
    } finally {
      mesh.close();
      tmp.remove();
    }
  });
});
