// `pubtator compare` as users and CI run it: the table, --json lines exactly
// as specified, --details, the options, folders, .gz and stdin, inputs in
// different orders, and inputs that cannot be read (exit 2).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { corporaDir, corporaSkip } from '../../support/paths';
import { doc, file } from '../compare/support';
import { ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

const LIDO = [0, 9, 'Lidocaine', 'Chemical', 'D008012'] as const;
const ASYSTOLE = [18, 34, 'cardiac asystole', 'Disease', 'D006323'] as const;
const DOPA = [39, 50, 'methyl dopa', 'Chemical', 'D008750'] as const;
const GOLD = file(doc('1', [[...LIDO], [...ASYSTOLE]], [['CID', 'D008012', 'D006323']]), doc('2', [[...DOPA]]));
const PREDICTED = file(doc('1', [[...LIDO], [18, 25, 'cardiac', 'Disease', 'D006323']], [['CID', 'D006323', 'D008012']]), doc('3', [[...DOPA]]));

function write(name: string, text: string | Buffer): string {
  const path = join(tmp.path, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const gold = write('gold.pubtator', GOLD);
const predicted = write('predicted.pubtator', PREDICTED);
const jsonLines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

test('the table: one row per level and type with TP, FP, FN, precision, recall, F1; then the documents; exit 0', () => {
  const r = run(['compare', gold, predicted]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^level +type +TP +FP +FN +precision +recall +F1$/m);
  assert.match(r.stdout, /^mention +Chemical +1 +1 +1 +0\.5000 +0\.5000 +0\.5000$/m);
  assert.match(r.stdout, /^mention +Disease +0 +1 +1 +0\.0000 +0\.0000 +0\.0000$/m);
  assert.match(r.stdout, /^relation +CID +0 +1 +1 +0\.0000 +0\.0000 +0\.0000$/m);
  assert.match(r.stdout, /^1 document only in GOLD \(2\), scored: their items are false negatives\.$/m);
  assert.match(r.stdout, /^1 document only in PREDICTED \(3\), scored: their items are false positives\.$/m);
});

test('--json: the level lines exactly as specified (micro "*", macro "*macro"), then one summary line', () => {
  const r = run(['compare', '--json', gold, predicted]);
  assert.equal(r.code, 0, r.stderr);
  const lines = jsonLines(r.stdout);
  const summary = lines.pop()!;
  for (const l of lines) assert.deepEqual(Object.keys(l), ['level', 'type', 'tp', 'fp', 'fn', 'precision', 'recall', 'f1']);
  assert.deepEqual(lines.map((l) => `${l.level} ${l.type}`), [
    'mention Chemical', 'mention Disease', 'mention *', 'mention *macro',
    'concept Chemical', 'concept Disease', 'concept *', 'concept *macro',
    'relation CID', 'relation *', 'relation *macro',
  ]);
  assert.deepEqual(lines[2], { level: 'mention', type: '*', tp: 1, fp: 2, fn: 2, precision: 1 / 3, recall: 1 / 3, f1: 1 / 3 });
  assert.deepEqual((summary.summary as Record<string, unknown>).documents, { gold: 2, predicted: 2, shared: 1, onlyGold: 1, onlyPredicted: 1 });
});

test('--details: a line per false positive and false negative with file, line and document, and per one-sided document', () => {
  const r = run(['compare', '--details', gold, predicted]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, new RegExp(`^${predicted}:4: FP mention Disease 18-25 "cardiac" in document 1; GOLD has 18-34 "cardiac asystole" \\(line 4\\)$`, 'm'));
  assert.match(r.stdout, new RegExp(`^${gold}:4: FN mention Disease 18-34 "cardiac asystole" in document 1; PREDICTED has 18-25 "cardiac" \\(line 4\\)$`, 'm'));
  assert.match(r.stdout, new RegExp(`^${predicted}:5: FP relation CID D006323 D008012 in document 1; GOLD has it with the ids the other way round \\(line 5\\)$`, 'm'));
  assert.match(r.stdout, new RegExp(`^${gold}:7: document 2 is only in GOLD \\(not in PREDICTED\\)$`, 'm'));
  const json = jsonLines(run(['compare', '--details', '--json', gold, predicted]).stdout);
  const fn = json.find((l) => l.kind === 'fn' && l.level === 'mention' && l.document === '1');
  assert.deepEqual(fn, {
    level: 'mention', type: 'Disease', kind: 'fn', file: gold, line: 3, document: '1', start: 18, end: 34, text: 'cardiac asystole', id: 'D006323',
    note: { kind: 'boundary', start: 18, end: 25, text: 'cardiac', otherLine: 3 },
  });
  assert.deepEqual(json.find((l) => l.level === 'document' && l.kind === 'only-predicted'), { level: 'document', kind: 'only-predicted', file: predicted, line: 6, document: '3' });
  assert.ok(json.findIndex((l) => 'kind' in l) < json.findIndex((l) => l.type === '*'), 'details come before the scores');
});

test('--match overlap, --documents intersection, --entity-types, --relation-types, --symmetric', () => {
  const micro = (args: string[], level: string) => jsonLines(run(['compare', '--json', ...args, gold, predicted]).stdout)
    .find((l) => l.level === level && l.type === '*');
  assert.deepEqual([micro(['--match', 'overlap'], 'mention')!.tp, micro(['--match', 'overlap'], 'mention')!.fn], [2, 1]);
  assert.deepEqual([micro(['--documents', 'intersection'], 'mention')!.fp, micro(['--documents', 'intersection'], 'mention')!.fn], [1, 1]);
  assert.equal(micro(['--entity-types', 'Disease'], 'mention')!.fn, 1);
  // Types neither file has score nothing: an error naming the types they have (compareTypes.test.ts).
  const absent = run(['compare', '--json', '--relation-types', 'Bind,Association', gold, predicted]);
  assert.equal(absent.code, 2);
  assert.match(absent.stderr, /no relation type 'Bind' in either file \(they have: CID\)/);
  assert.equal(micro(['--symmetric', 'CID'], 'relation')!.tp, 1);
});

test('folders, .gz and stdin are read as the checker reads them', () => {
  write('goldDir/a.pubtator', file(doc('1', [[...LIDO], [...ASYSTOLE]], [['CID', 'D008012', 'D006323']])));
  write('goldDir/sub/b.PubTator.txt.gz', gzipSync(file(doc('2', [[...DOPA]]))));
  write('goldDir/notes.txt', 'not PubTator');
  const fromFolder = run(['compare', '--json', join(tmp.path, 'goldDir'), predicted]);
  assert.equal(fromFolder.code, 0, fromFolder.stderr);
  const scores = (stdout: string) => jsonLines(stdout).filter((l) => 'tp' in l);
  assert.deepEqual(scores(fromFolder.stdout), scores(run(['compare', '--json', gold, predicted]).stdout));
  assert.deepEqual((jsonLines(fromFolder.stdout).pop()!.summary as Record<string, unknown>).files, { gold: 2, predicted: 1 });
  const stdin = run(['compare', '--json', gold, '-'], { input: PREDICTED });
  assert.equal(stdin.code, 0, stdin.stderr);
  assert.equal(jsonLines(stdin.stdout).find((l) => l.type === '*' && l.level === 'mention')!.tp, 1);
});

test('inputs listing documents in different orders: the same scores, and stderr says how they were paired', () => {
  const docs = Array.from({ length: 300 }, (_, i) => doc(String(100 + i), [[...LIDO], [...(i % 3 ? ASYSTOLE : DOPA)]]));
  const inOrder = write('many.pubtator', file(...docs));
  const shuffled = write('many-reversed.pubtator', file(...[...docs].reverse().slice(0, 290)));
  const r = run(['compare', '--json', inOrder, shuffled]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /do not list their documents in the same order.*Reading .* to its end and holding its documents in memory/);
  const micro = jsonLines(r.stdout).find((l) => l.level === 'mention' && l.type === '*');
  assert.deepEqual([micro!.tp, micro!.fp, micro!.fn], [580, 0, 20]);
  assert.equal((jsonLines(r.stdout).pop()!.summary as Record<string, unknown>).outOfOrder, true);
  assert.equal(run(['compare', inOrder, inOrder]).stderr, '');
});

test('usage mistakes and unreadable inputs exit 2 with a message and no stack trace', () => {
  const usage = [
    ['compare', gold],
    ['compare', gold, predicted, predicted],
    ['compare', '--match', 'fuzzy', gold, predicted],
    ['compare', '--documents', 'some', gold, predicted],
    ['compare', '--severity', 'text-mismatch=off', gold, predicted],
    ['compare', '--symmetric', 'CID', '--directed', 'CID', gold, predicted],
    ['check', '--details', gold],
    ['compare', '-', '-'],
  ];
  for (const args of usage) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^pubtator: .+\nUsage: pubtator check\|stats\|compare\|schema\|checks \[options\] FILE_OR_FOLDER\.\.\.\nRun 'pubtator --help' for usage\.\n$/, args.join(' '));
  }
  const missing = run(['compare', join(tmp.path, 'nope.pubtator'), predicted]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /nope\.pubtator: no such file or directory/);
  assert.equal(missing.stdout, '');
  const corrupt = write('corrupt.pubtator.gz', Buffer.concat([gzipSync(PREDICTED).subarray(0, 30)]));
  const r = run(['compare', '--json', gold, corrupt]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /corrupt\.pubtator\.gz: (truncated gzip data|not valid gzip data)/);
  assert.match(r.stderr, /could not be read in full; the scores cover what was read/);
  assert.doesNotMatch(r.stderr, /^\s+at .+:\d+/m);
  assert.match(run(['--help']).stdout, /pubtator compare \[options\] GOLD PREDICTED/);
});

test('the official CDR counts through the command line', { skip: corporaSkip }, () => {
  const dir = join(corporaDir, 'bc5cdr-eval-sample');
  const r = run(['compare', '--json', join(dir, 'CDR_sample.gold.PubTator'), join(dir, 'CDR_sample.test.CID.PubTator')]);
  assert.equal(r.code, 0, r.stderr);
  const got = Object.fromEntries(jsonLines(r.stdout).filter((l) => 'tp' in l).map((l) => [`${l.level} ${l.type}`, [l.tp, l.fp, l.fn]]));
  assert.deepEqual(got['mention Disease'], [303, 105, 121]);
  assert.deepEqual(got['concept Disease'], [149, 57, 65]);
  assert.deepEqual(got['mention Chemical'], [455, 8, 55]);
  assert.deepEqual(got['concept Chemical'], [135, 8, 15]);
  assert.deepEqual(got['relation CID'], [90, 533, 33]);
});
