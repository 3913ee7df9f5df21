// compare's type filters: a type neither file has is an error listing those
// they have (exit 2, no table of zeros); a gold type the predicted file never
// uses is named under the table.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingOnPredicted, unknownTypes } from '../../../server/src/service/compare/typeFilter';
import { scoreOf } from '../../../server/src/service/compare/tally';
import { ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

const seen = (gold: string[], predicted: string[]) => ({ gold: new Set(gold), predicted: new Set(predicted) });

test('unknownTypes: names neither side has, with the types they have and a near spelling', () => {
  assert.deepEqual(unknownTypes(undefined, seen(['Disease'], []), 'type'), []);
  assert.deepEqual(unknownTypes(['Disease'], seen(['Disease'], []), 'type'), []);
  assert.deepEqual(unknownTypes(['Chemical'], seen([], ['Chemical']), 'type'), []);
  assert.deepEqual(unknownTypes(['Diseas', 'Gene'], seen(['Disease', 'Chemical'], ['Chemical']), 'type'), [
    "no type 'Diseas' in either file (they have: Chemical, Disease); did you mean 'Disease'?",
    "no type 'Gene' in either file (they have: Chemical, Disease)",
  ]);
  assert.deepEqual(unknownTypes(['none'], seen([], []), 'relation type'), ["no relation type 'none' in either file (they have no relation types at all)"]);
});

test('missingOnPredicted: a mention or relation type with gold items and no predicted item at all', () => {
  const scores = [
    scoreOf('mention', 'Chemical', { tp: 3, fp: 1, fn: 0 }),
    scoreOf('mention', 'Disease', { tp: 0, fp: 0, fn: 1234 }),
    scoreOf('mention', 'Gene', { tp: 0, fp: 2, fn: 5 }),
    scoreOf('concept', 'Disease', { tp: 0, fp: 0, fn: 10 }),
    scoreOf('relation', 'CID', { tp: 0, fp: 0, fn: 7 }),
    scoreOf('mention', '*', { tp: 0, fp: 0, fn: 9 }),
  ];
  assert.deepEqual(missingOnPredicted(scores, (n) => n.toLocaleString('en-US')), [
    'PREDICTED has no Disease mentions (GOLD has 1,234): all are false negatives, which lowers the micro scores.',
    'PREDICTED has no CID relations (GOLD has 7): all are false negatives, which lowers the micro scores.',
  ]);
});

test('the CLI: a typo in --entity-types or --relation-types exits 2 with the types the files have; a missing type is noted', () => {
  const gold = join(tmp.path, 'gold.pubtator');
  const predicted = join(tmp.path, 'predicted.pubtator');
  writeFileSync(gold, '1|t|Aspirin causes headache\n1|a|x\n1\t0\t7\tAspirin\tChemical\tD1\n1\t15\t23\theadache\tDisease\tD2\n1\tCID\tD1\tD2\n\n');
  writeFileSync(predicted, '1|t|Aspirin causes headache\n1|a|x\n1\t0\t7\tAspirin\tChemical\tD1\n\n');
  const typo = run(['compare', gold, predicted, '--entity-types', 'Diseas']);
  assert.equal(typo.code, 2);
  assert.equal(typo.stdout, '');
  assert.equal(typo.stderr, "pubtator: no type 'Diseas' in either file (they have: Chemical, Disease); did you mean 'Disease'?\n");
  const none = run(['compare', gold, predicted, '--relation-types', 'none']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /no relation type 'none' in either file \(they have: CID\)/);
  const plain = run(['compare', gold, predicted]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.match(plain.stdout, /\n\nPREDICTED has no Disease mentions \(GOLD has 1\): all are false negatives/);
  assert.match(plain.stdout, /PREDICTED has no CID relations \(GOLD has 1\)/);
  const filtered = run(['compare', gold, predicted, '--entity-types', 'Chemical']);
  assert.equal(filtered.code, 0);
  assert.doesNotMatch(filtered.stdout, /Disease mentions/);
});
