// The web extension's bundles as they are packaged (minified, as
// `vscode:prepublish` builds them): the worker server stays under 1 MB, since
// vscode.dev downloads it before the first check of the first file. Built here
// into a temporary folder, so the test does not depend on what dist/ holds.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths';

const LIMIT = 1024 * 1024;

describe('web bundles, minified', () => {
  const out = mkdtempSync(join(tmpdir(), 'pubtator-web-bundle-'));

  before(() => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--minify', '--outdir', out], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  });

  after(() => rmSync(out, { recursive: true, force: true }));

  it('the worker server is under 1 MB', () => {
    const bytes = statSync(join(out, 'web', 'server.js')).size;
    assert.ok(bytes < LIMIT, `dist/web/server.js is ${bytes} bytes`);
  });

  it('neither web bundle loads a module at run time but vscode', () => {
    for (const name of ['server.js', 'extension.js']) {
      const text = readFileSync(join(out, 'web', name), 'utf8');
      const required = [...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(required)].filter((m) => m !== 'vscode'), [], name);
    }
  });
});
