// What the .vsix will hold, as `vsce ls` reports it: exactly the manifest, README, CHANGELOG,
// LICENSE, icon, grammar, language configuration, the corpus schema's JSON Schema, the bundles the manifest and the clients start,
// the preview webview's script and stylesheet, and the walkthrough's media and sample; nothing
// else (.vscodeignore is an allow-list, so a file let in by mistake, or a needed one left out,
// fails here).

import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/paths';
import { ensureServerBuilt } from './support/server';

const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

/** Files every package holds whatever the manifest says. */
const FIXED = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'language-configuration.json', 'syntaxes/pubtator.tmLanguage.json'];
/**
 * Bundles the manifest does not name: the language servers the clients start, the Node one
 * (client/src/extension.ts) and, with a `browser` entry, the web worker one beside it.
 */
const SERVER_BUNDLES = ['dist/server/server.js', ...(manifest.browser ? ['dist/web/server.js'] : [])];
/** The preview webview's script and stylesheet (client/src/preview/webviewHtml.ts loads them). */
const WEBVIEW_ASSETS = ['dist/client/preview.js', 'dist/client/preview.css'];
/** Every bundle the package needs (built first when one is missing). */
const BUNDLES = [manifest.main, manifest.browser, ...SERVER_BUNDLES, ...WEBVIEW_ASSETS].filter(Boolean).map((p: string) => p.replace(/^\.\//, ''));
/** The entity families' coloured dots for the type picker (client/src/preview/familyIcons.ts), one per theme kind. */
const FAMILY_ICONS = readdirSync(join(repoRoot, 'media', 'families')).map((f) => `media/families/${f}`);
/** The walkthrough's sample, which client/src/walkthrough.ts opens (the manifest names the rest of its media). */
const WALKTHROUGH_SAMPLE = 'media/walkthrough/sample.pubtator';

type Media = { image?: string | Record<string, string>; markdown?: string; svg?: string };

/** Every file the manifest points at: icon, grammars, language configurations, JSON schemas, entries, walkthrough media. */
function manifestFiles(): string[] {
  const rel = (p: string): string => p.replace(/^\.\//, '');
  const files = [manifest.icon, manifest.main, manifest.browser].filter(Boolean).map(rel);
  for (const g of manifest.contributes.grammars ?? []) files.push(rel(g.path));
  for (const l of manifest.contributes.languages ?? []) if (l.configuration) files.push(rel(l.configuration));
  for (const j of manifest.contributes.jsonValidation ?? []) if (!/^https?:/.test(j.url)) files.push(rel(j.url));
  for (const w of manifest.contributes.walkthroughs ?? []) {
    for (const step of w.steps as Array<{ media: Media }>) {
      const { image, markdown, svg } = step.media;
      files.push(...[markdown, svg].filter((p): p is string => !!p).map(rel));
      if (typeof image === 'string') files.push(rel(image));
      else if (image) files.push(...Object.values(image).map(rel));
    }
  }
  return files;
}

describe('vsix contents', () => {
  let files: string[] = [];

  before(() => {
    ensureServerBuilt();
    if (!BUNDLES.every((f) => existsSync(join(repoRoot, f)))) {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    }
    const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    files = out.split('\n').map((l) => l.trim()).filter(Boolean);
  });

  it('is exactly the allowed set: manifest files, bundles, webview assets, icon, grammar, language configuration, walkthrough media', () => {
    const allowed = [...new Set([...FIXED, ...SERVER_BUNDLES, ...WEBVIEW_ASSETS, WALKTHROUGH_SAMPLE, ...FAMILY_ICONS, ...manifestFiles()])].sort();
    assert.deepEqual([...files].sort(), allowed);
  });

  it('holds every file of media/walkthrough, so each is used by the walkthrough', () => {
    const folder = join(repoRoot, 'media', 'walkthrough');
    const onDisk = readdirSync(folder).map((f) => `media/walkthrough/${f}`).sort();
    assert.deepEqual(onDisk, files.filter((f) => f.startsWith('media/walkthrough/')).sort(), 'a file in media/walkthrough is not used (or not packaged)');
  });

  it('holds no sources, source maps, tests, node_modules or build leftovers', () => {
    const unwanted = files.filter((f) =>
      (/\.(ts|map|svg|vsix)$/.test(f) && !FAMILY_ICONS.includes(f)) || /(^|\/)node_modules\//.test(f) ||
      /^(test|out|bench|scripts|server|client|samples|docs|\.ci|\.vscode-test)\//.test(f));
    assert.deepEqual(unwanted, []);
  });
});
