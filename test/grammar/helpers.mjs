// Shared by the node:test files in this folder: loads syntaxes/pubtator.tmLanguage.json with
// vscode-textmate + vscode-oniguruma, the same engine VS Code runs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const tm = require('vscode-textmate');
const onig = require('vscode-oniguruma');

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const grammarPath = path.join(root, 'syntaxes/pubtator.tmLanguage.json');

let wasmLoaded;
function onigLib() {
  wasmLoaded ??= onig.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  return wasmLoaded.then(() => ({
    createOnigScanner: (patterns) => new onig.OnigScanner(patterns),
    createOnigString: (s) => new onig.OnigString(s),
  }));
}

/** Loads the grammar, optionally with a theme ({ name, settings }) for colour look-ups. */
export async function loadGrammar(theme) {
  const registry = new tm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.pubtator' ? tm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath) : null,
    ...(theme ? { theme } : {}),
  });
  const grammar = await registry.loadGrammar('source.pubtator');
  return { grammar, registry };
}

/** Tokenizes lines one after another (the grammar keeps no state across lines, but be faithful). */
export function tokenizeLines(grammar, lines) {
  let stack = tm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return r.tokens;
  });
}

export { tm };
