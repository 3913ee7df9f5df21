// The comparison on real corpora: the official BioCreative V CDR evaluation's
// counts on its own sample, the CDR test set against the DNorm and tmChem
// outputs, and BioRED's test set against itself with seeded changes whose
// effect is counted by hand. Skipped, saying so, without ../shared/corpora.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Counts, Level } from '../../../server/src/service/compare/model';
import { symmetryRule } from '../../../server/src/service/compare/symmetry';
import { corporaDir, corporaSkip } from '../../support/paths';
import { compare, counts } from './support';

const read = (name: string) => readFileSync(join(corporaDir, name), 'utf8');
const EVAL = 'bc5cdr-eval-sample/';

function get(gold: string, predicted: string, level: Level, type: string, options = {}): Counts {
  return compare(gold, predicted, options).scorer.totals.counts(level, type);
}

// bc5cdr-eval-sample/README.md: what bc5cdr_eval.jar 0.0.3 prints (TP, FP, FN), gold first.
test('BC5CDR evaluation sample: the official program\'s counts, exactly', { skip: corporaSkip }, () => {
  const gold = read(EVAL + 'CDR_sample.gold.PubTator');
  const dner = read(EVAL + 'CDR_sample.test.DNER.PubTator');
  const cid = read(EVAL + 'CDR_sample.test.CID.PubTator');
  for (const predicted of [dner, cid]) {
    assert.deepEqual(get(gold, predicted, 'mention', 'Disease'), counts(303, 105, 121));
    assert.deepEqual(get(gold, predicted, 'concept', 'Disease'), counts(149, 57, 65));
  }
  assert.deepEqual(get(gold, cid, 'mention', 'Chemical'), counts(455, 8, 55));
  assert.deepEqual(get(gold, cid, 'concept', 'Chemical'), counts(135, 8, 15));
  assert.deepEqual(get(gold, cid, 'relation', 'CID'), counts(90, 533, 33));
});

// The same counts come from a plain script that reads rows as docs/compare.md's definitions say
// (sets of tuples, MeSH ids with MESH: added when bare, composites split on | , ; +).
test('CDR test set against DNorm (diseases) and tmChem (chemicals)', { skip: corporaSkip }, () => {
  const gold = read('bc5cdr/CDR_TestSet.PubTator.txt');
  const dnorm = read('bc5cdr-system-output/TestSet.DNorm.PubTator.txt');
  const tmchem = read('bc5cdr-system-output/TestSet.tmChem.PubTator.txt');
  assert.deepEqual(get(gold, dnorm, 'mention', 'Disease'), counts(3491, 786, 933));
  assert.deepEqual(get(gold, dnorm, 'concept', 'Disease'), counts(1595, 374, 393));
  assert.deepEqual(get(gold, tmchem, 'mention', 'Chemical'), counts(4837, 270, 548));
  // tmChem: 405 rows without an id column, CHEBI ids (never equal to gold's MeSH), bare and MESH: ids.
  assert.deepEqual(get(gold, tmchem, 'concept', 'Chemical'), counts(1289, 105, 145));
  const overlap = get(gold, dnorm, 'mention', 'Disease', { match: 'overlap' });
  assert.ok(overlap.tp > 3491 && overlap.tp + overlap.fn === 4424 && overlap.tp + overlap.fp === 4277, JSON.stringify(overlap));
});

/** BioRED test, as lines, with an edit applied to its rows. */
function biored(): string[] {
  return read('biored/Test.PubTator').split('\n');
}

const isMention = (l: string) => /^[^\t|]+\t\d+\t\d+\t/.test(l);
const isRelation = (l: string) => l.split('\t').length >= 4 && !isMention(l) && !l.includes('|t|') && !l.includes('|a|');

test('BioRED test against itself: every level perfect', { skip: corporaSkip }, () => {
  const text = read('biored/Test.PubTator');
  const c = compare(text, text);
  assert.deepEqual(c.scorer.totals.counts('mention'), counts(3535, 0, 0));
  assert.deepEqual(c.scorer.totals.counts('relation'), counts(1163, 0, 0));
  assert.deepEqual(c.scorer.totals.counts('concept').fp + c.scorer.totals.counts('concept').fn, 0);
  assert.deepEqual(c.scorer.documents, { gold: 100, predicted: 100, shared: 100, onlyGold: 0, onlyPredicted: 0 });
});

test('BioRED test with seeded changes: each counted as predicted', { skip: corporaSkip }, () => {
  const gold = biored();
  const text = gold.join('\n');
  const mentionLines = gold.map((l, i) => (isMention(l) ? i : -1)).filter((i) => i >= 0);
  const relationLines = gold.map((l, i) => (isRelation(l) ? i : -1)).filter((i) => i >= 0);

  // 1. A mention's end one character later: one FP and one FN (a boundary), no change to concepts; with overlap, a match.
  const m = mentionLines[10];
  const f = gold[m].split('\t');
  const shifted = [...gold];
  shifted[m] = [f[0], f[1], String(Number(f[2]) + 1), ...f.slice(3)].join('\t');
  const s = compare(text, shifted.join('\n'));
  assert.deepEqual(s.scorer.totals.counts('mention'), counts(3534, 1, 1));
  assert.deepEqual(s.scorer.totals.counts('concept', f[4]).fp + s.scorer.totals.counts('concept', f[4]).fn, 0);
  assert.deepEqual(s.results.flatMap((r) => r.differences).map((d) => d.note?.kind), ['boundary', 'boundary']);
  assert.deepEqual(compare(text, shifted.join('\n'), { match: 'overlap' }).scorer.totals.counts('mention'), counts(3535, 0, 0));

  // 2. Three mention rows deleted: three FN mentions (BioRED lists each span once).
  const deleted = gold.filter((_, i) => !mentionLines.slice(20, 23).includes(i));
  assert.deepEqual(compare(text, deleted.join('\n')).scorer.totals.counts('mention'), counts(3532, 0, 3));

  // 3. BioRED relations are unordered: the two ids swapped still match; declared directed, one FP and one FN.
  const r = relationLines[0];
  const rf = gold[r].split('\t');
  const swapped = [...gold];
  swapped[r] = [rf[0], rf[1], rf[3], rf[2], ...rf.slice(4)].join('\t');
  assert.deepEqual(compare(text, swapped.join('\n')).scorer.totals.counts('relation'), counts(1163, 0, 0));
  const directed = compare(text, swapped.join('\n'), { symmetric: symmetryRule({ directed: [rf[1]] }) });
  assert.deepEqual(directed.scorer.totals.counts('relation'), counts(1162, 1, 1));
  assert.deepEqual(directed.results.flatMap((x) => x.differences).map((d) => d.note?.kind), ['reversed', 'reversed']);

  // 4. A relation deleted: one FN.
  const noRelation = gold.filter((_, i) => i !== relationLines[5]);
  assert.deepEqual(compare(text, noRelation.join('\n')).scorer.totals.counts('relation'), counts(1162, 0, 1));

  // 5. The first document left out of the predictions: its items are false negatives, or not scored.
  const firstEnd = gold.indexOf('');
  const firstDoc = gold.slice(0, firstEnd);
  const firstMentions = new Set(firstDoc.filter(isMention).map((l) => l.split('\t').slice(1, 3).concat(l.split('\t')[4]).join(' '))).size;
  const firstRelations = firstDoc.filter(isRelation).length;
  const without = gold.slice(firstEnd + 1).join('\n');
  const all = compare(text, without);
  assert.deepEqual(all.scorer.documents, { gold: 100, predicted: 99, shared: 99, onlyGold: 1, onlyPredicted: 0 });
  assert.deepEqual(all.scorer.totals.counts('mention'), counts(3535 - firstMentions, 0, firstMentions));
  assert.deepEqual(all.scorer.totals.counts('relation'), counts(1163 - firstRelations, 0, firstRelations));
  const shared = compare(text, without, { documents: 'intersection' });
  assert.deepEqual(shared.scorer.totals.counts('mention'), counts(3535 - firstMentions, 0, 0));

  // 6. A mention's type changed: one FP and one FN at the mention level, noted as a wrong type.
  const t = mentionLines[30];
  const tf = gold[t].split('\t');
  const retyped = [...gold];
  retyped[t] = [...tf.slice(0, 4), tf[4] === 'ChemicalEntity' ? 'GeneOrGeneProduct' : 'ChemicalEntity', ...tf.slice(5)].join('\t');
  const w = compare(text, retyped.join('\n'));
  assert.deepEqual(w.scorer.totals.counts('mention'), counts(3534, 1, 1));
  assert.deepEqual(w.results.flatMap((x) => x.differences).filter((d) => d.level === 'mention').map((d) => d.note?.kind), ['wrong-type', 'wrong-type']);
});

test('document order does not change the counts', { skip: corporaSkip }, () => {
  const text = read('bc5cdr-eval-sample/CDR_sample.test.CID.PubTator');
  const gold = read(EVAL + 'CDR_sample.gold.PubTator');
  const reversed = text.trim().split(/\n\s*\n/).reverse().join('\n\n') + '\n';
  assert.deepEqual(compare(gold, reversed).scorer.totals.scores(), compare(gold, text).scorer.totals.scores());
});
