// The reading view while adjudicating with another file: the other file's
// rows of each disagreement are drawn beside ours, marked `theirs` and
// pointing at the disagreement's line; our differing rows are marked `ours`;
// agreed rows carry no side; the file's own problems are unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { previewWindow } from '../../../server/src/service/features/preview/previewWindow';
import { withTheirRows } from '../../../server/src/service/merge/adjudicationPreview';
import { TWO_DOCUMENTS } from './fixtures';

const OURS = TWO_DOCUMENTS;
const THEIRS = OURS.replace('1\t12\t16\tpain\tDisease\tD010146', '1\t12\t16\tpain\tSymptom\tD010146\n1\t39\t47\theadache\tDisease\tD006261');

test('both versions of each disagreement on the text: ours marked ours, theirs marked theirs at the disagreement\'s line', () => {
  const file = parsePubtator(OURS);
  const plain = previewWindow(file, { line: 0, around: 1 });
  const shown = withTheirRows(plain, file, OURS, THEIRS);
  const doc = shown.documents[shown.current];
  assert.deepEqual(doc.mentions.map((m) => [m.text, m.type, m.line, m.side ?? null]), [
    ['Aspirin', 'Chemical', 2, null],
    ['pain', 'Disease', 3, 'ours'],
    ['pain', 'Symptom', 3, 'theirs'],
    ['headache', 'Disease', 4, 'theirs'], // theirs alone: the line it would go before in this file
  ]);
  assert.equal(doc.theirRows, 2);
  assert.deepEqual(doc.problems, plain.documents[plain.current].problems);
  assert.equal(doc.endLine, 4);
  // The other document agrees: shown as it is.
  assert.deepEqual(shown.documents[1], plain.documents[1]);
});

test('no disagreement, or the same file: the window is unchanged', () => {
  const file = parsePubtator(OURS);
  const plain = previewWindow(file, { line: 7 });
  assert.equal(withTheirRows(plain, file, OURS, OURS), plain);
});
