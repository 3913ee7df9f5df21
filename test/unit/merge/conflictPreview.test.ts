// A file a git merge left conflicted, as the reading view and the checker see
// it: the conflict is named once (the preview's banner line and one problem),
// its marker lines are not malformed rows, and both sides' mentions are shown, each marked with its side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lines, service } from '../features/support';
import { modelAt } from '../features/preview/support';
import { conflictMarker } from '../../../server/src/service/parse/conflictMarkers';

const CONFLICTED = lines(
  '1|t|Aspirin and pain.',
  '1|a|Aspirin relieves headache.',
  '1\t0\t7\tAspirin\tChemical\tD001241',
  '<<<<<<< ours',
  '1\t12\t16\tpain\tDisease\tD059350',
  '=======',
  '1\t12\t16\tpain\tSymptom\tD010146',
  '>>>>>>> theirs',
  '',
  '<<<<<<< HEAD',
  '=======',
  '2|t|Fever.',
  '2|a|Fever in children.',
  '>>>>>>> feature',
);

test('conflict markers: seven <, |, = or >, then nothing or a label', () => {
  assert.deepEqual(['<<<<<<< ours', '|||||||', '=======', '>>>>>>> a b', '>>>>>>>\r'].map(conflictMarker), ['<', '|', '=', '>', '>']);
  assert.deepEqual(['<<<<<<', '========', '<<<<<<<ours', '1\t<<<<<<<'].map(conflictMarker), [undefined, undefined, undefined, undefined]);
});

test('the preview names each conflict of a document, and shows both sides\' mentions', () => {
  const doc = modelAt(CONFLICTED);
  assert.deepEqual(doc.conflicts, [3]);
  assert.deepEqual(doc.mentions.map((m) => [m.type, m.side]), [['Chemical', undefined], ['Disease', 'ours'], ['Symptom', 'theirs']]);
  const conflictProblems = doc.problems.filter((p) => /merge conflict/.test(p.message));
  assert.deepEqual(conflictProblems.map((p) => p.line), [3]);
  assert.ok(!doc.problems.some((p) => p.code === 'malformed-line' && !/merge conflict/.test(p.message)), JSON.stringify(doc.problems));
  // The conflict around the whole second document opens on a line before it.
  const file = service.parse(CONFLICTED);
  const w = service.preview(file, { line: 11, around: 0 });
  assert.deepEqual(w.documents[w.current].conflicts, [9]);
});

test('the checker: one problem per conflict, whatever the number of marker lines', () => {
  const file = service.parse(CONFLICTED);
  const malformed = service.validate(file).filter((d) => d.code === 'malformed-line');
  assert.deepEqual(malformed.map((d) => d.range.start.line), [3, 9]);
});
