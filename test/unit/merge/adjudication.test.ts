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
import { TWO_DOCUMENTS } from './fixtures';

const BASE = TWO_DOCUMENTS;
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
  const list = disagreements(text, undefined);
  assert.equal(list.length, 1);
  assert.equal(list[0].kind, 'conflict');
  assert.equal(list[0].document, '1');
  const decide = (c: Choice) => applyEdits(text, decisionEdits(text, list[0], c));
  assert.equal(decide('ours'), o);
  assert.equal(decide('theirs'), t);
  assert.equal(decide('both'), o.replace('pain\tSymptom\tD010146', 'pain\tSymptom\tD010146\n1\t12\t16\tpain\tDisease\tD059350'));
  assert.equal(decide('neither'), BASE.replace('1\t12\t16\tpain\tDisease\tD010146\n', ''));
  // Once settled, with no other file, nothing is left: its documents are not "only ours".
  assert.deepEqual(disagreements(decide('theirs'), undefined), []);
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

// Documents only one file has: each is one disagreement; theirs makes the file as the other has it.
const DOC3 = ['3|t|Cough.', '3|a|Cough at night.', '3\t0\t5\tCough\tDisease\tD003371'];
const DOC0 = ['0|t|Rash.', '0|a|Rash.'];
const WITHOUT_2 = BASE.slice(0, BASE.indexOf('2|t|'));
const OTHER_DOCS = [...DOC0, '', WITHOUT_2 + DOC3.join('\n'), ''].join('\n');

test('documents only one file has are disagreements: ours-only keeps its lines, theirs-only is placed after the document before it there', () => {
  const list = disagreements(OURS, OTHER_DOCS);
  assert.deepEqual(list.map((d) => [d.kind, d.document, d.line, d.ours.map((o) => o.line), d.theirs]), [
    ['document', '0', 0, [], DOC0],
    ['document', '2', 6, [6, 7, 8], []],
    ['document', '3', 5, [], DOC3],
  ].sort((a, b) => (a[2] as number) - (b[2] as number)));
});

test('a document only theirs has: theirs and both add it as its own block, ours and neither leave it absent', () => {
  const theirsDoc = disagreements(OURS, OTHER_DOCS).find((d) => d.document === '3')!;
  const decide = (c: Choice) => applyEdits(OURS, decisionEdits(OURS, theirsDoc, c));
  const added = OURS.replace('\n\n2|t|', '\n\n' + DOC3.join('\n') + '\n\n2|t|');
  assert.equal(decide('theirs'), added);
  assert.equal(decide('both'), added);
  assert.equal(decide('ours'), OURS);
  assert.equal(decide('neither'), OURS);
  // One placed before every document of ours.
  const first = disagreements(OURS, OTHER_DOCS).find((d) => d.document === '0')!;
  assert.equal(applyEdits(OURS, decisionEdits(OURS, first, 'theirs')), DOC0.join('\n') + '\n\n' + OURS);
});

test('a document only ours has: ours and both keep it, theirs and neither remove it with its blank line', () => {
  const oursDoc = disagreements(OURS, OTHER_DOCS).find((d) => d.document === '2')!;
  const decide = (c: Choice) => applyEdits(OURS, decisionEdits(OURS, oursDoc, c));
  assert.equal(decide('ours'), OURS);
  assert.equal(decide('both'), OURS);
  assert.equal(decide('theirs'), WITHOUT_2.replace(/\n\n$/, '\n'));
  assert.equal(decide('neither'), WITHOUT_2.replace(/\n\n$/, '\n'));
  // A middle document goes with the blank line after it.
  const three = OURS + '\n' + DOC3.join('\n') + '\n';
  const middle = disagreements(three, WITHOUT_2 + DOC3.join('\n') + '\n').find((d) => d.kind === 'document')!;
  assert.equal(applyEdits(three, decisionEdits(three, middle, 'theirs')), WITHOUT_2 + DOC3.join('\n') + '\n');
});

test('deciding everything for theirs, documents included, gives the other file; for ours, leaves ours', () => {
  let text = OURS;
  for (let guard = 0; guard < 20; guard++) {
    const list = disagreements(text, OTHER_DOCS);
    if (!list.length) break;
    text = applyEdits(text, decisionEdits(text, list[0], 'theirs'));
  }
  assert.deepEqual(disagreements(text, OTHER_DOCS), []);
  assert.equal(text, OTHER_DOCS);
  let kept = OURS;
  for (const d of disagreements(OURS, OTHER_DOCS)) kept = applyEdits(kept, decisionEdits(kept, d, 'ours'));
  assert.equal(kept, OURS);
});

test('their rows are offered in this file\'s id style (MESH: or bare); ids spelled otherwise agree', () => {
  const prefixed = OURS.replace(/\tD0/g, '\tMESH:D0');
  const list = disagreements(prefixed, THEIRS);
  assert.deepEqual(list.map((d) => d.theirs), [['1\t12\t16\tpain\tSymptom\tMESH:D010146'], [], ['1\t39\t47\theadache\tDisease\tMESH:D006261']]);
  let text = prefixed;
  for (let guard = 0; guard < 10; guard++) {
    const next = disagreements(text, THEIRS);
    if (!next.length) break;
    text = applyEdits(text, decisionEdits(text, next[0], 'theirs'));
  }
  assert.equal(text, THEIRS.replace(/\tD0/g, '\tMESH:D0'));
});
