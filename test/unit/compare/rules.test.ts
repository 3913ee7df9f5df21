// Every rule of the comparison on small files counted by hand: what makes two
// mentions, concepts and relations the same, the two match modes, documents
// only one side has, the scores' zero denominators, and document groups.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { symmetryRule } from '../../../server/src/service/compare/symmetry';
import { compare, counts, countsOf, doc, file, levelCounts, type M } from './support';

const LIDO: M = [0, 9, 'Lidocaine', 'Chemical', 'D008012'];
const ASYSTOLE: M = [18, 34, 'cardiac asystole', 'Disease', 'D006323'];
const DOPA: M = [39, 50, 'methyl dopa', 'Chemical', 'D008750'];
const DEPRESSION: M = [52, 62, 'Depression', 'Disease', 'D003866'];

test('mention: the same (document, start, end, type) matches; text and id do not matter', () => {
  const gold = file(doc('1', [LIDO, ASYSTOLE]));
  const predicted = file(doc('1', [[0, 9, 'LIDOCAINE', 'Chemical', 'MESH:D000001'], [18, 34, 'cardiac asystole', 'Disease']]));
  assert.deepEqual(levelCounts(gold, predicted, 'mention'), counts(2, 0, 0));
});

test('mention: a span listed twice counts once, on either side', () => {
  const gold = file(doc('1', [LIDO, LIDO, ASYSTOLE]));
  const predicted = file(doc('1', [LIDO, [0, 9, 'Lidocaine', 'Chemical', 'D008012|D000001'], DOPA, DOPA]));
  assert.deepEqual(countsOf(gold, predicted), {
    'mention Chemical': counts(1, 1, 0), 'mention Disease': counts(0, 0, 1), 'mention *': counts(1, 1, 1),
    'concept Chemical': counts(1, 2, 0), 'concept Disease': counts(0, 0, 1), 'concept *': counts(1, 2, 1),
  });
});

test('mention: the type is part of the match: the same span with another type is one FP and one FN, noted as a wrong type', () => {
  const gold = file(doc('1', [LIDO]));
  const predicted = file(doc('1', [[0, 9, 'Lidocaine', 'Disease', 'D008012']]));
  const c = compare(gold, predicted);
  assert.deepEqual(c.scorer.totals.counts('mention'), counts(0, 1, 1));
  const mentionDiffs = c.results[0].differences.filter((d) => d.level === 'mention');
  assert.deepEqual(mentionDiffs.map((d) => [d.kind, d.type, d.note?.kind]), [['fp', 'Disease', 'wrong-type'], ['fn', 'Chemical', 'wrong-type']]);
});

test('mention, exact: a boundary difference is one FP and one FN, each noting the other span', () => {
  const gold = file(doc('1', [DOPA]));
  const predicted = file(doc('1', [[39, 45, 'methyl', 'Chemical', 'D008750']]));
  const c = compare(gold, predicted);
  assert.deepEqual(c.scorer.totals.counts('mention'), counts(0, 1, 1));
  const [fp, fn] = c.results[0].differences.filter((d) => d.level === 'mention');
  assert.deepEqual(fp.note, { kind: 'boundary', start: 39, end: 50, text: 'methyl dopa', otherLine: 2 });
  assert.deepEqual(fn.note, { kind: 'boundary', start: 39, end: 45, text: 'methyl', otherLine: 2 });
  // The concept is the same, so the concept level does not see the boundary.
  assert.deepEqual(c.scorer.totals.counts('concept'), counts(1, 0, 0));
});

test('mention, overlap: overlapping spans of the same type match, each gold mention at most once', () => {
  const gold = file(doc('1', [DOPA, ASYSTOLE]));
  // Two predictions inside "methyl dopa": one matches it, the other is a false positive.
  const predicted = file(doc('1', [[39, 45, 'methyl', 'Chemical'], [46, 50, 'dopa', 'Chemical'], [18, 25, 'cardiac', 'Chemical']]));
  assert.deepEqual(levelCounts(gold, predicted, 'mention', { match: 'overlap' }), counts(1, 2, 1));
  // The type still matters: "cardiac" as Chemical does not match the Disease.
  assert.deepEqual(levelCounts(gold, predicted, 'mention', { match: 'overlap' }, 'Disease'), counts(0, 0, 1));
});

test('mention, overlap: exact pairs first, then the largest overlap, ties to the earlier gold span; the order of rows does not matter', () => {
  // Gold: 0-10 and 5-20. Predicted: 5-20 (exact with the second) and 0-12 (overlaps both; only the first is free).
  const gold = file(doc('1', [[0, 10, 'a', 'T'], [5, 20, 'b', 'T']]));
  const predicted = file(doc('1', [[0, 12, 'c', 'T'], [5, 20, 'b', 'T']]));
  assert.deepEqual(levelCounts(gold, predicted, 'mention', { match: 'overlap' }), counts(2, 0, 0));
  // One prediction 4-16 overlapping gold 0-10 (6) and 5-20 (11): it takes 5-20, and 0-10 is a false negative.
  const one = compare(gold, file(doc('1', [[4, 16, 'x', 'T']])), { match: 'overlap' });
  assert.deepEqual(one.results[0].differences.filter((d) => d.level === 'mention').map((d) => [d.kind, d.start, d.end]), [['fn', 0, 10]]);
  // Equal overlaps (gold 0-10 and 10-20, prediction 5-15): the earlier gold span wins, whatever the row order.
  for (const rows of [[[0, 10, 'a', 'T'], [10, 20, 'b', 'T']], [[10, 20, 'b', 'T'], [0, 10, 'a', 'T']]] as M[][]) {
    const tie = compare(file(doc('1', rows)), file(doc('1', [[5, 15, 'x', 'T']])), { match: 'overlap' });
    assert.deepEqual(tie.results[0].differences.filter((d) => d.level === 'mention').map((d) => [d.kind, d.start]), [['fn', 10]]);
  }
});

test('mention, overlap: spans that only touch do not overlap', () => {
  const gold = file(doc('1', [[0, 10, 'a', 'T']]));
  const predicted = file(doc('1', [[10, 20, 'b', 'T']]));
  assert.deepEqual(levelCounts(gold, predicted, 'mention', { match: 'overlap' }), counts(0, 1, 1));
});

test('concept: ids normalised as the checker does (D003866 = MESH:D003866), per document and type', () => {
  const gold = file(doc('1', [DEPRESSION, [69, 78, 'lidocaine', 'Chemical', 'D008012']]), doc('2', [DEPRESSION]));
  const predicted = file(
    doc('1', [[52, 62, 'Depression', 'Disease', 'MESH:D003866'], [69, 78, 'lidocaine', 'Disease', 'mesh:D008012']]),
    doc('2', [[80, 92, 'hypertension', 'Disease', 'MESH:D003866']]),
  );
  assert.deepEqual(countsOf(gold, predicted), {
    'mention Chemical': counts(0, 0, 1), 'mention Disease': counts(1, 2, 1), 'mention *': counts(1, 2, 2),
    // Document 2 has the concept too (a mention elsewhere still names it); D008012 typed Disease is another concept.
    'concept Chemical': counts(0, 0, 1), 'concept Disease': counts(2, 1, 0), 'concept *': counts(2, 1, 1),
  });
});

test('concept: each part of a composite id counts; -1, - and an empty id name no concept', () => {
  const gold = file(doc('1', [[0, 34, 'x', 'Disease', 'D001|D002'], [39, 50, 'y', 'Disease', 'D003|-1'], [52, 62, 'z', 'Disease', '-1'], [69, 78, 'w', 'Disease', '-']]));
  const predicted = file(doc('1', [[0, 34, 'x', 'Disease', 'D002'], [39, 50, 'y', 'Disease', 'D003'], [52, 62, 'z', 'Disease', ''], [69, 78, 'w', 'Disease']]));
  assert.deepEqual(levelCounts(gold, predicted, 'concept'), counts(2, 0, 1));
  assert.deepEqual(levelCounts(gold, predicted, 'mention'), counts(4, 0, 0));
});

test('concept: a matched mention with another id is reported as a wrong id', () => {
  const gold = file(doc('1', [LIDO]));
  const predicted = file(doc('1', [[0, 9, 'Lidocaine', 'Chemical', 'MESH:D000001']]));
  const c = compare(gold, predicted);
  assert.deepEqual(c.scorer.totals.counts('concept'), counts(0, 1, 1));
  assert.deepEqual(c.results[0].idMismatches.map((m) => [m.predictedId, m.goldId, m.predictedLine, m.goldLine]), [['MESH:D000001', 'D008012', 2, 2]]);
  // The same id spelt otherwise is no mismatch.
  assert.deepEqual(compare(gold, file(doc('1', [[0, 9, 'Lidocaine', 'Chemical', 'MESH:D008012']]))).results[0].idMismatches, []);
});

test('concept: a variant id counts by its identifying parts, not its gene or group', () => {
  const gold = file(doc('1', [[0, 9, 'V600E', 'ProteinMutation', 'tmVar:p|SUB|V|600|E;HGVS:p.V600E;VariantGroup:0;CorrespondingGene:673']]));
  const predicted = file(doc('1', [[0, 9, 'V600E', 'ProteinMutation', 'p|SUB|V|600|E;CorrespondingGene:673']]));
  // Gold names the tmVar key and the HGVS form; the prediction only the tmVar key.
  assert.deepEqual(levelCounts(gold, predicted, 'concept'), counts(1, 0, 1));
});

test('relation: CID is ordered: the pair the other way round is one FP and one FN, noted as reversed', () => {
  const gold = file(doc('1', [LIDO, ASYSTOLE], [['CID', 'D008012', 'D006323']]));
  const predicted = file(doc('1', [LIDO, ASYSTOLE], [['CID', 'D006323', 'D008012']]));
  const c = compare(gold, predicted);
  assert.deepEqual(c.scorer.totals.counts('relation'), counts(0, 1, 1));
  assert.deepEqual(c.results[0].differences.filter((d) => d.level === 'relation').map((d) => [d.kind, d.note?.kind]), [['fp', 'reversed'], ['fn', 'reversed']]);
});

test('relation: ids normalised; extra columns (scores, novelty) ignored; a pair listed twice counts once', () => {
  const gold = file(doc('1', [LIDO, ASYSTOLE], [['CID', 'D008012', 'D006323']]));
  const predicted = file(doc('1', [LIDO, ASYSTOLE], [['CID', 'MESH:D008012', 'MESH:D006323', '0.9'], ['CID', 'D008012', 'D006323', '0.4']]));
  assert.deepEqual(levelCounts(gold, predicted, 'relation'), counts(1, 0, 0));
});

test('relation: BioRED types are unordered pairs; --symmetric and --directed override', () => {
  const gold = file(doc('1', [], [['Association', '3175', 'D003924', 'Novel'], ['React', 'A', 'B']]));
  const predicted = file(doc('1', [], [['Association', 'D003924', '3175', 'No'], ['React', 'B', 'A']]));
  assert.deepEqual(countsOf(gold, predicted), {
    'relation Association': counts(1, 0, 0), 'relation React': counts(0, 1, 1), 'relation *': counts(1, 1, 1),
  });
  const overridden = countsOf(gold, predicted, { symmetric: symmetryRule({ symmetric: ['React'], directed: ['Association'] }) });
  assert.deepEqual(overridden, {
    'relation Association': counts(0, 1, 1), 'relation React': counts(1, 0, 0), 'relation *': counts(1, 1, 1),
  });
  // A schema's word counts after the user's, before the known families.
  const schema = symmetryRule({ schema: (t) => (t === 'Association' ? 'directed' : undefined) });
  assert.deepEqual(countsOf(gold, predicted, { symmetric: schema })['relation Association'], counts(0, 1, 1));
});

test('relation: the same pair under another type is noted', () => {
  const gold = file(doc('1', [], [['Positive_Correlation', 'A', 'B']]));
  const predicted = file(doc('1', [], [['Negative_Correlation', 'B', 'A']]));
  const notes = compare(gold, predicted).results[0].differences.map((d) => d.note);
  assert.deepEqual(notes, [{ kind: 'other-relation-type', otherType: 'Positive_Correlation', otherLine: 2 }, { kind: 'other-relation-type', otherType: 'Negative_Correlation', otherLine: 2 }]);
});

test('filters: --entity-types limits the mention and concept levels, --relation-types the relation level', () => {
  const gold = file(doc('1', [LIDO, ASYSTOLE], [['CID', 'D008012', 'D006323'], ['Association', 'A', 'B']]));
  const predicted = file(doc('1', [LIDO], [['Association', 'A', 'B']]));
  assert.deepEqual(countsOf(gold, predicted, { entityTypes: new Set(['Disease']), relationTypes: new Set(['Association']) }), {
    'mention Disease': counts(0, 0, 1), 'mention *': counts(0, 0, 1),
    'concept Disease': counts(0, 0, 1), 'concept *': counts(0, 0, 1),
    'relation Association': counts(1, 0, 0), 'relation *': counts(1, 0, 0),
  });
});

test('documents only one side has: scored by default (FN or FP), not with --documents intersection; counted either way', () => {
  const gold = file(doc('1', [LIDO]), doc('2', [ASYSTOLE], [['CID', 'D008012', 'D006323']]));
  const predicted = file(doc('1', [LIDO]), doc('3', [DOPA]));
  const all = compare(gold, predicted);
  assert.deepEqual(all.scorer.documents, { gold: 2, predicted: 2, shared: 1, onlyGold: 1, onlyPredicted: 1 });
  assert.deepEqual(all.scorer.totals.counts('mention'), counts(1, 1, 1));
  assert.deepEqual(all.scorer.totals.counts('relation'), counts(0, 0, 1));
  const shared = compare(gold, predicted, { documents: 'intersection' });
  assert.deepEqual(shared.scorer.documents, all.scorer.documents);
  assert.deepEqual(shared.scorer.totals.counts('mention'), counts(1, 0, 0));
  assert.deepEqual(shared.scorer.totals.counts('relation'), counts(0, 0, 0));
});

test('scores: precision, recall and F1; zero denominators give null, F1 is 0 when only one side has items', () => {
  const gold = file(doc('1', [LIDO, ASYSTOLE, DOPA], [['CID', 'D008012', 'D006323']]));
  const predicted = file(doc('1', [LIDO, [18, 25, 'cardiac', 'Disease']]));
  const scores = compare(gold, predicted).scorer.totals.scores();
  const get = (level: string, type: string) => scores.find((s) => s.level === level && s.type === type)!;
  // Chemical: tp 1, fp 0, fn 1. Disease: tp 0, fp 1, fn 1.
  assert.deepEqual([get('mention', 'Chemical').precision, get('mention', 'Chemical').recall, get('mention', 'Chemical').f1], [1, 0.5, 2 / 3]);
  assert.deepEqual([get('mention', 'Disease').precision, get('mention', 'Disease').recall, get('mention', 'Disease').f1], [0, 0, 0]);
  assert.deepEqual([get('mention', '*').precision, get('mention', '*').recall, get('mention', '*').f1], [0.5, 1 / 3, 0.4]);
  // Macro: the mean of the per-type scores.
  assert.deepEqual([get('mention', '*macro').precision, get('mention', '*macro').recall, get('mention', '*macro').f1], [0.5, 0.25, 1 / 3]);
  // Nothing predicted for CID: precision undefined, recall and F1 0; macro precision over no defined type is null.
  assert.deepEqual([get('relation', 'CID').precision, get('relation', 'CID').recall, get('relation', 'CID').f1], [null, 0, 0]);
  assert.equal(get('relation', '*macro').precision, null);
  // Neither side has anything at a level: a micro line with all scores null, and no macro line.
  const none = compare(file(doc('1', [])), file(doc('1', []))).scorer.totals.scores();
  assert.deepEqual(none.filter((s) => s.level === 'relation'), [{ level: 'relation', type: '*', tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null }]);
});

test('document groups: continuation blocks of one id form one document; a repeated id pairs k-th with k-th', () => {
  // NLM-Chem style: two consecutive blocks with one id, offsets restarting in each.
  const blocks = (second: M[]) => [doc('7', [LIDO], [], 'Passage one.', ''), doc('7', second, [], 'Passage two.', '')].join('\n');
  const gold = file(blocks([LIDO]));
  const predicted = file(blocks([]));
  const c = compare(gold, predicted);
  assert.deepEqual(c.scorer.documents.shared, 1);
  // The same span in the second block is another mention; the concept is the document's, named in block one.
  assert.deepEqual(c.scorer.totals.counts('mention'), counts(1, 0, 1));
  assert.deepEqual(c.scorer.totals.counts('concept'), counts(1, 0, 0));
  assert.deepEqual(c.results[0].differences.map((d) => [d.kind, d.block]), [['fn', 1]]);
  // A PMID heading two separate documents (NCBI-disease train): the first pairs with the first.
  const twice = file(doc('8', [LIDO]), doc('9', []), doc('8', [ASYSTOLE]));
  const again = compare(twice, file(doc('8', [LIDO]), doc('10', []), doc('8', [ASYSTOLE])));
  assert.deepEqual(again.scorer.totals.counts('mention'), counts(2, 0, 0));
  assert.deepEqual(again.scorer.documents, { gold: 3, predicted: 3, shared: 2, onlyGold: 1, onlyPredicted: 1 });
});

test('mention rows whose offsets are not numbers are left out of the mention level and counted; their ids still count', () => {
  const gold = file(doc('1', [LIDO]));
  const predicted = file(doc('1', [[0, 9, 'Lidocaine', 'Chemical', 'D008012']]).replace('\t0\t9\t', '\tx\t9\t'));
  const c = compare(gold, predicted);
  assert.deepEqual(c.scorer.unusable, { gold: 0, predicted: 1 });
  assert.deepEqual(c.scorer.totals.counts('mention'), counts(0, 0, 1));
  assert.deepEqual(c.scorer.totals.counts('concept'), counts(1, 0, 0));
});
