// A mention row separated by spaces: said so (not "neither a passage nor a
// TAB-separated row"), and rewritten with TABs by a quick fix and by --fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { doc, file, row } from '../../support/build';
import { looksSpaced, spacedMentionFields } from '../../../server/src/service/parse/spacedRow';
import { fixText } from '../../../server/src/service/edits/fixText';
import { only } from '../../support/validate';
import { applyEdits, count, first, fixesFor } from './support';

const TITLE = 'Aspirin causes severe headache';

test('spacedMentionFields: the offsets say where the text ends, so texts with spaces split right', () => {
  assert.deepEqual(spacedMentionFields('1 0 7 Aspirin Chemical D1'), ['1', '0', '7', 'Aspirin', 'Chemical', 'D1']);
  assert.deepEqual(spacedMentionFields('1  15  30  severe headache  Disease  MESH:D006261'), ['1', '15', '30', 'severe headache', 'Disease', 'MESH:D006261']);
  assert.deepEqual(spacedMentionFields('1 0 7 Aspirin Chemical'), ['1', '0', '7', 'Aspirin', 'Chemical']);
  // Code point offsets over an astral character: the text is one UTF-16 unit longer.
  assert.deepEqual(spacedMentionFields('1 0 3 a\u{1d54f}b Chemical D1'), ['1', '0', '3', 'a\u{1d54f}b', 'Chemical', 'D1']);
  assert.equal(spacedMentionFields('1 0 7 Aspirin'), undefined);
  assert.equal(spacedMentionFields('1 0 9 Aspirin Chemical D1'), undefined);
  assert.equal(spacedMentionFields('1 7 0 Aspirin Chemical D1'), undefined);
  assert.equal(spacedMentionFields('1\t0\t7\tAspirin\tChemical\tD1'), undefined);
  assert.equal(spacedMentionFields('Some free text 1 2 3'), undefined);
  assert.equal(looksSpaced('1 0 9 Aspirin Chemical D1'), true);
  assert.equal(looksSpaced('1 0 9 Aspirin'), false);
  assert.equal(looksSpaced('see 12 for details'), false);
});

test('spacedMentionFields recovers any mention row whose type and id have no spaces, joined by runs of spaces', () => {
  const word = fc.stringMatching(/^[A-Za-z0-9:_-]{1,12}$/);
  const text = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
  fc.assert(fc.property(fc.nat(5000), text, word, fc.option(word, { nil: undefined }), fc.integer({ min: 1, max: 3 }), (start, t, type, id, gap) => {
    const fields = [String(7), String(start), String(start + t.length), t, type, ...(id === undefined ? [] : [id])];
    assert.deepEqual(spacedMentionFields(fields.join(' '.repeat(gap))), fields);
  }));
});

test('the check says so, with the TAB-separated line in its data; without a fit of the offsets, no data', () => {
  const text = file(doc('1', TITLE, 'x', '1 0 7 Aspirin Chemical D1', '1 15 31 severe headache Disease D2'));
  const d = only(text, 'malformed-line');
  assert.equal(d.length, 2);
  assert.equal(d[0].message, 'This line looks like a mention row with spaces instead of TABs between its columns.');
  assert.deepEqual(d[0].data, { tabbed: '1\t0\t7\tAspirin\tChemical\tD1' });
  assert.match(d[1].message, /spaces instead of TABs between its columns \(its offsets do not say where its text ends, so there is no quick fix\)/);
  assert.equal(d[1].data, undefined);
});

test('the quick fix rewrites the row with TABs; the editor and --fix agree', () => {
  const text = file(doc('1', TITLE, 'x', row(1, 15, 30, 'severe headache', 'Disease', 'D2'), '1  0  7  Aspirin  Chemical  D1'));
  const d = first(text, 'malformed-line');
  const fixes = fixesFor(text, d);
  assert.deepEqual(fixes.map((f) => f.title), ['Separate the columns of this mention row with TABs']);
  const after = applyEdits(text, fixes[0].edits!);
  assert.equal(after, file(doc('1', TITLE, 'x', row(1, 15, 30, 'severe headache', 'Disease', 'D2'), row(1, 0, 7, 'Aspirin', 'Chemical', 'D1'))));
  assert.equal(count(after, 'malformed-line'), 0);
  const fixed = fixText(text);
  assert.equal(fixed.text, after);
  assert.deepEqual(fixed.fixes.map((f) => [f.line, f.code]), [[3, 'malformed-line']]);
});
