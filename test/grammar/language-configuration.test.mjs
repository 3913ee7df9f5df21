// language-configuration.json: no comment syntax, () and [] brackets, and a wordPattern that keeps
// concept ids whole (double-click, Ctrl+D, word highlights) while abstract text splits into words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './helpers.mjs';

const config = JSON.parse(readFileSync(path.join(root, 'language-configuration.json'), 'utf8'));

// VS Code's word lookup (src/vs/editor/common/core/wordHelper.ts, MIT, Microsoft): regex runs that
// start 15, 30, 45 ... characters before the cursor, keeping the match that encloses the cursor.
function wordAt(text, pos, wordDefinition = new RegExp(config.wordPattern, 'g')) {
  let match = null;
  let prevRegexIndex = -1;
  for (let i = 1; ; i++) {
    const regexIndex = pos - 15 * i;
    wordDefinition.lastIndex = Math.max(0, regexIndex);
    let thisMatch = null;
    for (let m; (m = wordDefinition.exec(text)); ) {
      if (m.index <= pos && wordDefinition.lastIndex >= pos) { thisMatch = m; break; }
      if (prevRegexIndex > 0 && m.index > prevRegexIndex) break;
    }
    if (!thisMatch && match) break;
    match = thisMatch;
    if (regexIndex <= 0) break;
    prevRegexIndex = regexIndex;
  }
  return match?.[0] ?? null;
}

/** Asserts that every cursor position inside each expected word finds that word. */
function expectWords(line, words) {
  let from = 0;
  for (const word of words) {
    const at = line.indexOf(word, from);
    assert.ok(at >= 0, `${word} not in ${line}`);
    for (let pos = at; pos <= at + word.length; pos++) {
      assert.equal(wordAt(line, pos), word, `cursor at ${pos} in ${JSON.stringify(line)}`);
    }
    from = at + word.length;
  }
}

test('no comment syntax; () and [] brackets', () => {
  assert.equal(config.comments, undefined);
  assert.deepEqual(config.brackets, [['(', ')'], ['[', ']']]);
});

test('wordPattern matches no empty string (VS Code would reject it)', () => {
  const re = new RegExp(config.wordPattern, 'g');
  assert.equal(re.exec(''), null);
});

test('concept ids are whole words', () => {
  expectWords('37622028\t15\t23\tKetamine\tChemical\tMESH:D007649', ['37622028', 'Ketamine', 'Chemical', 'MESH:D007649']);
  expectWords('11054569\t78\t87\tMCF7\tCellLine\tCVCL_0030', ['CellLine', 'CVCL_0030']);
  expectWords('10491763\t1070\t1079\tPro75 Ala\tSequenceVariant\trs113488022', ['rs113488022']);
  expectWords('1\tOMIM:114480\tCHEBI:1234\tC0000005', ['OMIM:114480', 'CHEBI:1234', 'C0000005']);
});

test('tmVar keys and key:value parts of variant ids are whole words', () => {
  expectWords('12345678\tAssociation\tp|SUB|V|600|E\t|DEL|46|S\tNovel', ['Association', 'p|SUB|V|600|E', '|DEL|46|S', 'Novel']);
  expectWords('1\t2\t3\tIVS2+1G>A\tSequenceVariant\tc|SUB|G|IVS2+1|A', ['c|SUB|G|IVS2+1|A']);
  expectWords(
    '34895069\t667\t671\tL55M\tProteinMutation\ttmVar:p|SUB|L|55|M;HGVS:p.L55M;VariantGroup:1;CorrespondingGene:5444;RS#:854560',
    ['tmVar:p|SUB|L|55|M', 'HGVS:p.L55M', 'VariantGroup:1', 'CorrespondingGene:5444', 'RS#:854560'],
  );
  expectWords('1\t2\t3\tx\tGene\t100155702(Tax:9823)', ['100155702', 'Tax:9823']);
});

test('composite ids split at their separators', () => {
  expectWords('2234245\t0\t28\tx\tDisease\tD014786|D006311', ['D014786', 'D006311']);
  expectWords('1\t2\t3\tx\tDisease\tD004829+D003294', ['D004829', 'D003294']);
  expectWords('1\t2\t3\tx\tGene\t22142,53857;22152', ['22142', '53857', '22152']);
});

test('passage text splits into ordinary words', () => {
  const title = '37622028|t|Application of Ketamine in Pain Management: ketamine-induced analgesia (0.5 mg/kg)';
  expectWords(title, ['37622028', 'Application', 'of', 'Ketamine', 'Management', 'ketamine', 'induced', 'analgesia', '0.5', 'mg', 'kg']);
  assert.equal(wordAt(title, title.indexOf('|t|') + 1), 't');
  const abstract = `37622028|a|${'Since ketamine was approved, '.repeat(80)}its use grew.`;
  expectWords(abstract, ['Since', 'ketamine', 'approved']);
  const end = abstract.lastIndexOf('grew');
  assert.equal(wordAt(abstract, end + 2), 'grew');
});
