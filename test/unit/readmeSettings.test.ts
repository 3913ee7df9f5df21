// The settings table of docs/configuration.md is generated from package.json
// (scripts/readme-settings.mjs): this fails when the two differ, and checks the table's rows
// against the manifest on its own, so a generator that dropped a setting would not pass either.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../support/paths';

interface TableScript {
  START: string;
  END: string;
  TABLE_FILE: string;
  settingsTable(manifest: unknown): string;
  withSettingsTable(readme: string, table: string): string;
}

const CONFIGURATION = 'docs/configuration.md';
const docs = readFileSync(join(repoRoot, CONFIGURATION), 'utf8');
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties as Record<string, { default: unknown; enum?: string[] }>;
const loadScript = (): Promise<TableScript> => import(pathToFileURL(join(repoRoot, 'scripts', 'readme-settings.mjs')).href);

/** The table rows between the markers, as [setting, default, values] cells. */
function tableRows(script: TableScript): string[][] {
  const start = docs.indexOf(script.START);
  const end = docs.indexOf(script.END);
  assert.ok(start >= 0 && end > start, `${CONFIGURATION} lacks the settings markers`);
  return docs.slice(start + script.START.length, end).trim().split('\n').slice(2)
    .map((row) => row.split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim()));
}

describe('settings table of docs/configuration.md', () => {
  it('is the table package.json gives (run `npm run readme:settings` when this fails)', async () => {
    const script = await loadScript();
    assert.equal(script.TABLE_FILE, CONFIGURATION);
    assert.equal(docs, script.withSettingsTable(docs, script.settingsTable(manifest)));
  });

  it('is linked from the README, which shows a picture before Install', () => {
    assert.ok(readme.includes(`](${CONFIGURATION})`), `README does not link to ${CONFIGURATION}`);
    assert.match(readme.slice(0, readme.indexOf('## Install')), /!\[[^\]]+\]\(docs\/images\/[\w-]+\.png\)/, 'no picture before Install');
  });

  it('has a row with the default of every setting, the severities in one row', async () => {
    const rows = tableRows(await loadScript());
    const byKey = new Map(rows.map((r) => [r[0].replace(/`/g, ''), r]));
    for (const [key, setting] of Object.entries(properties)) {
      if (key.startsWith('pubtator.severity.')) continue;
      const row = byKey.get(key);
      assert.ok(row, `no row for ${key}`);
      assert.equal(row[1], `\`${JSON.stringify(setting.default)}\``, `default of ${key}`);
      for (const value of setting.enum ?? []) assert.ok(row[2].includes(`\`${value}\``), `${key} lacks the value ${value}`);
    }
    const severity = byKey.get('pubtator.severity.<code>');
    assert.ok(severity, 'no row for the per-check severities');
    const count = Object.keys(properties).filter((k) => k.startsWith('pubtator.severity.')).length;
    assert.ok(severity[3].includes(`${count} settings`), severity[3]);
    assert.equal(rows.length, Object.keys(properties).length - count + 1, 'rows that are not settings');
  });
});
