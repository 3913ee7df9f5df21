// Adjudication as edits: the disagreements between the current file and the
// other annotator's, each settled by ours, theirs, both or neither as an edit
// of the current text (checked by applying it as an editor would); deciding
// every one for theirs leaves nothing to decide; a git conflict is settled
// the same way and its markers go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisionEdits, disagreements, type Choice } from '../../../server/src/service/merge/adjudication';
import { mergeThree } from '../../../server/src/service/merge/mergeFiles';
import { applyEdits } from '../../../server/src/service/edits/textEdit';

const BASE = [
  '1|t|Aspirin and pain.', '1|a|Aspirin relieves headache.',
  '1\t0\t7\tAspirin\tChemical\tD001241', '1\t12\t16\tpain\tDisease\tD010146', '1\tCID\tD001241\tD010146',
  '',
  '2|t|Fever.', '2|a|Fever in children.',
  '2\t0\t5\tFever\tDisease\tD005334',
  '',
].join('\n');
const OURS = BASE;
const THEIRS = BASE.replace('1\tCID\tD001241\tD010146\n', '').replace('1\t12\t16\tpain\tDisease\tD010146',
  '1\t12\t16\tpain\tSymptom\tD010146\n1\t39\t47\theadache\tDisease\tD006261');

test('the disagreements: a span read two ways, a row only ours has, a row only theirs has; in line order', () => {
  const list = disagreements(OURS, THEIRS);
  assert.deepEqual(list.map((d) => [d.kind, d.line, d.ours.map((o) => o.line), d.theirs.length]), [
    ['mention', 3, [3], 1],
    ['relation', 4, [4], 0],
    ['mention', 4, [], 1],
  ]);
  assert.equal(list[0].theirs[0], '1\t12\t16\tpain\tSymptom\tD010146');
  assert.equal(list[2].after, 3);
  assert.deepEqual(disagreements(OURS, OURS), []);
});

test('each choice is an edit: ours changes nothing, theirs replaces in place, both adds after, neither deletes', () => {
  const [span] = disagreements(OURS, THEIRS);
  const decide = (c: Choice) => applyEdits(OURS, decisionEdits(OURS, span, c));
  assert.equal(decide('ours'), OURS);
  assert.equal(decide('theirs'), OURS.replace('pain\tDisease', 'pain\tSymptom'));
  assert.equal(decide('both'), OURS.replace('1\t12\t16\tpain\tDisease\tD010146', '1\t12\t16\tpain\tDisease\tD010146\n1\t12\t16\tpain\tSymptom\tD010146'));
  assert.equal(decide('neither'), OURS.replace('1\t12\t16\tpain\tDisease\tD010146\n', ''));
});

test('deciding every disagreement for theirs, one at a time as an editor would, leaves none', () => {
  let text = OURS;
  for (let guard = 0; guard < 10; guard++) {
    const list = disagreements(text, THEIRS);
    if (!list.length) break;
    text = applyEdits(text, decisionEdits(text, list[0], 'theirs'));
  }
  assert.deepEqual(disagreements(text, THEIRS), []);
  assert.equal(text, THEIRS);
});

test('a git conflict is one disagreement; each choice removes the markers and keeps the side(s) chosen', () => {
  const o = BASE.replace('pain\tDisease\tD010146', 'pain\tSymptom\tD010146');
  const t = BASE.replace('pain\tDisease\tD010146', 'pain\tDisease\tD059350');
  const { text } = mergeThree(BASE, o, t);
  const list = disagreements(text, '');
  assert.equal(list.length, 1);
  assert.equal(list[0].kind, 'conflict');
  assert.equal(list[0].document, '1');
  const decide = (c: Choice) => applyEdits(text, decisionEdits(text, list[0], c));
  assert.equal(decide('ours'), o);
  assert.equal(decide('theirs'), t);
  assert.equal(decide('both'), o.replace('pain\tSymptom\tD010146', 'pain\tSymptom\tD010146\n1\t12\t16\tpain\tDisease\tD059350'));
  assert.equal(decide('neither'), BASE.replace('1\t12\t16\tpain\tDisease\tD010146\n', ''));
});

test('CRLF files get CRLF rows, and a last line without a line break takes theirs after it', () => {
  const crlf = OURS.replace(/\n/g, '\r\n');
  const [span] = disagreements(crlf, THEIRS);
  assert.equal(applyEdits(crlf, decisionEdits(crlf, span, 'theirs')), crlf.replace('pain\tDisease', 'pain\tSymptom'));
  const noBreak = '5|t|ab\n5|a|\n5\t0\t1\ta\tX';
  const other = '5|t|ab\n5|a|\n5\t0\t1\ta\tX\n5\t1\t2\tb\tY\n';
  const [d] = disagreements(noBreak, other);
  assert.equal(applyEdits(noBreak, decisionEdits(noBreak, d, 'both')), '5|t|ab\n5|a|\n5\t0\t1\ta\tX\n5\t1\t2\tb\tY');
});

test('a boundary drawn differently (overlapping spans) is one disagreement, decided at once', () => {
  const ours = '1|t|Lidocaine-induced cardiac asystole.\n1|a|x\n1\t0\t9\tLidocaine\tChemical\tD008012\n1\t18\t35\tcardiac asystole.\tDisease\tD006323\n';
  const theirs = ours.replace('1\t18\t35\tcardiac asystole.\tDisease', '1\t26\t34\tasystole\tDisease');
  const list = disagreements(ours, theirs);
  assert.equal(list.length, 1);
  assert.deepEqual([list[0].ours.map((o) => o.line), list[0].theirs.length], [[3], 1]);
  assert.equal(applyEdits(ours, decisionEdits(ours, list[0], 'theirs')), theirs);
  // Two of theirs overlapping one of ours: still one.
  const split = ours.replace('1\t18\t35\tcardiac asystole.\tDisease\tD006323', '1\t18\t25\tcardiac\tDisease\t-\n1\t26\t34\tasystole\tDisease\tD006323');
  const [d] = disagreements(ours, split);
  assert.equal(disagreements(ours, split).length, 1);
  assert.equal(applyEdits(ours, decisionEdits(ours, d, 'theirs')), split);
});
