// The checker on every real corpus in ../shared/corpora: clean files give no
// diagnostics at all, and the known defects are found, each counted by code.
// The counts are pinned in test/fixtures/corpora-expected.json; docs/checks.md (On real corpora) and
// the closing notes say what each defect is.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePubtator } from '../../server/src/service/parse/parseFile';
import { validateFile } from '../../server/src/service/validate';
import { corporaDir, corporaSkip, fixturesDir } from '../support/paths';

const expected: Record<string, Record<string, number>> = JSON.parse(
  readFileSync(join(fixturesDir, 'corpora-expected.json'), 'utf8'),
);

for (const [name, counts] of Object.entries(expected)) {
  test(`real corpus ${name}`, { skip: corporaSkip }, () => {
    const diagnostics = validateFile(parsePubtator(readFileSync(join(corporaDir, name), 'utf8')));
    const found: Record<string, number> = {};
    for (const d of diagnostics) found[d.code] = (found[d.code] ?? 0) + 1;
    assert.deepEqual(found, counts);
  });
}

test('clean gold corpora raise no error or warning', { skip: corporaSkip }, () => {
  const clean = ['bc5cdr/CDR_TrainingSet.PubTator.txt', 'biored/Test.PubTator', 'nlm-chem/NLMchem_Test.PubTator',
    'drugprot/DrugProt_Test.PubTator', 'linnaeus/Linnaeus_Train.PubTator', 'pubtator3-export/22429397_abstract_240916.pubtator'];
  for (const name of clean) {
    const severe = validateFile(parsePubtator(readFileSync(join(corporaDir, name), 'utf8'))).filter((d) => d.severity <= 2);
    assert.deepEqual(severe, [], name);
  }
});

test('hints and information stay under 1% of the rows of every file with no error or warning', { skip: corporaSkip }, () => {
  for (const [name, counts] of Object.entries(expected)) {
    const text = readFileSync(join(corporaDir, name), 'utf8');
    const file = parsePubtator(text);
    const found = validateFile(file);
    if (found.some((d) => d.severity <= 2)) continue;
    const rows = file.documents.reduce((n, d) => n + d.mentions.length + d.relations.length, 0);
    assert.ok(found.length <= 0.01 * rows, `${name}: ${found.length} hints and information for ${rows} rows (${JSON.stringify(counts)})`);
  }
});
