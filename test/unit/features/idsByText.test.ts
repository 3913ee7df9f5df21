// The per-file index of the ids given to each mention text (features/idsByText.ts),
// which the id picker reads for the corpus's files that are not open: hand-worked
// files, the picker's answer from it, and properties against counting the parse.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { doc, file, row } from '../../support/build';
import { IdsByTextBuilder, idsByTextOf, type IdsByText } from '../../../server/src/service/features/idsByText';
import { idChoices } from '../../../server/src/service/edits/curate/choices';
import { service } from './support';

describe('ids by text', () => {
  it('counts each id given to each text, exactly as written, without the no-id rows', () => {
    const text = file(
      doc('1', 'Aspirin and aspirin for pain.', undefined,
        row('1', 0, 7, 'Aspirin', 'Chemical', 'D001241'),
        row('1', 12, 19, 'aspirin', 'Chemical', 'D001241'),
        row('1', 24, 28, 'pain', 'Disease', '-1')),
      doc('2', 'Aspirin, Aspirin, pain.', undefined,
        row('2', 0, 7, 'Aspirin', 'Chemical', ' D001241 '),
        row('2', 9, 16, 'Aspirin', 'Chemical', 'MESH:D001241'),
        row('2', 18, 22, 'pain', 'Disease', 'D010146'),
        row('2', 'CID', 'D001241', 'D010146')),
    );
    const index = idsByTextOf(text);
    assert.deepEqual(index.idsFor('Aspirin'), [['D001241', 2], ['MESH:D001241', 1]]);
    assert.deepEqual(index.idsFor('aspirin'), [['D001241', 1]]);
    assert.deepEqual(index.idsFor('pain'), [['D010146', 1]]);
    assert.deepEqual(index.idsFor('ASPIRIN'), []);
    assert.deepEqual(index.idsFor('Aspirin and'), []);
    assert.equal(index.size, 3);
  });

  it('finds a text among its neighbours in sorted order, and only the whole text', () => {
    const builder = new IdsByTextBuilder();
    for (const [text, id] of [['b', '2'], ['ab', '1'], ['a', '0'], ['', '9'], ['abc', '3'], ['α', '4'], ['𝛼', '5'], ['ab', '1'], ['ab', '7']]) builder.add(text, id);
    const index = builder.build();
    assert.deepEqual(['', 'a', 'ab', 'abc', 'b', 'α', '𝛼'].map((t) => index.idsFor(t)), [
      [['9', 1]], [['0', 1]], [['1', 2], ['7', 1]], [['3', 1]], [['2', 1]], [['4', 1]], [['5', 1]],
    ]);
    for (const missing of ['aa', 'abcd', 'A', 'c', ' a', 'a ', '\ud835']) assert.deepEqual(index.idsFor(missing), [], missing);
    assert.equal(index.size, 7);
  });

  it('keeps an empty id column out, and a composite id whole', () => {
    const text = file(doc('3', 'BRCA1 and BRCA2 genes', undefined,
      row('3', 0, 15, 'BRCA1 and BRCA2', 'Gene', '672;675'),
      row('3', 0, 5, 'BRCA1', 'Gene', ''),
      row('3', 10, 15, 'BRCA2', 'Gene', '675')));
    const index = idsByTextOf(text);
    assert.deepEqual(index.idsFor('BRCA1 and BRCA2'), [['672;675', 1]]);
    assert.deepEqual(index.idsFor('BRCA1'), []);
    assert.deepEqual(index.idsFor('BRCA2'), [['675', 1]]);
  });

  it('finds a text and an id long enough to be slices of the chunk (it keeps copies of them)', () => {
    const long = 'a mention text longer than thirteen characters';
    const chunk = file(doc('4', long, undefined, row('4', 0, long.length, long, 'Disease', 'MESH:D000000000001')));
    const index = new IdsByTextBuilder().addText(chunk).build();
    assert.deepEqual(index.idsFor(long), [['MESH:D000000000001', 1]]);
  });

  it('gives the picker, for a file that is not open, what that file open would give it, naming it', () => {
    const current = file(doc('1', 'pain and ache.', undefined, row('1', 0, 4, 'pain', 'Disease', 'D010146'), row('1', 9, 13, 'ache', 'Disease', 'D000001')));
    const a = file(doc('7', 'pain, pain and pain.', undefined,
      row('7', 0, 4, 'pain', 'Disease', 'D010146'), row('7', 6, 10, 'pain', 'Disease', 'D059350'), row('7', 15, 19, 'pain', 'Disease', 'D059350')));
    const b = file(doc('8', 'pain', undefined, row('8', 0, 4, 'pain', 'Disease', 'D059350')));
    const c = file(doc('9', 'pain', undefined, row('9', 0, 4, 'pain', 'Disease', 'D017699')));
    const parsed = service.parse(current);
    const choices = idChoices(parsed, undefined, 'pain', 'Disease', {
      others: [{ name: 'a.pubtator', file: service.parse(a) }],
      indexed: [{ name: 'b.pubtator', ids: idsByTextOf(b) }, { name: 'c.pubtator', ids: idsByTextOf(c) }],
    });
    assert.deepEqual(choices.map((x) => [x.value, x.detail]), [
      ['D010146', 'given to "pain" 1×'],
      ['D059350', 'given to "pain" 3× in a.pubtator and 1 other file'],
      ['D017699', 'given to "pain" 1× in c.pubtator'],
      ['D000001', 'Disease id used 1×'],
    ]);
    // The file that gave it most is the one named.
    const most = idChoices(parsed, undefined, 'pain', 'Disease', {
      indexed: [{ name: 'b.pubtator', ids: idsByTextOf(b) }, { name: 'a.pubtator', ids: idsByTextOf(a) }, { name: 'c.pubtator', ids: idsByTextOf(b) }],
    });
    assert.equal(most[1].detail, 'given to "pain" 4× in a.pubtator and 2 other files');
  });
});

// Random files over a few texts (one long enough to be a V8 slice, one outside
// the BMP) and ids (no-id markers, padding, composites).
const TEXTS = ['pain', 'Pain', 'chronic pain', 'TNF-α', '𝛼-synuclein', 'acetylsalicylic acid tablets'];
const IDS = ['D010146', 'MESH:D010146', '-1', '-', '', ' D000001 ', '5444;7124', 'D017699|D059350'];
const mentionArb = fc.record({ text: fc.constantFrom(...TEXTS), id: fc.constantFrom(...IDS), type: fc.constantFrom('Disease', 'Chemical') });
const docArb = fc.array(mentionArb, { maxLength: 6 });
const filesArb = fc.array(docArb, { minLength: 1, maxLength: 8 });

function write(docs: { text: string; id: string; type: string }[][], first = 1): string {
  return file(...docs.map((mentions, i) => doc(String(first + i), TEXTS.join(' '), 'An abstract.',
    ...mentions.map((m) => row(String(first + i), 0, [...m.text].length, m.text, m.type, m.id)))));
}

/** What the index should hold, counted over the parsed file the straightforward way. */
function counted(text: string): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const d of service.parse(text).documents) {
    for (const m of d.mentions) {
      const id = m.concept.raw.trim();
      if (m.concept.none || !id) continue;
      const ids = out.get(m.textField.text) ?? new Map<string, number>();
      out.set(m.textField.text, ids.set(id, (ids.get(id) ?? 0) + 1));
    }
  }
  return out;
}

function asMaps(index: IdsByText): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const t of TEXTS) if (index.idsFor(t).length) out.set(t, new Map(index.idsFor(t)));
  return out;
}

describe('ids by text: properties', () => {
  it('any texts and ids counted one by one are found again exactly; other texts find nothing', () => {
    const textArb = fc.oneof(fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom('a', 'ab', 'b', 'aspirin'));
    fc.assert(fc.property(fc.array(fc.tuple(textArb, fc.constantFrom('D1', 'D2', 'MESH:D000000000001', '')), { maxLength: 60 }), fc.array(textArb), (given, probes) => {
      const builder = new IdsByTextBuilder();
      const expected = new Map<string, Map<string, number>>();
      for (const [text, id] of given) {
        builder.add(text, id);
        if (!id) continue;
        const ids = expected.get(text) ?? new Map<string, number>();
        expected.set(text, ids.set(id, (ids.get(id) ?? 0) + 1));
      }
      const index = builder.build();
      assert.equal(index.size, expected.size);
      for (const t of [...expected.keys(), ...probes]) assert.deepEqual(index.idsFor(t), [...(expected.get(t) ?? [])], JSON.stringify(t));
    }), { numRuns: 300 });
  });

  it('the index answers what counting over the parsed file gives, for every text', () => {
    fc.assert(fc.property(filesArb, (docs) => {
      const text = write(docs);
      const index = idsByTextOf(text);
      assert.deepEqual(asMaps(index), counted(text));
      assert.equal(index.size, counted(text).size);
    }), { numRuns: 200 });
  });

  it('indexing a file chunk by chunk (whole documents, with their first line) gives the same index', () => {
    fc.assert(fc.property(filesArb, fc.nat(), (docs, cut) => {
      const at = cut % (docs.length + 1);
      const head = write(docs.slice(0, at));
      const tail = write(docs.slice(at), at + 1);
      const pieces = new IdsByTextBuilder();
      if (at > 0) pieces.addText(head);
      if (at < docs.length) pieces.addText(tail, at > 0 ? head.split('\n').length : 0);
      assert.deepEqual(asMaps(pieces.build()), asMaps(idsByTextOf(write(docs))));
    }), { numRuns: 100 });
  });

  it('the picker gives the same choices for a file whether it is open or known by its index', () => {
    fc.assert(fc.property(docArb, filesArb, fc.constantFrom(...TEXTS), (own, other, text) => {
      const current = service.parse(write([own]));
      const otherText = write(other, 100);
      const open = idChoices(current, undefined, text, 'Disease', { others: [{ name: 'other.pubtator', file: service.parse(otherText) }] });
      const closed = idChoices(current, undefined, text, 'Disease', { indexed: [{ name: 'other.pubtator', ids: idsByTextOf(otherText) }] });
      assert.deepEqual(closed, open);
    }), { numRuns: 200 });
  });
});
