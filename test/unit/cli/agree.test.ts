// `pubtator agree` as users run it: the tables, --json lines in compare's
// shape with the token kappa lines, --by-document, compare's options, and
// usage errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { doc, file } from '../compare/support';
import { ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

const A = file(doc('1', [[0, 9, 'Lidocaine', 'Chemical', 'D008012'], [18, 34, 'cardiac asystole', 'Disease', 'D006323'],
  [39, 50, 'methyl dopa', 'Chemical', 'D008750']]));
const B = file(doc('1', [[0, 9, 'Lidocaine', 'Chemical', 'D008012'], [26, 34, 'asystole', 'Disease', 'D006323'],
  [52, 62, 'Depression', 'Disease', 'D003866']]));
const a = join(tmp.path, 'a.pubtator');
const b = join(tmp.path, 'b.pubtator');
writeFileSync(a, A);
writeFileSync(b, B);
const jsonLines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

test('--json: compare\'s lines with a and b, then the token lines with kappa', () => {
  const r = run(['agree', '--json', a, b]);
  assert.equal(r.code, 0, r.stderr);
  const lines = jsonLines(r.stdout);
  const mention = lines.find((l) => l.level === 'mention' && l.type === '*')!;
  assert.deepEqual(Object.keys(mention), ['level', 'type', 'a', 'b', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1']);
  assert.deepEqual([mention.a, mention.b, mention.tp, mention.fp, mention.fn, mention.f1], [a, b, 1, 2, 2, 1 / 3]);
  const tokens = lines.filter((l) => l.level === 'token');
  assert.deepEqual(tokens.map((l) => l.type), ['*', 'Chemical', 'Disease']);
  assert.equal(tokens[0].measure, 'cohen');
  assert.equal(tokens[0].tokens, 19);
  assert.ok(Math.abs((tokens[0].kappa as number) - 27 / 65) < 1e-12);
});

test('the tables: files lettered, F1 per pair, level and type, then kappa per label', () => {
  const r = run(['agree', a, b, a]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^A = .*a\.pubtator \(1 document\)$/m);
  assert.match(r.stdout, /^mention +Chemical +A-B +1 +1 +0 +0\.6667$/m);
  assert.match(r.stdout, /^mention +all \(micro\) +A-C +3 +0 +0 +1\.0000$/m);
  assert.match(r.stdout, /^token label +tokens +observed +chance +Fleiss' kappa$/m);
  assert.match(r.stdout, new RegExp(`^all types +19 +${(49 / 57).toFixed(4)} +\\S+ +${(193 / 307).toFixed(4)}$`, 'm'));
});

test('--by-document and compare\'s options', () => {
  const r = run(['agree', '--json', '--by-document', '--match', 'overlap', '--entity-types', 'Disease', a, b]);
  assert.equal(r.code, 0, r.stderr);
  const lines = jsonLines(r.stdout);
  const perDoc = lines.filter((l) => l.document === '1');
  assert.ok(perDoc.some((l) => l.level === 'mention' && l.type === 'Disease' && l.f1 === 2 / 3));
  assert.ok(perDoc.some((l) => l.level === 'token' && l.type === 'Disease'));
  assert.ok(!lines.some((l) => l.type === 'Chemical'));
});

test('usage: fewer than two files, --details, a bad --match; an unreadable file exits 2', () => {
  for (const args of [['agree', a], ['agree', '--details', a, b], ['agree', '--match', 'fuzzy', a, b]]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^pubtator: /);
  }
  const r = run(['agree', a, join(tmp.path, 'missing.pubtator')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /missing\.pubtator/);
});
