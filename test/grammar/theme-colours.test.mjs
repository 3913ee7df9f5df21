// The seven entity-type families must get seven different colours in VS Code's Dark+ and
// Light+ themes (Dark Modern and Light Modern inherit their token colours unchanged), and in the
// 2026 Dark/Light themes that VS Code 1.139 ships. Colours are resolved by vscode-textmate's theme
// engine, as in VS Code, from the flattened theme copies in ./themes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadGrammar, tm } from './helpers.mjs';

const FAMILY_TYPES = {
  chemical: 'Chemical',
  disease: 'Disease',
  gene: 'Gene',
  species: 'Species',
  variant: 'ProteinMutation',
  'cell line': 'CellLine',
  other: 'Cell',
};

function theme(file) {
  const t = JSON.parse(readFileSync(new URL(`./themes/${file}`, import.meta.url), 'utf8'));
  const defaults = { settings: { foreground: t.colors['editor.foreground'], background: t.colors['editor.background'] } };
  return { name: t.name, settings: [defaults, ...t.tokenColors], foreground: t.colors['editor.foreground'].toUpperCase() };
}

/** Foreground colour of the token covering `needle` in `line`. */
function colourOf(grammar, colorMap, line, needle) {
  const { tokens } = grammar.tokenizeLine2(line, tm.INITIAL);
  const at = line.indexOf(needle);
  let meta = 0;
  for (let i = 0; i < tokens.length; i += 2) if (tokens[i] <= at) meta = tokens[i + 1];
  return colorMap[(meta >>> 15) & 0x1ff].toUpperCase();
}

for (const file of ['dark-plus.json', 'light-plus.json', '2026-dark.json', '2026-light.json']) {
  test(`entity-type families are coloured apart in ${file}`, async () => {
    const th = theme(file);
    const { grammar, registry } = await loadGrammar(th);
    const colorMap = registry.getColorMap();
    const colours = {};
    for (const [family, type] of Object.entries(FAMILY_TYPES)) {
      colours[family] = colourOf(grammar, colorMap, `1\t0\t4\ttext\t${type}\tID1`, type);
    }
    const mention = colourOf(grammar, colorMap, '1\t0\t4\ttext\tChemical\tID1', 'text');
    const malformed = colourOf(grammar, colorMap, 'not a row', 'not');
    console.log(`${th.name}: ${JSON.stringify(colours)}, mention text ${mention}, malformed ${malformed}`);
    assert.equal(new Set(Object.values(colours)).size, 7, `families share a colour: ${JSON.stringify(colours)}`);
    for (const [family, c] of Object.entries(colours)) {
      assert.notEqual(c, th.foreground, `${family} is not coloured`);
      assert.notEqual(c, malformed, `${family} looks like a malformed row`);
    }
    assert.notEqual(malformed, th.foreground, 'malformed rows are not coloured');
  });
}
