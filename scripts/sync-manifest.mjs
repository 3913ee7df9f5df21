// Writes package.json `contributes.configuration` from the checks (one severity
// setting per check code, plus offsetUnit and trace), so the settings UI and the
// server never disagree, then the settings table of docs/configuration.md from it (scripts/readme-settings.mjs).
// `--check` only compares and exits 1 on a difference.
// The generator is server/src/lsp/settingsSchema.ts, bundled here on the fly.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

const root = new URL('..', import.meta.url);
const bundle = await build({
  entryPoints: [new URL('server/src/lsp/settingsSchema.ts', root).pathname],
  bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, () => {
  throw new Error('settingsSchema.ts must not require anything at run time');
});
const wanted = module.exports.configurationContribution();
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

if (isDeepStrictEqual(manifest.contributes?.configuration, wanted)) {
  console.log('package.json contributes.configuration is in sync with the checks.');
} else if (process.argv.includes('--check')) {
  console.error('package.json contributes.configuration differs from the checks: run `node scripts/sync-manifest.mjs`.');
  process.exit(1);
} else {
  // npm pkg set, not a rewrite by hand: other fields stay exactly as they are.
  execFileSync('npm', ['pkg', 'set', '--json', `contributes.configuration=${JSON.stringify(wanted)}`], { cwd: root, stdio: 'inherit' });
  console.log(`package.json contributes.configuration written: ${Object.keys(wanted.properties).length} settings.`);
}

// The settings table of docs/configuration.md follows the manifest (same --check).
execFileSync(process.execPath, [new URL('scripts/readme-settings.mjs', root).pathname, ...process.argv.slice(2)], { stdio: 'inherit' });
