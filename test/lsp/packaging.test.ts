// What the .vsix will hold, as `vsce ls` reports it: the bundles, grammar,
// language configuration and manifest, and none of the sources, tests or
// node_modules (.vscodeignore is an allow-list).

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths';
import { ensureServerBuilt } from './support/server';

const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');

describe('vsix contents', () => {
  let files: string[] = [];

  before(() => {
    ensureServerBuilt();
    if (!['client/extension.js', 'web/extension.js', 'web/server.js'].every((f) => existsSync(join(repoRoot, 'dist', f)))) {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    }
    const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    files = out.split('\n').map((l) => l.trim()).filter(Boolean);
  });

  it('holds the bundles, the grammar, the language configuration and the manifest', () => {
    for (const f of ['package.json', 'dist/client/extension.js', 'dist/client/preview.js', 'dist/client/preview.css', 'dist/server/server.js',
      'dist/web/extension.js', 'dist/web/server.js', 'syntaxes/pubtator.tmLanguage.json', 'language-configuration.json', 'LICENSE']) {
      assert.ok(files.includes(f), `${f} missing from ${JSON.stringify(files)}`);
    }
  });

  it('holds no sources, tests, node_modules or build leftovers', () => {
    const unwanted = files.filter((f) =>
      /\.ts$/.test(f) || /\.map$/.test(f) || /(^|\/)node_modules\//.test(f) ||
      /^(test|out|bench|scripts|server|client|samples|\.ci|\.vscode-test)\//.test(f) || /\.vsix$/.test(f));
    assert.deepEqual(unwanted, []);
  });
});
