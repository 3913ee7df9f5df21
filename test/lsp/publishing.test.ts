// Ready to publish: the package vsce builds (without --allow-missing-repository or
// --no-rewrite-relative-links), what Open VSX checks before accepting it (test/support/openVsx.ts
// says from which sources, and what cannot be checked offline), the packaged README's pictures,
// and the manifest fields the Visual Studio Marketplace and Open VSX show.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths';
import { openVsxIssues, type PackageToCheck, type XmlManifest } from '../support/openVsx';
import { ensureServerBuilt } from './support/server';

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const REPOSITORY = 'https://github.com/pubtator-tools/pubtator-vscode';
/** VS Code's list of extension categories (EXTENSION_CATEGORIES in the 1.139 workbench). */
const CATEGORIES = ['AI', 'Azure', 'Chat', 'Data Science', 'Debuggers', 'Extension Packs', 'Education', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization', 'Other'];
/** The Marketplace keeps at most 30 keywords (extension manifest reference). */
const MAX_KEYWORDS = 30;

type Zip = {
  readVSIXPackage(path: string): Promise<{ manifest: Record<string, unknown>; xmlManifest: XmlManifest }>;
  readZip(path: string, filter: (name: string) => boolean): Promise<Map<string, Buffer>>;
};
const zip = createRequire(join(repoRoot, 'package.json'))('@vscode/vsce/out/zip') as Zip;

/** Width, height and colour type of a PNG, from its IHDR chunk. */
function pngHeader(bytes: Buffer): { width: number; height: number; colourType: number } {
  assert.equal(bytes.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'not a PNG');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] };
}

describe('publishing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-vsix-'));
  const vsix = join(dir, 'pubtator.vsix');
  let packed: PackageToCheck;
  let readme = '';

  before(async () => {
    ensureServerBuilt();
    const bundles = [manifest.main, manifest.browser, 'dist/server/server.js', manifest.browser && 'dist/web/server.js'].filter(Boolean);
    if (!bundles.every((f: string) => existsSync(join(repoRoot, f)))) {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    }
    // Without a repository vsce asks on the terminal whether to go on: fail instead of waiting.
    assert.ok(manifest.repository, 'package.json has no repository');
    // vsce's own packaging (every check and rewrite of `vsce package`) minus the prepublish
    // build, which would rewrite dist/ under the other test files; in a child process, as its
    // file tree goes to stdout.
    const script = `require('@vscode/vsce/out/package').pack({ cwd: ${JSON.stringify(repoRoot)}, packagePath: ${JSON.stringify(vsix)}, dependencies: false })
      .then((r) => require('fs').writeFileSync(${JSON.stringify(`${vsix}.files.json`)}, JSON.stringify(r.files.map((f) => f.path))))
      .catch((e) => { console.error(e.message); process.exit(1); });`;
    execFileSync(process.execPath, ['-e', script], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    const files = JSON.parse(readFileSync(`${vsix}.files.json`, 'utf8')) as string[];
    const read = await zip.readVSIXPackage(vsix);
    packed = { ...read, entries: ['extension.vsixmanifest', '[Content_Types].xml', ...files] };
    readme = (await zip.readZip(vsix, (name) => name === 'extension/readme.md')).get('extension/readme.md')!.toString('utf8');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('npm run package is plain vsce package: no --allow-missing-repository, no --no-rewrite-relative-links', () => {
    assert.equal(manifest.scripts.package, 'vsce package --no-dependencies');
    assert.ok(existsSync(vsix));
  });

  it('passes the checks Open VSX makes before accepting a package', () => {
    assert.deepEqual(openVsxIssues(packed), []);
  });

  it('the Open VSX rules refuse what Open VSX refuses', () => {
    const metadata = packed.xmlManifest.PackageManifest.Metadata[0];
    const withIdentity = (change: Record<string, string>): PackageToCheck => ({
      ...packed,
      xmlManifest: { PackageManifest: { ...packed.xmlManifest.PackageManifest, Metadata: [{ ...metadata, Identity: [{ $: { ...metadata.Identity[0].$, ...change } }] }] } },
    });
    const withProperty = (id: string, value: string): PackageToCheck => ({
      ...packed,
      xmlManifest: { PackageManifest: { ...packed.xmlManifest.PackageManifest, Metadata: [{ ...metadata, Properties: [{ Property: metadata.Properties![0].Property.map((p) => (p.$.Id === id ? { $: { Id: id, Value: value } } : p)) }] }] } },
    });
    const refused = (pkg: PackageToCheck, reason: RegExp): void => {
      const issues = openVsxIssues(pkg);
      assert.ok(issues.some((i) => reason.test(i)), `expected ${reason}, got ${JSON.stringify(issues)}`);
    };
    refused(withIdentity({ Publisher: 'pubtator tools' }), /Invalid namespace name/);
    refused(withIdentity({ Id: 'pubtator/vscode' }), /Invalid extension name/);
    refused(withIdentity({ Version: 'latest' }), /reserved/);
    refused(withIdentity({ Version: '1.0' }), /Invalid semantic version/);
    refused(withIdentity({ TargetPlatform: 'amiga' }), /Unsupported target platform/);
    refused(withProperty('Microsoft.VisualStudio.Services.Links.Source', 'github.com/pubtator-tools'), /Invalid URL in field 'repository'/);
    refused(withProperty('Microsoft.VisualStudio.Services.Branding.Theme', 'blue'), /galleryBanner.theme/);
    refused(withProperty('Microsoft.VisualStudio.Services.Branding.Color', '#16324f-and-much-more'), /galleryBanner.color/);
    refused({ ...packed, manifest: { ...packed.manifest, license: undefined }, entries: packed.entries.filter((e) => !/license/i.test(e)), xmlManifest: { PackageManifest: { ...packed.xmlManifest.PackageManifest, Metadata: [{ ...metadata, License: undefined }] } } }, /no license/);
    refused({ ...packed, entries: packed.entries.filter((e) => e !== `extension/${manifest.icon}`) }, /Icon Entry not found/);
    refused({ ...packed, manifest: { ...packed.manifest, name: '' } }, /Missing required field 'name'/);
  });

  it('holds the README, CHANGELOG, LICENSE and icon the gallery pages show', () => {
    for (const entry of ['extension/README.md', 'extension/CHANGELOG.md', 'extension/LICENSE.txt', `extension/${manifest.icon}`]) {
      assert.ok(packed.entries.some((e) => e.toLowerCase() === entry.toLowerCase()), `${entry} is not in the package: ${packed.entries.join(', ')}`);
    }
  });

  it('the packaged README shows its pictures from the repository (vsce rewrote the relative links)', () => {
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]+src="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    assert.ok(images.length > 0, 'no picture in the packaged README');
    for (const src of images) {
      const prefix = `${REPOSITORY}/raw/HEAD/`;
      assert.ok(src.startsWith(prefix), `${src} is not a raw file of ${REPOSITORY}`);
      assert.ok(existsSync(join(repoRoot, src.slice(prefix.length))), `${src} names no file of this repository`);
    }
    const source = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const relative = [...source.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^(https?:|mailto:|#)/.test(l));
    for (const link of relative) {
      assert.ok(readme.includes(`${REPOSITORY}/blob/HEAD/${link}`), `the relative link ${link} was not rewritten`);
      assert.ok(existsSync(join(repoRoot, link.replace(/#.*$/, ''))), `README links to ${link}, which does not exist`);
    }
  });

  it('points the gallery at one real GitHub repository, with the publisher as its owner', () => {
    assert.deepEqual(manifest.repository, { type: 'git', url: `${REPOSITORY}.git` });
    assert.deepEqual(manifest.bugs, { url: `${REPOSITORY}/issues` });
    assert.equal(manifest.homepage, `${REPOSITORY}#readme`);
    assert.equal(new URL(REPOSITORY).pathname.split('/')[1], manifest.publisher);
    assert.doesNotMatch(JSON.stringify([manifest.repository, manifest.bugs, manifest.homepage]), /example|your-|todo|placeholder/i);
  });

  it('has a 128×128 PNG icon with transparency and a gallery banner that suits it', () => {
    assert.match(manifest.icon, /\.png$/);
    const { width, height, colourType } = pngHeader(readFileSync(join(repoRoot, manifest.icon)));
    assert.deepEqual([width, height], [128, 128]);
    assert.equal(colourType, 6, 'the icon is not RGBA');
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    // The banner is the icon's own tile colour, so the icon sits on it without a seam.
    assert.ok(readFileSync(join(repoRoot, 'media', 'icon.svg'), 'utf8').includes(`fill="${manifest.galleryBanner.color}"`), 'the banner colour is not the icon tile\'s');
  });

  it('has keywords and categories the Marketplace accepts', () => {
    const keywords: string[] = manifest.keywords;
    assert.ok(keywords.length > 0 && keywords.length <= MAX_KEYWORDS, `${keywords.length} keywords`);
    assert.equal(new Set(keywords.map((k) => k.toLowerCase())).size, keywords.length, 'a keyword twice');
    for (const c of manifest.categories) assert.ok(CATEGORIES.includes(c), `${c} is not a VS Code category`);
  });

  it('has a CHANGELOG with a section for this version', () => {
    const changelog = readFileSync(join(repoRoot, 'CHANGELOG.md'), 'utf8');
    assert.match(changelog, /^# Changelog\n/);
    assert.match(changelog, new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}\\b`, 'm'));
  });
});
