#!/usr/bin/env node
// Writes the settings table of docs/configuration.md from package.json `contributes.configuration`,
// between the markers below, so the documentation cannot drift from the settings VS Code shows.
// The per-check severity settings share one row (docs/checks.md lists each code with its default).
//   node scripts/readme-settings.mjs           rewrite docs/configuration.md (npm run readme:settings)
//   node scripts/readme-settings.mjs --check   exit 1 when docs/configuration.md differs
// scripts/sync-manifest.mjs runs it after writing the manifest; test/unit/readmeSettings.test.ts
// fails when the table is not the one package.json gives.
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
      rows.push(`| \`${SEVERITY}<code>\` | per check, see [Checks](checks.md) | ${levels} | The level of one check: ${severities.length} settings, one per check code. |`);
      continue;
    }
    const description = setting.markdownDescription ?? setting.description ?? '';
    const enumNotes = setting.enumDescriptions ? ` ${setting.enum.map((v, i) => `\`${v}\`: ${setting.enumDescriptions[i]}`).join(' ')}` : '';
    rows.push(`| \`${key}\` | \`${JSON.stringify(setting.default)}\` | ${cell(values(setting))} | ${cell(description + enumNotes)}${where(setting)} |`);
  }
  return rows.join('\n');
}

/** The file holding the table, relative to the repository's root. */
export const TABLE_FILE = 'docs/configuration.md';

/** `text` with the text between the markers replaced by `table`; throws when a marker is missing. */
export function withSettingsTable(text, table) {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${TABLE_FILE} lacks the settings markers ${START} ... ${END}`);
  return `${text.slice(0, start + START.length)}\n${table}\n${text.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('..', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
  const fileUrl = new URL(TABLE_FILE, root);
  const text = readFileSync(fileUrl, 'utf8');
  const wanted = withSettingsTable(text, settingsTable(manifest));
  if (wanted === text) {
    console.log(`${TABLE_FILE} settings table is in sync with package.json.`);
  } else if (process.argv.includes('--check')) {
    console.error(`${TABLE_FILE} settings table differs from package.json: run \`npm run readme:settings\`.`);
    process.exit(1);
  } else {
    writeFileSync(fileUrl, wanted);
    console.log(`${TABLE_FILE} settings table written from package.json.`);
  }
}
