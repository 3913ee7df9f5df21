// `pubtator check --mesh`: NLM files indexed once into the cache folder and
// reused, a built index opened directly, bad paths reported as usage errors.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { doc, file, row } from '../../support/build';
import { fixturesDir } from '../../support/paths';
import { CLI, diagnosticLines, ensureBuilt, tempDir, type Run } from './cliHarness';

const tmp = tempDir();
const cache = join(tmp.path, 'cache');
const input = join(tmp.path, 'mesh.pubtator');
const XML = ['desc2025.xml', 'supp2025.xml'].map((n) => join(fixturesDir, 'concepts', n));

before(() => {
  ensureBuilt();
  writeFileSync(input, file(doc('1', 'Ketamine for headache', '',
    row(1, 0, 8, 'Ketamine', 'Chemical', 'MESH:D007649'),
    row(1, 13, 21, 'headache', 'Disease', 'D010146'),
    row(1, 13, 21, 'headache', 'Disease', 'D006261'))));
});
after(() => tmp.remove());

/** The CLI with its cache folder inside the test's temporary folder. */
function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: tmp.path, encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_CACHE_HOME: cache },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function built(): string[] {
  return readdirSync(join(cache, 'pubtator')).filter((n) => n.endsWith('.idx'));
}

test('without --mesh, MeSH ids are not checked', () => {
  const r = cli('check', input);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(diagnosticLines(r.stdout), []);
});

test('--mesh with NLM files: indexed into the cache once, then unknown-mesh-id warns', () => {
  const first = cli('check', '--mesh', XML[0], '--mesh', XML[1], input);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /^pubtator: indexing the MeSH files \(once; the index is kept as .*mesh-[0-9a-f]{16}\.idx\)$/m);
  const lines = diagnosticLines(first.stdout);
  assert.equal(lines.length, 1);
  assert.match(lines[0], /mesh\.pubtator:5:26: warning unknown-mesh-id MeSH 2025 has no record "D006261"/);
  assert.match(first.stdout, /^ {2}unknown-mesh-id +1 {2}warning$/m);
  const [index] = built();
  const mtime = statSync(join(cache, 'pubtator', index)).mtimeMs;

  const again = cli('check', '--json', '--mesh', XML[1], '--mesh', XML[0], input);
  assert.equal(again.stderr, '', 'the index is reused, whatever the order of the files');
  assert.deepEqual(built(), [index]);
  assert.equal(statSync(join(cache, 'pubtator', index)).mtimeMs, mtime);
  const objects = again.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(objects[0].code, 'unknown-mesh-id');
});

test('--mesh with a built index; mesh-name-mismatch through --severity', () => {
  const index = join(cache, 'pubtator', built()[0]);
  const r = cli('check', '--mesh', index, '--severity', 'mesh-name-mismatch=error', input);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr, '');
  const lines = diagnosticLines(r.stdout);
  assert.deepEqual(lines.map((l) => / (\S+) (\S+) /.exec(l.slice(l.indexOf(': ')))?.slice(1, 3).join(' ')), [
    'error mesh-name-mismatch', 'warning unknown-mesh-id',
  ]);
  assert.match(lines[0], /"headache" is neither the MeSH name of D010146 \("Pain"\) nor any of its \d+ entry terms\./);
});

test('a bad --mesh is a usage error (exit 2) before any checking', () => {
  const missing = cli('check', '--mesh', join(tmp.path, 'nothere.xml'), input);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /pubtator: --mesh: .*nothere\.xml: cannot be read \(ENOENT\)/);
  assert.equal(missing.stdout, '');
  const notMesh = cli('check', '--mesh', input, input);
  assert.equal(notMesh.code, 2);
  assert.match(notMesh.stderr, /mesh\.pubtator: not a MeSH file/);
  const both = cli('check', '--mesh', join(cache, 'pubtator', built()[0]), '--mesh', XML[0], input);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--mesh takes one built MeSH index, or NLM's MeSH files, not both/);
  const checks = cli('checks', '--mesh', XML[0]);
  assert.equal(checks.code, 2);
  assert.match(checks.stderr, /--severity, --offsets and --mesh apply to 'check' only/);
});

test('--help documents --mesh', () => {
  const r = cli('--help');
  assert.match(r.stdout, /--mesh PATH {12}check MeSH ids against MeSH/);
  assert.match(r.stdout, /desc2025\.xml or d2025\.bin/);
});
