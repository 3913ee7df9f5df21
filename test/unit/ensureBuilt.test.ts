// `npm run pubtator` builds before it runs when the bundle is missing or older than a source
// (scripts/ensure-built.mjs): run here on a copy of the script in a small tree whose build
// script counts its runs, so the repository's own dist/ is left alone.

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths';

const tree = mkdtempSync(join(tmpdir(), 'pubtator-ensure-built-'));
after(() => rmSync(tree, { recursive: true, force: true }));

mkdirSync(join(tree, 'scripts'));
mkdirSync(join(tree, 'server', 'src', 'cli'), { recursive: true });
copyFileSync(join(repoRoot, 'scripts', 'ensure-built.mjs'), join(tree, 'scripts', 'ensure-built.mjs'));
// A stand-in for scripts/build.mjs: writes the bundle and counts its runs.
writeFileSync(join(tree, 'scripts', 'build.mjs'), [
  "import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';",
  "mkdirSync('dist/server', { recursive: true });",
  "writeFileSync('dist/server/cli.js', '');",
  "appendFileSync('builds.log', 'built\\n');",
].join('\n'));
writeFileSync(join(tree, 'package.json'), '{}');
const source = join(tree, 'server', 'src', 'cli', 'args.ts');
writeFileSync(source, 'export {};\n');
const past = new Date(Date.now() - 60_000);
for (const p of [join(tree, 'scripts', 'build.mjs'), join(tree, 'package.json'), source, join(tree, 'server', 'src', 'cli'), join(tree, 'server', 'src')]) utimesSync(p, past, past);

const ensure = (): void => { execFileSync(process.execPath, [join(tree, 'scripts', 'ensure-built.mjs')], { cwd: tree }); };
const builds = (): number => { try { return readFileSync(join(tree, 'builds.log'), 'utf8').split('\n').filter(Boolean).length; } catch { return 0; } };
const check = (): string => execFileSync(process.execPath, [join(tree, 'scripts', 'ensure-built.mjs'), '--check'], { cwd: tree, encoding: 'utf8' }).trim();

describe('scripts/ensure-built.mjs', () => {
  it('builds when the bundle is missing, then not again while nothing changed', () => {
    assert.equal(check(), 'build needed: dist/server/cli.js is missing');
    ensure();
    assert.equal(builds(), 1);
    assert.equal(check(), 'up to date');
    ensure();
    assert.equal(builds(), 1);
  });

  it('builds again when a source is newer than the bundle (an edit, a git pull)', () => {
    const bundle = join(tree, 'dist', 'server', 'cli.js');
    const built = new Date(Date.now() - 50_000);
    const edited = new Date(Date.now() - 20_000);
    utimesSync(bundle, built, built);
    utimesSync(source, edited, edited);
    assert.equal(check(), 'build needed: server/src changed since the last build');
    ensure();
    assert.equal(builds(), 2);
    assert.equal(check(), 'up to date');
  });
});
