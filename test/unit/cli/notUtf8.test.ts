// A Latin-1 file on the command line: one not-utf8 error naming the first
// invalid byte's line and column, the same on one thread and in small chunks
// on several, and --fix leaves the file alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnosticLines, ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

test('a Latin-1 file: one not-utf8 error at the first invalid byte, whatever the threads and chunks', () => {
  const docs: string[] = [];
  for (let i = 1; i <= 300; i++) docs.push(`${i}|t|Title ${i}\n${i}|a|Caf\u00e9 ${i} and na\u00efve rats.\n${i}\t0\t5\tTitle\tChemical\tD1\n`);
  const path = join(tmp.path, 'latin1.pubtator');
  writeFileSync(path, Buffer.from(docs.join('\n'), 'latin1'));
  const one = run(['check', '--jobs', '1', path]);
  assert.equal(one.code, 1, one.stderr);
  const lines = diagnosticLines(one.stdout);
  assert.deepEqual(lines.map((l) => l.split(' ')[2]), ['not-utf8']);
  assert.match(lines[0], /latin1\.pubtator:2:8: error not-utf8 This file is not valid UTF-8: the first invalid byte is here \(line 2, column 8\), read as U\+FFFD, and 300 documents have such bytes/);
  const many = run(['check', '--jobs', '3', path], { env: { PUBTATOR_CHUNK_BYTES: '2048' } });
  assert.deepEqual(diagnosticLines(many.stdout), lines);
  const before = readFileSync(path);
  const fixed = run(['check', '--fix', path]);
  assert.match(fixed.stdout + fixed.stderr, /not valid UTF-8/);
  assert.deepEqual(readFileSync(path), before);
});
