// BioC's own check codes can be set like any check: in the editor's
// `pubtator.severity.*` settings (the manifest is generated from the same
// list), in a corpus schema, and listed by `pubtator checks`.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIOC_CHECKS, BIOC_CHECK_LIST } from '../../../server/src/service/bioc/biocChecks';
import { checkBioc } from '../../../server/src/service/bioc/checkBioc';
import { EVERY_CHECK } from '../../../server/src/service/bioc/everyCheck';
import { CHECKS } from '../../../server/src/service/checks/index';
import { configurationContribution } from '../../../server/src/lsp/settingsSchema';
import { readSettings } from '../../../server/src/lsp/settings';
import { ensureBuilt, run } from '../cli/cliHarness';
import { fixturesDir, repoRoot } from '../../support/paths';

const CODES = Object.keys(BIOC_CHECKS);

test('every check lists the PubTator checks, then the BioC ones, each code once', () => {
  assert.deepEqual(EVERY_CHECK.map((c) => c.code), [...CHECKS.map((c) => c.code), ...CODES]);
  assert.equal(new Set(EVERY_CHECK.map((c) => c.code)).size, EVERY_CHECK.length);
  assert.ok(CODES.length >= 8 && CODES.every((c) => c.startsWith('bioc-')));
  assert.deepEqual(BIOC_CHECK_LIST.find((c) => c.code === 'bioc-passage-offset'), {
    code: 'bioc-passage-offset', defaultSeverity: 'error', description: BIOC_CHECKS['bioc-passage-offset'].about,
  });
});

test('the settings contribution and package.json have a severity setting per BioC code, with its default', () => {
  const generated = configurationContribution().properties as Record<string, { default: string }>;
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).contributes.configuration.properties;
  for (const code of CODES) {
    assert.equal(generated[`pubtator.severity.${code}`]?.default, BIOC_CHECKS[code].level, code);
    assert.equal(manifest[`pubtator.severity.${code}`]?.default, BIOC_CHECKS[code].level, `package.json: ${code} (run npm run sync-manifest)`);
  }
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'pubtator.schema.json'), 'utf8'));
  assert.ok(JSON.stringify(schema).includes('"bioc-dangling-node"'), 'schemas/pubtator.schema.json (run npm run sync-schema)');
});

test('a pubtator.severity setting of a BioC code reaches the BioC checks', () => {
  const settings = readSettings({ severity: { 'bioc-passage-offset': 'hint', 'bioc-dangling-node': 'off', 'bioc-nope': 'off' } });
  assert.deepEqual(settings.severities, { 'bioc-passage-offset': 'hint', 'bioc-dangling-node': 'off' });
  const text = readFileSync(join(fixturesDir, 'bioc', 'seeded.bioc.xml'), 'utf8');
  const defaults = checkBioc(text).diagnostics;
  const set = checkBioc(text, { severities: settings.severities }).diagnostics;
  const offsets = (ds: typeof defaults) => ds.filter((d) => d.code === 'bioc-passage-offset').map((d) => d.severity);
  assert.ok(offsets(defaults).length > 0 && offsets(defaults).every((s) => s === 1), 'an error by default');
  assert.ok(offsets(set).every((s) => s === 4) && offsets(set).length === offsets(defaults).length, 'a hint when set so');
  assert.ok(defaults.some((d) => d.code === 'bioc-dangling-node'));
  assert.ok(!set.some((d) => d.code === 'bioc-dangling-node'));
});

test('pubtator checks lists the BioC codes with their levels, as text and JSON', () => {
  ensureBuilt();
  const text = run(['checks']);
  assert.equal(text.code, 0);
  for (const code of CODES) assert.match(text.stdout, new RegExp(`^${code} +${BIOC_CHECKS[code].level} `, 'm'));
  const json = run(['checks', '--json']).stdout.trim().split('\n').map((l) => JSON.parse(l) as { code: string; defaultSeverity: string });
  assert.deepEqual(json.map((c) => c.code), EVERY_CHECK.map((c) => c.code));
});
