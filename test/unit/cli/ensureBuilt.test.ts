// `npm run pubtator` rebuilds a bundle older than its sources (scripts/ensure-built.mjs).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../../support/paths';
import { tempDir } from './cliHarness';

const tmp = tempDir();
after(() => tmp.remove());

const SCRIPT = pathToFileURL(join(repoRoot, 'scripts', 'ensure-built.mjs')).href;

function isStale(base: string): boolean {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', `import { isStale } from ${JSON.stringify(SCRIPT)}; console.log(isStale(${JSON.stringify(base)}));`], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim() === 'true';
}

function touch(path: string, seconds: number): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  utimesSync(path, seconds, seconds);
}

test('the bundle is stale when missing, or older than a source, the build script or the manifest; fresh otherwise', () => {
  const base = tmp.path;
  touch(join(base, 'server', 'src', 'cli', 'deep', 'a.ts'), 1000);
  touch(join(base, 'package.json'), 1000);
  assert.equal(isStale(base), true, 'missing');
  touch(join(base, 'dist', 'server', 'cli.js'), 2000);
  assert.equal(isStale(base), false, 'fresh');
  touch(join(base, 'server', 'src', 'cli', 'deep', 'b.ts'), 3000);
  assert.equal(isStale(base), true, 'a newer source deep down');
  touch(join(base, 'dist', 'server', 'cli.js'), 4000);
  touch(join(base, 'scripts', 'build.mjs'), 5000);
  assert.equal(isStale(base), true, 'a newer build script');
});
