#!/usr/bin/env node
// Writes the README's settings table from package.json `contributes.configuration`, between the
// markers below, so the README cannot drift from the settings VS Code shows. The per-check
// severity settings share one row (the Checks table lists each code with its default).
//   node scripts/readme-settings.mjs           rewrite README.md (npm run readme:settings)
//   node scripts/readme-settings.mjs --check   exit 1 when README.md differs
// scripts/sync-manifest.mjs runs it after writing the manifest; test/unit/readmeSettings.test.ts
// fails when the README's table is not the one package.json gives.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const START = '<!-- settings:start (generated from package.json by `npm run readme:settings`; do not edit) -->';
export const END = '<!-- settings:end -->';
const SEVERITY = 'pubtator.severity.';

/** Text for one table cell: no line breaks, no column breaks, `#setting#` references as code. */
function cell(text) {
  return String(text)
    .replace(/`?#([\w.]+)#`?/g, '`$1`')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');
}

function values(setting) {
  if (setting.enum) return setting.enum.map((v) => `\`${v}\``).join(', ');
  if (setting.type === 'array') return `list of ${setting.items?.type ?? 'value'}s`;
  return setting.type;
}

function where(setting) {
  // machine and application settings cannot be set by a workspace (VS Code ignores them there).
  return setting.scope === 'machine' || setting.scope === 'application' ? ' (user settings only)' : '';
}

/** The Markdown table of the manifest's settings, one row each, the severities folded into one. */
export function settingsTable(manifest) {
  const properties = manifest.contributes.configuration.properties;
  const rows = ['| setting | default | values | what it does |', '|---|---|---|---|'];
  const severities = Object.entries(properties).filter(([key]) => key.startsWith(SEVERITY));
  let severityRowWritten = false;
  for (const [key, setting] of Object.entries(properties)) {
    if (key.startsWith(SEVERITY)) {
      if (severityRowWritten) continue;
      severityRowWritten = true;
      const levels = [...new Set(severities.flatMap(([, s]) => s.enum ?? []))].map((v) => `\`${v}\``).join(', ');
      rows.push(`| \`${SEVERITY}<code>\` | per check, see [Checks](#checks) | ${levels} | The level of one check: ${severities.length} settings, one per check code. |`);
      continue;
    }
    const description = setting.markdownDescription ?? setting.description ?? '';
    const enumNotes = setting.enumDescriptions ? ` ${setting.enum.map((v, i) => `\`${v}\`: ${setting.enumDescriptions[i]}`).join(' ')}` : '';
    rows.push(`| \`${key}\` | \`${JSON.stringify(setting.default)}\` | ${cell(values(setting))} | ${cell(description + enumNotes)}${where(setting)} |`);
  }
  return rows.join('\n');
}

/** `readme` with the text between the markers replaced by `table`; throws when a marker is missing. */
export function withSettingsTable(readme, table) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the settings markers ${START} ... ${END}`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('..', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const readmeUrl = new URL('README.md', root);
  const readme = readFileSync(readmeUrl, 'utf8');
  const wanted = withSettingsTable(readme, settingsTable(manifest));
  if (wanted === readme) {
    console.log('README.md settings table is in sync with package.json.');
  } else if (process.argv.includes('--check')) {
    console.error('README.md settings table differs from package.json: run `npm run readme:settings`.');
    process.exit(1);
  } else {
    writeFileSync(readmeUrl, wanted);
    console.log('README.md settings table written from package.json.');
  }
}
