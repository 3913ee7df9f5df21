// The README is part of the product: every check code and every setting the
// manifest declares is documented there.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECKS } from '../../server/src/service/checks/index';
import { repoRoot } from '../support/paths';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

test('the README lists every check with its default level', () => {
  for (const c of CHECKS) {
    assert.ok(readme.includes(`| \`${c.code}\` | ${c.defaultSeverity} |`), `README lacks the row of ${c.code} (${c.defaultSeverity})`);
  }
});

test('the README names every setting', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
  const settings = Object.keys(manifest.contributes.configuration.properties as Record<string, unknown>);
  for (const key of settings) {
    const documented = readme.includes(key) || (key.startsWith('pubtator.severity.') && readme.includes('pubtator.severity.<code>'));
    assert.ok(documented, `README does not mention ${key}`);
  }
});
