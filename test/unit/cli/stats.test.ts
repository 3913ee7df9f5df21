// `pubtator stats`: counts of what files hold, the same however the files are
// cut into chunks and on however many threads, with the offset unit guessed
// from the mentions that tell units apart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommandLine } from '../../../server/src/cli/args';
import { guessUnit, StatsCounter, StatsTotal } from '../../../server/src/service/features/corpusStats';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { corporaDir, corporaSkip } from '../../support/paths';
import { doc, file, row } from '../../support/build';
import { ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

const TEXT = file(
  doc('1', 'Aspirin and headache', 'Aspirin helps.',
    row(1, 0, 7, 'Aspirin', 'Chemical', 'MESH:D001241'), row(1, 12, 20, 'headache', 'Disease', 'D006261'),
    row(1, 21, 28, 'Aspirin', 'Chemical', 'MESH:D001241'), row(1, 'CID', 'MESH:D001241', 'D006261')),
  // NLM-Chem: a second block of document 1 is a continuation, not another document.
  ['1|t|More text', '1|a|', row(1, 0, 4, 'More', 'Gene', '5444|-1')].join('\n'),
  ['2|t|Only a title', row(2, 0, 4, 'Only', 'Gene', '-')].join('\n'),
);

function count(text: string) {
  const counter = new StatsCounter();
  for (const d of parsePubtator(text).documents) counter.addDocument(d);
  return counter.result();
}

test('counts documents, passages by layout, mentions, concepts and namespaces per type, relations per type', () => {
  const s = count(TEXT);
  assert.equal(s.documents, 2);
  assert.equal(s.passages, 5);
  assert.deepEqual(s.layouts, { 't a': 2, t: 1 });
  assert.equal(s.mentions, 5);
  assert.equal(s.relations, 1);
  assert.deepEqual(s.relationTypes, { CID: 1 });
  assert.equal(s.types.Chemical.mentions, 2);
  assert.equal(s.types.Chemical.concepts.length, 1);
  assert.deepEqual(s.types.Chemical.namespaces, { MESH: 2 });
  assert.deepEqual(s.types.Disease.namespaces, { 'mesh (bare)': 1 });
  assert.deepEqual(s.types.Gene.namespaces, { number: 1, '(none)': 1 }, 'a composite part -1 names nothing; "-" names no concept');
  // Totals keep concepts distinct across chunks.
  const total = new StatsTotal();
  total.add(count(TEXT));
  total.add(count(TEXT));
  assert.equal(total.result().mentions, 10);
  assert.deepEqual(total.conceptCounts(), { Chemical: 1, Disease: 1, Gene: 1 });
});

test('the offset unit is voted by the mentions that tell units apart', () => {
  // After an emoji, code points and UTF-16 units differ by one.
  const astral = doc('7', '\u{1F600} Aspirin', '', row(7, 2, 9, 'Aspirin', 'Chemical', 'X'));
  assert.deepEqual(count(astral).units, { codepoint: 1, utf16: 0, utf8: 0 });
  const utf16 = doc('7', '\u{1F600} Aspirin', '', row(7, 3, 10, 'Aspirin', 'Chemical', 'X'));
  assert.equal(guessUnit(count(utf16).units), 'utf16');
  // After "é" (two UTF-8 bytes) byte offsets are one more than characters.
  const bytes = doc('8', 'Café aspirin', '', row(8, 6, 13, 'aspirin', 'Chemical', 'X'));
  assert.equal(guessUnit(count(bytes).units), 'utf8');
  assert.equal(guessUnit(count(doc('9', 'Plain aspirin', '', row(9, 6, 13, 'aspirin', 'Chemical', 'X'))).units), undefined);
});

test('`stats` parses its own options and refuses those of check', () => {
  assert.deepEqual(parseCommandLine(['stats', '--json', '-j', '2', 'x']), { kind: 'stats', paths: ['x'], json: true, severities: {}, jobs: 2 });
  for (const bad of [['stats'], ['stats', '--fix', 'x'], ['stats', '--format', 'sarif', 'x'], ['stats', '--quiet', 'x']]) {
    assert.equal(parseCommandLine(bad).kind, 'usage', bad.join(' '));
  }
});

test('the command line: a table, JSON, and the same counts in chunks and on threads', () => {
  const path = join(tmp.path, 'stats.pubtator');
  writeFileSync(path, (TEXT + '\n\n').repeat(300).split('\n1|').map((l, i) => (i ? `\n${1000 + (i >> 2)}|` : '') + l).join(''));
  const table = run(['stats', path]);
  assert.equal(table.code, 0, table.stderr);
  assert.match(table.stdout, /^1 file, [\d.]+ KB: [\d,]+ documents, [\d,]+ passages \(t\+a [\d,]+, t [\d,]+\), [\d,]+ mentions, [\d,]+ relations\.$/m);
  assert.match(table.stdout, /^Entity type +Mentions +Concepts +Id namespaces$/m);
  assert.match(table.stdout, /^Relation type +Relations$/m);
  const one = run(['stats', '--json', '--jobs', '1', path], { env: { PUBTATOR_CHUNK_BYTES: '1' } });
  const whole = run(['stats', '--json', '--jobs', '1', path]);
  const threads = run(['stats', '--json', '--jobs', '2', path], { env: { PUBTATOR_CHUNK_BYTES: '2048' } });
  assert.deepEqual(JSON.parse(one.stdout), JSON.parse(whole.stdout), 'one chunk per document gives the counts of one chunk per file');
  assert.deepEqual(JSON.parse(threads.stdout), JSON.parse(whole.stdout), 'threads give the same counts');
  const j = JSON.parse(whole.stdout);
  assert.equal(j.total.entityTypes.Chemical.concepts, 1);
  assert.equal(j.files[0].documents, j.total.documents);
});

test('every real corpus: stats in JSON, counts matching check', { skip: corporaSkip }, () => {
  const stats = JSON.parse(run(['stats', '--json', corporaDir]).stdout);
  const check = JSON.parse(run(['check', '--json', corporaDir]).stdout.trim().split('\n').pop()!).summary;
  // Both also read the BioC files in the folder (docs/bioc.md); compared file by file in biocStatsStream.test.ts:
  // here the two without the bioc/ folder (which also holds a few PubTator twins).
  const biocDir = join(corporaDir, 'bioc');
  const statsBioc = JSON.parse(run(['stats', '--json', biocDir]).stdout);
  const checkBioc = JSON.parse(run(['check', '--json', biocDir]).stdout.trim().split('\n').pop()!).summary;
  const minus = (codes: Record<string, number>, less: Record<string, number>) => {
    const out = { ...codes };
    for (const [code, n] of Object.entries(less)) if ((out[code] -= n) === 0) delete out[code];
    return out;
  };
  for (const key of ['documents', 'mentions', 'relations'] as const) {
    stats.total[key] -= statsBioc.total[key];
    check[key] -= checkBioc[key];
  }
  stats.total.problems = minus(stats.total.problems, statsBioc.total.problems);
  check.codes = minus(check.codes, checkBioc.codes);
  assert.equal(stats.total.documents, check.documents);
  assert.equal(stats.total.mentions, check.mentions);
  assert.equal(stats.total.relations, check.relations);
  assert.deepEqual(stats.total.problems, check.codes);
  assert.equal(stats.total.offsets.unit, 'codepoint');
});
