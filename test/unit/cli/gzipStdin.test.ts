// gzip is told by its first bytes, not only by a .gz name: on stdin, and in a
// file named otherwise, it is decompressed as it is read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { isGzipStart } from '../../../server/src/cli/readInput';
import { CLI_FIXTURES, diagnosticLines, ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

test('isGzipStart: the magic number 1f 8b, nothing shorter', () => {
  assert.equal(isGzipStart(gzipSync('x')), true);
  assert.equal(isGzipStart(Buffer.from('1|t|x')), false);
  assert.equal(isGzipStart(Buffer.from([0x1f])), false);
  assert.equal(isGzipStart(Buffer.alloc(0)), false);
});

test('check - < file.gz gives what the plain file gives; so does a gzipped file named without .gz; stats and compare too', () => {
  const text = readFileSync(join(CLI_FIXTURES, 'errors.pubtator'));
  const plain = run(['check', 'errors.pubtator']);
  const fromStdin = run(['check', '-'], { input: gzipSync(text) });
  assert.equal(fromStdin.code, plain.code, fromStdin.stderr);
  assert.deepEqual(diagnosticLines(fromStdin.stdout), diagnosticLines(plain.stdout).map((l) => l.replace('errors.pubtator', '-')));
  const misnamed = join(tmp.path, 'errors.pubtator');
  writeFileSync(misnamed, gzipSync(text));
  assert.deepEqual(diagnosticLines(run(['check', misnamed]).stdout), diagnosticLines(plain.stdout).map((l) => l.replace('errors.pubtator', misnamed)));
  const stats = run(['stats', '--json', '-'], { input: gzipSync(text) });
  assert.equal(JSON.parse(stats.stdout).total.documents, JSON.parse(run(['stats', '--json', 'errors.pubtator']).stdout).total.documents);
  const compare = run(['compare', 'errors.pubtator', '-'], { input: gzipSync(text) });
  assert.equal(compare.code, 0, compare.stderr);
  assert.match(compare.stdout, /all \(micro\) +\d+ +0 +0 +1\.0000/);
  const truncated = run(['check', '-'], { input: gzipSync(text).subarray(0, 40) });
  assert.equal(truncated.code, 2);
  assert.match(truncated.stderr, /-: truncated gzip data/);
});
