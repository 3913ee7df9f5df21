// The comparison as the editor shows it in the file being judged: where each
// difference is marked and what it says, the quick fixes and what applying
// them does to the scores, the lenses and the summary model, and the cache
// that keeps unchanged documents' results across edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareFiles, PairCache } from '../../../server/src/service/compare/compareFiles';
import { comparisonDiagnostics, comparisonLenses, summaryModel } from '../../../server/src/service/compare/editorView';
import { compareFixes } from '../../../server/src/service/compare/fixes';
import { applyEdits } from '../../../server/src/service/edits/textEdit';
import { IncrementalFile } from '../../../server/src/service/incrementalFile';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { doc, file, type M } from './support';

const LIDO: M = [0, 9, 'Lidocaine', 'Chemical', 'D008012'];
const ASYSTOLE: M = [18, 34, 'cardiac asystole', 'Disease', 'D006323'];
const DOPA: M = [39, 50, 'methyl dopa', 'Chemical', 'D008750'];
const DEPRESSION: M = [52, 62, 'Depression', 'Disease', 'D003866'];

const REFERENCE = file(doc('1', [LIDO, ASYSTOLE, DOPA, DEPRESSION], [['CID', 'D008012', 'D006323'], ['CID', 'D008750', 'D003866']]));
// This file: Lidocaine typed Disease, "methyl" for "methyl dopa", Depression missing, a wrong id on asystole,
// CID reversed, the second CID missing, and an extra mention.
const CURRENT = file(doc('1', [
  [0, 9, 'Lidocaine', 'Disease', 'D008012'], [18, 34, 'cardiac asystole', 'Disease', 'D000001'], [39, 45, 'methyl', 'Chemical', 'D008750'],
  [80, 92, 'hypertension', 'Disease', 'D006973'],
], [['CID', 'D006323', 'D008012']]));

function view(reference: string, current: string) {
  return compareFiles(parsePubtator(reference), parsePubtator(current));
}

test('each difference is marked where it belongs, with a message saying what the reference has and links to the lines', () => {
  const c = view(REFERENCE, CURRENT);
  const got = comparisonDiagnostics(c).map((d) => ({
    code: d.code, at: `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`, message: d.message,
    related: d.related.map((r) => `${r.side} ${r.line}`).join(', '),
  }));
  // Line 0 is the title, 1 the abstract, 2.. the rows; the title text starts at character 4 ("1|t|"), the abstract's at 4.
  assert.deepEqual(got, [
    { code: 'missing-relation', at: '0:0-0:4', message: 'FN: the reference\'s relation CID D008012 D006323 is missing in document 1; this file has it with the ids the other way round.', related: 'gold 6, predicted 6' },
    { code: 'missing-relation', at: '0:0-0:4', message: 'FN: the reference\'s relation CID D008750 D003866 is missing in document 1.', related: 'gold 7' },
    { code: 'missing-mention', at: '0:4-0:13', message: 'FN: the reference\'s Chemical mention 0-9 "Lidocaine" D008012 is missing here; this file has it as Disease.', related: 'gold 2, predicted 2' },
    { code: 'missing-mention', at: '0:43-0:54', message: 'FN: the reference\'s Chemical mention 39-50 "methyl dopa" D008750 is missing here; this file has 39-45 "methyl".', related: 'gold 4, predicted 4' },
    { code: 'missing-mention', at: '1:4-1:14', message: 'FN: the reference\'s Disease mention 52-62 "Depression" D003866 is missing here.', related: 'gold 5' },
    { code: 'wrong-type', at: '2:16-2:23', message: 'Wrong type (FP): the reference has Chemical on 0-9, not Disease.', related: 'gold 2' },
    { code: 'wrong-id', at: '3:33-3:40', message: 'Wrong id: the reference has D006323 for Disease 18-34 "cardiac asystole", not D000001.', related: 'gold 3' },
    { code: 'wrong-span', at: '4:2-4:7', message: 'Boundary differs (FP): Chemical 39-45 "methyl"; the reference has 39-50 "methyl dopa".', related: 'gold 4' },
    { code: 'extra-mention', at: '5:2-5:28', message: 'FP: the reference has no Disease 80-92 "hypertension".', related: '' },
    { code: 'extra-relation', at: '6:0-6:21', message: 'FP: the reference has no relation CID D006323 D008012; the reference has it with the ids the other way round.', related: 'gold 6' },
  ]);
});

/** Applies the fix with `title` (a prefix) offered for the first diagnostic with `code`; returns the new text. */
function applyFix(reference: string, current: string, code: string, title: string, nth = 0): string {
  const c = view(reference, current);
  const d = comparisonDiagnostics(c).filter((x) => x.code === code)[nth];
  assert.ok(d, `no ${code} diagnostic`);
  const fix = compareFixes(parsePubtator(current), d.code, d.data).find((f) => f.title.startsWith(title));
  assert.ok(fix, `no fix "${title}" for ${code}: ${JSON.stringify(compareFixes(parsePubtator(current), d.code, d.data).map((f) => f.title))}`);
  return applyEdits(current, fix.edits);
}

const mentionCounts = (reference: string, current: string) => view(reference, current).scorer.totals.counts('mention');

test('"Add the gold mention" inserts the reference row in offset order, and the FN becomes a TP', () => {
  const before = mentionCounts(REFERENCE, CURRENT);
  const after = applyFix(REFERENCE, CURRENT, 'missing-mention', 'Add the gold mention', 2);
  assert.match(after, /^1\t39\t45\tmethyl\tChemical\tD008750\n1\t52\t62\tDepression\tDisease\tD003866\n1\t80\t92\t/m);
  assert.deepEqual(mentionCounts(REFERENCE, after), { tp: before.tp + 1, fp: before.fp, fn: before.fn - 1 });
});

test('"Take the gold span" moves the row\'s offsets and text to the reference\'s, from the row or from the FN', () => {
  for (const [code, title, nth] of [['wrong-span', 'Take the gold span', 0], ['missing-mention', 'Take the gold span', 1]] as const) {
    const after = applyFix(REFERENCE, CURRENT, code, title, nth);
    assert.match(after, /^1\t39\t50\tmethyl dopa\tChemical\tD008750$/m, code);
    const before = mentionCounts(REFERENCE, CURRENT);
    assert.deepEqual(mentionCounts(REFERENCE, after), { tp: before.tp + 1, fp: before.fp - 1, fn: before.fn - 1 });
  }
});

test('take the gold type and id; remove an extra mention or relation; add a missing relation', () => {
  assert.match(applyFix(REFERENCE, CURRENT, 'wrong-type', 'Take the gold type (Chemical)'), /^1\t0\t9\tLidocaine\tChemical\tD008012$/m);
  assert.match(applyFix(REFERENCE, CURRENT, 'wrong-id', 'Take the gold id (D006323)'), /^1\t18\t34\tcardiac asystole\tDisease\tD006323$/m);
  assert.doesNotMatch(applyFix(REFERENCE, CURRENT, 'extra-mention', 'Remove this mention'), /hypertension\tDisease/);
  assert.doesNotMatch(applyFix(REFERENCE, CURRENT, 'extra-relation', 'Remove this relation'), /CID\tD006323\tD008012/);
  const added = applyFix(REFERENCE, CURRENT, 'missing-relation', 'Add the gold relation', 1);
  assert.match(added, /\n1\tCID\tD006323\tD008012\n1\tCID\tD008750\tD003866\n$/);
});

test('a fix is not offered when the row it names has changed since', () => {
  const d = comparisonDiagnostics(view(REFERENCE, CURRENT)).find((x) => x.code === 'wrong-span')!;
  const edited = CURRENT.replace('1\t39\t45\tmethyl', '1\t39\t46\tmethyl ');
  assert.deepEqual(compareFixes(parsePubtator(edited), d.code, d.data), []);
  assert.deepEqual(compareFixes(parsePubtator(CURRENT), d.code, { compare: { group: 'nope', block: 0 } }), []);
  assert.deepEqual(compareFixes(parsePubtator(CURRENT), d.code, 'junk'), []);
});

test('a code lens per document with its F1 per level, and the summary model', () => {
  const c = view(REFERENCE, file(doc('1', [LIDO, ASYSTOLE]), doc('9', [DOPA])));
  assert.deepEqual(comparisonLenses(c, 'gold.pubtator').map((l) => [l.range.start.line, l.title]), [
    [0, 'vs gold.pubtator: mentions F1 0.67 (TP 2 FP 0 FN 2) · concepts F1 0.67 · relations F1 0.00'],
    [5, 'vs gold.pubtator: mentions F1 0.00 (TP 0 FP 1 FN 0) · concepts F1 0.00 · relations F1 –'],
  ]);
  const model = summaryModel(c, { current: 'mine.pubtator', reference: 'gold.pubtator' });
  assert.deepEqual(model.documents, { gold: 1, predicted: 2, shared: 1, onlyGold: 0, onlyPredicted: 1 });
  assert.deepEqual(model.onlyCurrent, ['9']);
  assert.equal(model.scores.find((s) => s.level === 'mention' && s.type === '*')!.tp, 2);
});

test('the cache: after an edit only the edited document is compared again; moved documents keep their results, shifted', () => {
  const reference = parsePubtator(file(doc('1', [LIDO]), doc('2', [ASYSTOLE]), doc('3', [DOPA])));
  const current = new IncrementalFile(file(doc('1', [LIDO]), doc('2', []), doc('3', [[39, 45, 'methyl', 'Chemical', 'D008750']])));
  const cache = new PairCache();
  const first = compareFiles(reference, current.file, {}, cache);
  const lines = (c: typeof first) => comparisonDiagnostics(c).map((d) => `${d.code} ${d.range.start.line}`);
  assert.deepEqual(lines(first), ['missing-mention 4', 'missing-mention 7', 'wrong-span 9']);
  // A line added to document 1 moves documents 2 and 3 down by one.
  const edited = file(doc('1', [LIDO, [80, 92, 'hypertension', 'Disease', 'D006973']]), doc('2', []), doc('3', [[39, 45, 'methyl', 'Chemical', 'D008750']])).split('\n');
  current.applyEdit({ startLine: 2, endLine: 2, newEndLine: 3 }, (a, b) => edited.slice(a, b + 1).join('\n'));
  const second = compareFiles(reference, current.file, {}, cache);
  assert.deepEqual(lines(second), ['extra-mention 3', 'missing-mention 5', 'missing-mention 8', 'wrong-span 10']);
  // Documents 2 and 3 were not compared again: their results came from the cache, moved one line.
  assert.notEqual(second.results[0].tally, first.results[0].tally);
  assert.equal(second.results[2].tally, first.results[2].tally);
  assert.equal(second.results[2].differences[0].line, first.results[2].differences[0].line + 1);
  assert.deepEqual(second.scorer.totals.counts('mention'), { tp: 1, fp: 2, fn: 2 });
});

test('for the editor each pair keeps its diagnostics (made while its rows were parsed), moved with its document, fixes included', () => {
  const reference = parsePubtator(file(doc('1', [LIDO]), doc('3', [DOPA])));
  const current = new IncrementalFile(file(doc('1', [LIDO]), doc('3', [[39, 45, 'methyl', 'Chemical', 'D008750']])));
  const cache = new PairCache();
  const options = { view: { unit: 'codepoint' as const } };
  const first = compareFiles(reference, current.file, options, cache);
  assert.deepEqual(first.results[1].differences, [], 'the differences are dropped once the diagnostics are made');
  const before = comparisonDiagnostics(first).map((d) => `${d.code} ${d.range.start.line} ${d.data.compare.row?.line}`);
  assert.deepEqual(before, ['missing-mention 4 6', 'wrong-span 6 6']);
  const edited = file(doc('1', [LIDO, [80, 92, 'hypertension', 'Disease', 'D006973']]), doc('3', [[39, 45, 'methyl', 'Chemical', 'D008750']])).split('\n');
  current.applyEdit({ startLine: 2, endLine: 2, newEndLine: 3 }, (a, b) => edited.slice(a, b + 1).join('\n'));
  const second = compareFiles(reference, current.file, options, cache);
  const moved = comparisonDiagnostics(second);
  assert.deepEqual(moved.map((d) => `${d.code} ${d.range.start.line} ${d.data.compare.row?.line ?? ''}`), ['extra-mention 3 3', 'missing-mention 5 7', 'wrong-span 7 7']);
  // The reference did not move; this file's partner row did.
  assert.deepEqual(moved[1].related.map((r) => `${r.side} ${r.line}`), ['gold 6', 'predicted 7']);
  const take = compareFixes(current.file, moved[2].code, moved[2].data).find((f) => f.title.startsWith('Take the gold span'));
  assert.ok(take, 'the moved diagnostic still finds its row');
});
