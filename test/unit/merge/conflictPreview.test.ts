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

test('the checker: one merge-conflict per conflict, on its <<<<<<< line, with each side\'s row count; no malformed-line for markers', () => {
  const file = service.parse(CONFLICTED);
  const found = service.validate(file);
  assert.deepEqual(found.filter((d) => d.code === 'malformed-line'), []);
  const conflicts = found.filter((d) => d.code === 'merge-conflict');
  assert.deepEqual(conflicts.map((d) => [d.range.start.line, d.severity]), [[3, 1], [9, 1]]);
  assert.match(conflicts[0].message, /ours has 1 row, theirs 1 row\./);
  // The second conflict opens before any document and closes inside document 2: ours is empty, theirs runs on.
  assert.match(conflicts[1].message, /ours \(HEAD\) has 0 rows, theirs rows running past this document/);
});

test('the checker counts uneven sides, a diff3 base, and several conflicts in one document', () => {
  const file = service.parse(lines(
    '1|t|Aspirin and pain.',
    '1|a|Aspirin relieves headache.',
    '<<<<<<< HEAD',
    '1\t0\t7\tAspirin\tChemical\tD001241',
    '1\t12\t16\tpain\tDisease\tD059350',
    '||||||| base',
    '1\t0\t7\tAspirin\tChemical\tD001241',
    '=======',
    '>>>>>>> anna',
    '1\t27\t35\theadache\tDisease\tD006261',
    '<<<<<<<',
    '1\t27\t35\theadache\tDisease\tD006261',
    '=======',
    '1\t27\t35\theadache\tSymptom\tD006261',
    '1\t27\t35\theadache\tSymptom\tD006262',
    '1\t27\t35\theadache\tSymptom\tD006263',
    '>>>>>>>',
  ));
  const conflicts = service.validate(file).filter((d) => d.code === 'merge-conflict');
  assert.deepEqual(conflicts.map((d) => d.range.start.line), [2, 10]);
  assert.match(conflicts[0].message, /ours \(HEAD\) has 2 rows, theirs \(anna\) 0 rows\./);
  assert.match(conflicts[1].message, /ours has 1 row, theirs 3 rows\./);
});
