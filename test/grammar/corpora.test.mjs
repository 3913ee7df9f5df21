// Tokenizes every line of the real corpora in ../shared/corpora (read in place, never copied) and
// checks the grammar against an independent line classifier: each line gets the right row kind,
// each mention type its family, invalid.* appears exactly on faulty fields, and no visible
// character is left without a scope. Skips when the corpora folder is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadGrammar, root, tm } from './helpers.mjs';

const corpora = process.env.PUBTATOR_CORPORA ?? path.resolve(root, '../shared/corpora');

// The brief's families, restated here on purpose (not read from the grammar).
const FAMILY = new Map(
  Object.entries({
    'entity.name.function.chemical': ['Chemical', 'ChemicalEntity', 'Drug'],
    'keyword.control.disease': ['Disease', 'DiseaseOrPhenotypicFeature', 'SpecificDisease', 'DiseaseClass', 'Modifier', 'CompositeMention'],
    'entity.name.type.gene': ['Gene', 'GeneOrGeneProduct', 'FamilyName', 'DomainMotif', 'Protein'],
    'constant.numeric.species': ['Species', 'OrganismTaxon'],
    'variable.other.constant.variant': ['ProteinMutation', 'DNAMutation', 'SNP', 'SequenceVariant', 'ProteinAllele', 'DNAAllele', 'AcidChange', 'OtherMutation', 'Variant', 'Mutation'],
    'storage.type.cell-line': ['CellLine'],
  }).flatMap(([scope, types]) => types.map((t) => [t.toLowerCase(), `${scope}.pubtator`])),
);
const familyOf = (type) =>
  FAMILY.get(type.toLowerCase()) ?? (type.includes('|') ? 'invalid.illegal.entity-type.pubtator' : 'variable.parameter.other.pubtator');

/** Row kind and the faulty fields, by plain string splitting. */
function classify(line) {
  if (/^[ \t\uFEFF]*$/.test(line)) return { kind: 'blank', invalid: false };
  if (/^[^\t|]+\|[A-Za-z]+\|/.test(line)) return { kind: 'passage', invalid: false };
  const f = line.split('\t');
  if (f.length < 3) return { kind: 'malformed', invalid: true };
  if (/^ *[-+]?\d/.test(f[1])) {
    if (f.length < 5 || f[2] === '' || f[4] === '') return { kind: 'malformed', invalid: true };
    const badOffset = !/^\d+$/.test(f[1]) || !/^\d+$/.test(f[2]);
    return { kind: 'mention', family: familyOf(f[4]), invalid: badOffset || f[4].includes('|') };
  }
  if (f.length < 4 || f[1] === '') return { kind: 'malformed', invalid: true };
  return { kind: 'relation', invalid: false };
}

function kindOf(tokens) {
  const s = tokens[0].scopes[1] ?? '';
  if (s === '') return 'blank';
  if (s.startsWith('meta.passage.')) return 'passage';
  if (s === 'meta.mention.pubtator') return 'mention';
  if (s === 'meta.relation.pubtator') return 'relation';
  if (s === 'invalid.illegal.malformed-row.pubtator') return 'malformed';
  return `unexpected ${s}`;
}

function corpusFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return corpusFiles(p);
    return /^(README|LICENSE)/.test(e.name) ? [] : [p];
  });
}

test('real corpora: row kinds, families, invalid fields, full coverage', { skip: !existsSync(corpora) && `corpora folder absent (${corpora}); set PUBTATOR_CORPORA to run` }, async () => {
  const { grammar } = await loadGrammar();
  const problems = [];
  let lines = 0;
  const started = performance.now();
  for (const file of corpusFiles(corpora)) {
    const name = path.relative(corpora, file);
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    let stack = tm.INITIAL;
    text.split(/\r?\n/).forEach((line, i) => {
      lines++;
      const { tokens, ruleStack } = grammar.tokenizeLine(line, stack);
      stack = ruleStack;
      const want = classify(line);
      const where = `${name}:${i + 1}`;
      const got = kindOf(tokens);
      if (got !== want.kind) problems.push(`${where}: ${got}, expected ${want.kind}`);
      const leaves = tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
      if (want.family) {
        const type = leaves.find((t) => t.scopes.includes('meta.entity-type.pubtator'));
        const scope = type?.scopes.at(-1);
        if (scope !== want.family) problems.push(`${where}: type scoped ${scope}, expected ${want.family}`);
      }
      const invalid = leaves.some((t) => t.scopes.some((s) => s.startsWith('invalid.')));
      if (invalid !== want.invalid) problems.push(`${where}: invalid.* ${invalid ? 'present' : 'absent'}, expected ${want.invalid ? 'present' : 'absent'}`);
      for (const t of leaves) {
        const leaf = t.scopes.at(-1);
        if (t.text.trim() && (leaf === 'source.pubtator' || leaf.startsWith('meta.'))) problems.push(`${where}: ${JSON.stringify(t.text)} has no scope of its own`);
      }
    });
  }
  const ms = performance.now() - started;
  console.log(`${lines} lines in ${Math.round(ms)} ms (${((ms * 1000) / lines).toFixed(1)} µs/line)`);
  assert.deepEqual(problems.slice(0, 20), [], `${problems.length} problems`);
});
