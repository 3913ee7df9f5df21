// The documentation is part of the product: every check code is in docs/checks.md with its
// default level, every setting the manifest declares is in docs/configuration.md, and the
// README stays a front page (short, with a picture, install and links to the reference).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../../server/src/service/checks/index';
import { repoRoot } from '../support/paths';

const read = (path: string): string => readFileSync(join(repoRoot, path), 'utf8');
const readme = read('README.md');

test('docs/checks.md lists every check with its default level', () => {
  const checks = read('docs/checks.md');
  for (const c of CHECKS) {
    assert.ok(checks.includes(`| \`${c.code}\` | ${c.defaultSeverity} |`), `docs/checks.md lacks the row of ${c.code} (${c.defaultSeverity})`);
  }
});

test('docs/configuration.md names every setting', () => {
  const configuration = read('docs/configuration.md');
  const manifest = JSON.parse(read('package.json'));
  const settings = Object.keys(manifest.contributes.configuration.properties as Record<string, unknown>);
  for (const key of settings) {
    const documented = configuration.includes(key) || (key.startsWith('pubtator.severity.') && configuration.includes('pubtator.severity.<code>'));
    assert.ok(documented, `docs/configuration.md does not mention ${key}`);
  }
});

test('the README is a front page: under 300 lines, install and quick start, a link to every docs page', () => {
  const lines = readme.split('\n').length;
  assert.ok(lines < 300, `README.md has ${lines} lines`);
  const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  assert.equal(headings[0], 'Install');
  assert.ok(headings.some((h) => /^Quick start/.test(h)), headings.join(', '));
  for (const page of ['checks', 'cli', 'compare', 'editor', 'preview', 'configuration', 'schema', 'other-editors', 'performance', 'architecture', 'contributing']) {
    assert.ok(readme.includes(`](docs/${page}.md)`), `README does not link to docs/${page}.md`);
  }
});

test('the README says plainly that nothing is published, and installs from a clone', () => {
  assert.match(readme, /not on the Visual Studio Marketplace/);
  assert.match(readme, /npm run package/);
  assert.match(readme, /code --install-extension pubtator-vscode-\*\.vsix/);
  assert.match(readme, /npm link/);
});

test("the walkthrough links to the README's Documentation section, which is there", () => {
  const manifest = JSON.parse(read('package.json'));
  const repository = String(manifest.repository.url).replace(/\.git$/, '');
  const steps = manifest.contributes.walkthroughs[0].steps as Array<{ description: string }>;
  assert.ok(steps.some((s) => s.description.includes(`](${repository}#documentation)`)), 'no step links to the documentation');
  assert.match(readme, /^## Documentation$/m);
});
