// Writes schemas/pubtator.schema.json, the JSON Schema VS Code validates
// pubtator.schema.json files against (`jsonValidation` in package.json), from
// server/src/lsp/schemaJsonSchema.ts (bundled here on the fly). `--check` only
// compares and exits 1 on a difference; a test does the same.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const bundle = await build({
  entryPoints: [new URL('server/src/lsp/schemaJsonSchema.ts', root).pathname],
  bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, () => {
  throw new Error('schemaJsonSchema.ts must not require anything at run time');
});
const text = JSON.stringify(module.exports.schemaFileJsonSchema(), null, 2) + '\n';
const path = new URL('schemas/pubtator.schema.json', root);
let current = '';
try { current = readFileSync(path, 'utf8'); } catch { /* not written yet */ }
if (current === text) {
  console.log('schemas/pubtator.schema.json is in sync with the checks.');
} else if (process.argv.includes('--check')) {
  console.error('schemas/pubtator.schema.json differs from the checks: run `npm run sync-schema`.');
  process.exit(1);
} else {
  mkdirSync(new URL('schemas/', root), { recursive: true });
  writeFileSync(path, text);
  console.log('schemas/pubtator.schema.json written.');
}
