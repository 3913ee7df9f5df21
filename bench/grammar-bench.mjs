// Tokenizes generated PubTator text with syntaxes/pubtator.tmLanguage.json through vscode-textmate
// and vscode-oniguruma (the engine VS Code runs) and prints time per line:
//   (a) one 200,000-character abstract line,
//   (b) a realistic 50,000-line file (title, abstract, ~15 mixed mentions, a few relations per document),
//   (c) other 200,000-character worst cases (no TAB, huge fields, runs of separators).
// Usage: node bench/grammar-bench.mjs [--lines N] [--chars N]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const tm = require('vscode-textmate');
const onig = require('vscode-oniguruma');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FILE_LINES = arg('--lines', 50_000);
const LONG_CHARS = arg('--chars', 200_000);

// ---- generated input (seeded, so every run tokenizes the same text) ----

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const WORDS = ('the of and in to with was were patients treatment associated expression cells increased ' +
  'levels study results protein receptor induced activity effect mice clinical disease response ' +
  'significantly therapy human mutation pathway inhibition risk analysis compared (p < 0.05) [1] | ' +
  'α-synuclein TNF-α 5-HT1A IL-6 ketamine-induced').split(' ');

function prose(chars) {
  const out = [];
  let n = 0;
  while (n < chars) {
    const w = pick(WORDS);
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ').slice(0, chars);
}

// [type, concept id, extra 7th column]: the flavours of PubTator3, BC5CDR, BioRED, tmVar, GNormPlus, MedMentions.
const MENTIONS = [
  ['Chemical', 'MESH:D007649'], ['Chemical', 'D009270'], ['Chemical', '-1'], ['ChemicalEntity', 'D005947'],
  ['Disease', 'MESH:D010146'], ['Disease', 'D014786|D006311', 'Ocular toxicity|auditory toxicity'],
  ['Disease', ''], ['SpecificDisease', 'OMIM:114480'], ['CompositeMention', 'D004829+D003294'],
  ['DiseaseOrPhenotypicFeature', 'D003924'], ['Gene', '5444'], ['Gene', '100155702(Tax:9823)'],
  ['GeneOrGeneProduct', '3172,3651,6927'], ['FamilyName', '22142,53857;22152'], ['Species', '9606'],
  ['OrganismTaxon', '10090'], ['CellLine', 'CVCL_0030'], ['SNP', 'rs113488022'],
  ['ProteinMutation', 'tmVar:p|SUB|L|55|M;HGVS:p.L55M;VariantGroup:1;CorrespondingGene:5444;RS#:854560;CorrespondingSpecies:9606;CA#:123413'],
  ['SequenceVariant', 'p|SUB|V|600|E'], ['DNAMutation', 'c|SUB|G|Ex2+860|C', 'RSID:2234671'],
  ['T038,T047', 'C0000005'], ['DomainMotif', null],
];
const RELATIONS = ['Association', 'Positive_Correlation', 'Negative_Correlation', 'Bind', 'Cotreatment', 'CID'];

function documentLines(pmid) {
  const title = prose(90 + Math.floor(rand() * 80));
  const abstract = prose(1200 + Math.floor(rand() * 900));
  const text = `${title} ${abstract}`;
  const lines = [`${pmid}|t|${title}`, `${pmid}|a|${abstract}`];
  const ids = [];
  for (let i = 0; i < 15; i++) {
    const start = Math.floor(rand() * (text.length - 30));
    const end = start + 4 + Math.floor(rand() * 20);
    const [type, id, extra] = pick(MENTIONS);
    const cols = [pmid, start, end, text.slice(start, end).replace(/\t/g, ' '), type];
    if (id !== null) cols.push(id);
    if (extra) cols.push(extra);
    lines.push(cols.join('\t'));
    if (id) ids.push(id);
  }
  for (let i = 0; i < 3; i++) {
    const row = [pmid, pick(RELATIONS), pick(ids), pick(ids)];
    if (rand() < 0.5) row.push(pick(['Novel', 'No']));
    lines.push(row.join('\t'));
  }
  lines.push('');
  return lines;
}

function generateFile(count) {
  const lines = [];
  for (let pmid = 30000000; lines.length < count; pmid += 7) lines.push(...documentLines(String(pmid)));
  return lines.slice(0, count);
}

// ---- grammar ----

// Dark+ token colours (kept for the grammar tests), so that binary tokens split where colours change,
// as in VS Code. Without them every token would merge into one.
function darkPlus() {
  try {
    const t = JSON.parse(readFileSync(path.join(root, 'test/grammar/themes/dark-plus.json'), 'utf8'));
    return { name: t.name, settings: [{ settings: { foreground: t.colors['editor.foreground'] } }, ...t.tokenColors] };
  } catch {
    return undefined;
  }
}

async function loadGrammar() {
  const wasm = readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm')).buffer;
  await onig.loadWASM(wasm);
  const grammarPath = path.join(root, 'syntaxes/pubtator.tmLanguage.json');
  const theme = darkPlus();
  const registry = new tm.Registry({
    ...(theme ? { theme } : {}),
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new onig.OnigScanner(patterns),
      createOnigString: (s) => new onig.OnigString(s),
    }),
    loadGrammar: async () => tm.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath),
  });
  return registry.loadGrammar('source.pubtator');
}

/** Tokenizes like VS Code's renderer (binary tokens, state carried line to line). */
function run(grammar, lines) {
  let stack = tm.INITIAL;
  let tokens = 0;
  const t0 = performance.now();
  for (const line of lines) {
    const r = grammar.tokenizeLine2(line, stack);
    if (r.stoppedEarly) throw new Error('tokenizer stopped early');
    stack = r.ruleStack;
    tokens += r.tokens.length / 2;
  }
  return { ms: performance.now() - t0, tokens };
}

const fmt = (n, d = 0) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
function report(label, lines, { ms, tokens }) {
  const chars = lines.reduce((n, l) => n + l.length + 1, 0);
  console.log(
    `${label.padEnd(50)} ${fmt(lines.length).padStart(7)} lines ${fmt(chars / 1e6, 2).padStart(6)} MB ` +
      `${fmt(ms, 1).padStart(9)} ms ${fmt((ms * 1000) / lines.length, 1).padStart(9)} µs/line ` +
      `${fmt((lines.length * 1000) / ms).padStart(10)} lines/s ${fmt(tokens).padStart(9)} tokens`,
  );
}

const loadStart = performance.now();
const grammar = await loadGrammar();
const file = generateFile(FILE_LINES);
const first = run(grammar, file.slice(0, 21)); // compiles the regexes of every rule once
console.log(`node ${process.version}, vscode-textmate ${require('vscode-textmate/package.json').version}, ` +
  `vscode-oniguruma ${require('vscode-oniguruma/package.json').version}; load + first document ${fmt(performance.now() - loadStart, 1)} ms ` +
  `(of which tokenizing ${fmt(first.ms, 1)} ms)`);

const abstractLine = `37622028|a|${prose(LONG_CHARS - 11)}`;
// The first long line also pays for growing the WebAssembly memory; later ones show the steady state.
report(`(a) abstract line, ${fmt(abstractLine.length)} chars, first`, [abstractLine], run(grammar, [abstractLine]));
const again = Array.from({ length: 5 }, () => run(grammar, [abstractLine])).sort((x, y) => x.ms - y.ms)[2];
report(`(a) abstract line, ${fmt(abstractLine.length)} chars, median of 5`, [abstractLine], again);
report('(b) generated file, first pass', file, run(grammar, file));
report('(b) generated file, second pass (warm JIT)', file, run(grammar, file));

const long = (s) => s.repeat(Math.ceil(LONG_CHARS / s.length)).slice(0, LONG_CHARS);
const worst = {
  'title line': `37622028|t|${long('Ketamine | pain ')}`,
  'no TAB, no marker (malformed)': long('abc def '),
  'only | characters': long('|'),
  'only TAB characters': long('\t'),
  'mention row, huge mention text': `1\t0\t9\t${long('x y ')}\tChemical\tMESH:D007649`,
  'mention row, huge composite id': `1\t0\t9\tx\tDisease\t${long('D014786|')}`,
  'mention row, huge 7th column': `1\t0\t9\tx\tDisease\tD1|D2\t${long('Ocular toxicity|')}`,
  'relation row, huge variant id': `1\tAssociation\t${long('RS#:854560;HGVS:p.L55M;')}\tD1`,
  'mention row, huge offset field': `1\t${long('9')}\t9\tx\tGene\t5444`,
};
for (const [label, line] of Object.entries(worst)) report(`(c) ${label}`, [line], run(grammar, [line]));
