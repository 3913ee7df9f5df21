// Finding the files to check in folders: by name, by how they begin, by
// --include; the data files left out are named, a folder with nothing to
// check is an error (exit 2), never "Checked 0 files".
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { discover, NO_FILES } from '../../../server/src/cli/discover';
import { skippedMessage } from '../../../server/src/cli/discoveryReport';
import { globMatcher } from '../../../server/src/cli/includeGlob';
import { mayHoldPubtator, startsLikePubtator } from '../../../server/src/service/knowledge/fileContent';
import { ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

const DOC = '1|t|Hello\n1|a|World.\n1\t0\t5\tHello\tDisease\tD1\n\n';

/** A folder of files, path to content; returns its path. */
function folder(name: string, files: Record<string, string | Buffer>): string {
  const dir = join(tmp.path, name);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

test('a file begins like PubTator when its first non-blank line is ID|t| or ID|a|', () => {
  assert.equal(startsLikePubtator(DOC), true);
  assert.equal(startsLikePubtator('\ufeff\n\n  \n12345|a|Only an abstract'), true);
  assert.equal(startsLikePubtator('BC8_BioRED_Task1_Doc500|t|x'), true);
  assert.equal(startsLikePubtator('7|title|tmVar full text'), true);
  assert.equal(startsLikePubtator('D000001\tKetamine\n'), false);
  assert.equal(startsLikePubtator('# notes\n1|t|x'), false);
  assert.equal(startsLikePubtator('1\t0\t5\tHello\tDisease'), false);
  assert.equal(startsLikePubtator('a\tb|t|c'), false);
  assert.equal(startsLikePubtator(''), false);
});

test('names worth a look at their content: text and TSV data, near misses of pubtator; not hidden files, JSON or Markdown', () => {
  for (const name of ['CDR_sample.txt', 'x.TSV', 'a.tab', 'results.pubtatur', 'NCBItrainset_corpus.txt']) assert.equal(mayHoldPubtator(name), true, name);
  for (const name of ['.notes.txt', 'readme.md', 'x.json', 'image.png', 'script.py']) assert.equal(mayHoldPubtator(name), false, name);
});

test('--include globs match the file name, * and ? as in a shell, any case, other characters literally', () => {
  const m = globMatcher(['*.txt', 'CDR_?.data']);
  assert.equal(m('a.txt'), true);
  assert.equal(m('A.TXT'), true);
  assert.equal(m('atxt'), false);
  assert.equal(m('CDR_1.data'), true);
  assert.equal(m('CDR_12.data'), false);
  assert.equal(globMatcher([])('a.txt'), false);
  fc.assert(fc.property(fc.string(), (name) => globMatcher([name.replace(/[*?]/g, '')])(name.replace(/[*?]/g, ''))));
  fc.assert(fc.property(fc.string(), (name) => globMatcher(['*'])(name)));
});

test('the skipped message counts, names up to five and says what to do', () => {
  assert.equal(skippedMessage([]), '');
  assert.equal(skippedMessage(['a.txt']), 'pubtator: 1 file skipped: name not recognised; pass it by name or `--include GLOB`: a.txt\n');
  const seven = ['1', '2', '3', '4', '5', '6', '7'].map((n) => `${n}.txt`);
  assert.equal(skippedMessage(seven), 'pubtator: 7 files skipped: name not recognised; pass them by name or `--include GLOB`: 1.txt, 2.txt, 3.txt, 4.txt, 5.txt and 2 more\n');
});

test('discover: PubTator names, data files that begin like PubTator (gzipped too), the rest of the data named as skipped', async () => {
  const dir = folder('mixed', {
    'results.pubtatur.txt': DOC,
    'sub/NCBItrainset_corpus.txt': DOC,
    'sub/c.txt.gz': gzipSync(DOC),
    'sub/d.txt.gz': gzipSync('not pubtator'),
    'tmVar.Normalization.txt': 'a table\n',
    'empty.txt': '',
    'a.pubtator': 'named so: checked whatever it holds',
    'x.json': '{}',
    '.hidden.txt': DOC,
  });
  const found = await discover([dir]);
  assert.deepEqual(found.problems, []);
  assert.deepEqual(found.files.map((f) => f.path.slice(dir.length + 1)).sort(),
    ['a.pubtator', 'results.pubtatur.txt', 'sub/NCBItrainset_corpus.txt', 'sub/c.txt.gz']);
  assert.deepEqual(found.skipped.map((p) => p.slice(dir.length + 1)).sort(), ['empty.txt', 'sub/d.txt.gz', 'tmVar.Normalization.txt']);
  const included = await discover([dir], { include: ['tmVar*'] });
  assert.ok(included.files.some((f) => f.path.endsWith('tmVar.Normalization.txt')));
  assert.equal(included.skipped.some((p) => p.endsWith('tmVar.Normalization.txt')), false);
});

test('discover: a folder with nothing to check is a problem; a file named is taken whatever its name', async () => {
  const empty = folder('empty', {});
  const only = folder('only-notes', { 'notes.txt': 'hello\n' });
  const found = await discover([empty, only, join(only, 'notes.txt')]);
  assert.deepEqual(found.problems, [{ path: empty, reason: NO_FILES }, { path: only, reason: NO_FILES }]);
  assert.deepEqual(found.files.map((f) => f.path), [join(only, 'notes.txt')]);
});

test('the CLI: an empty folder exits 2 with compare\'s message for check, stats and compare; skipped files are named', () => {
  const empty = folder('cli-empty', {});
  for (const args of [['check', empty], ['stats', empty], ['check', '--fix-dry-run', empty], ['compare', empty, empty]]) {
    const r = run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /cli-empty: no PubTator files \(.*\) in this folder/, args.join(' '));
  }
  const dir = folder('cli-mixed', { 'CDR_sample.txt': DOC, 'tmVar.Normalization.txt': 'a table\n' });
  const r = run(['check', dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Checked 1 file/m);
  assert.match(r.stderr, /1 file skipped: name not recognised; pass it by name or `--include GLOB`: .*tmVar\.Normalization\.txt/);
  const included = run(['check', '--include', '*.txt', dir]);
  assert.equal(included.code, 2);
  assert.match(included.stderr, /tmVar\.Normalization\.txt: not a PubTator file/);
  assert.equal(run(['check', '--include', '', dir]).code, 2);
});
