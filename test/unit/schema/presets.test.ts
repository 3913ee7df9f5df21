// The presets on the corpora they describe, in ../shared/corpora: each family's
// files pass their preset, but for the real defects a schema makes visible
// (pinned here), and a schema learned from any file checks that file without
// a new problem.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { validateFile } from '../../../server/src/service/validate';
import { presetSchema, resolveSchema } from '../../../server/src/service/schema/resolve';
import { schemaFromFile } from '../../../server/src/service/features/schemaFromFile';
import { corporaDir, corporaSkip, fixturesDir } from '../../support/paths';

const SCHEMA_CODES = new Set(['undeclared-entity-type', 'undeclared-relation-type', 'relation-argument-types', 'id-pattern-mismatch']);

function schemaFindings(name: string, schema: ReturnType<typeof presetSchema>): string[] {
  const text = readFileSync(join(corporaDir, name), 'utf8');
  return validateFile(parsePubtator(text), { schema }).filter((d) => SCHEMA_CODES.has(d.code)).map((d) => `${d.code} ${d.message}`);
}

/** Preset → corpus file → the schema's findings there (real defects of the file). */
const EXPECTED: Record<string, Record<string, RegExp[]>> = {
  biored: {
    'biored/Train.PubTator': [], 'biored/Dev.PubTator': [], 'biored/Test.PubTator': [], 'bc8-biored/bc8_biored_task1_train.pubtator': [],
    // The row whose text and type columns are shifted (its text-mismatch is pinned in corpora-expected.json).
    'bc8-biored/bc8_biored_task1_val.pubtator': [/^undeclared-entity-type "Disease" is not an entity type of the schema preset biored\.$/],
  },
  bc5cdr: { 'bc5cdr/CDR_TrainingSet.PubTator.txt': [], 'bc5cdr/CDR_TestSet.PubTator.txt': [], 'bc5cdr-sample/CDR_sample.txt': [], 'bc5cdr-system-output/TestSet.DNorm.PubTator.txt': [] },
  'ncbi-disease': { 'ncbi-disease/NCBItrainset_corpus.txt': [], 'ncbi-disease/NCBIdevelopset_corpus.txt': [] },
  tmvar: {
    // An OMIM id misspelt OMOM_ on three rows.
    'tmvar3/tmVar3_Train.PubTator': [/"OMOM_615961" does not fit/, /"OMOM_615961" does not fit/, /"OMOM_615961" does not fit/],
    // A Gene normalised to a MeSH id, and a variant normalised to its gene only.
    'tmvar3/tmVar3_Test.PubTator': [/"D007333" does not fit the schema's Gene ids/, /"Gene:10804" does not fit the schema's OtherMutation ids/],
    'tmvar3/tmVar3Corpus.Gene.txt': [/"D007333" does not fit the schema's Gene ids/],
    'tmvar3-fulltext-output/s41586-023-05755-9.xml.PubTator': [],
  },
  gnormplus: { 'gnormplus/GNormPlus_Train.PubTator': [], 'gnormplus/GNormPlus_Test.PubTator': [], 'nlm-gene/NLMgene_Train.PubTator': [] },
  pubtator3: { 'pubtator3-export/pmids_output.pubtator': [], 'pubtator3-export/22429397_abstract_240916.pubtator': [] },
};

for (const [preset, files] of Object.entries(EXPECTED)) {
  test(`the ${preset} preset on its corpora finds only their real defects`, { skip: corporaSkip }, () => {
    const schema = presetSchema(preset)!;
    for (const [name, wanted] of Object.entries(files)) {
      const found = schemaFindings(name, schema);
      assert.equal(found.length, wanted.length, `${name}: ${found.join('\n')}`);
      wanted.forEach((re, i) => assert.match(found[i], re, name));
    }
  });
}

test('a schema learned from a file checks that file without a new problem', { skip: corporaSkip }, async () => {
  const names = Object.keys(JSON.parse(readFileSync(join(fixturesDir, 'corpora-expected.json'), 'utf8')));
  for (const name of names) {
    const text = readFileSync(join(corporaDir, name), 'utf8');
    const learned = schemaFromFile(parsePubtator(text), name);
    const { schema, problems } = await resolveSchema({ location: name, text: learned.text }, async () => undefined);
    assert.deepEqual(problems, [], name);
    assert.deepEqual(schemaFindings(name, schema), [], name);
  }
});
