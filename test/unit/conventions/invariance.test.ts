// A checker that learns each file's habits finds the same problems whatever
// names and layout a corpus uses. Each clean corpus of ../shared/corpora is
// rewritten with invented entity and relation types, ids in another
// namespace, every relation listed in both directions and each abstract
// merged into its title line: still no error or warning, and hints and
// information under 1% of the rows. Then defects are seeded into the rewritten
// copy: each is found, at error level (a type typo at least as a warning), and
// nothing else is.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { validateFile } from '../../../server/src/service/validate';
import { Severity, type Diagnostic } from '../../../server/src/service/types';
import { CHECKS } from '../../../server/src/service/checks/index';
import { corporaDir, corporaSkip, fixturesDir } from '../../support/paths';
import { seedDefects, withOtherConventions } from './transform';

const expected: Record<string, Record<string, number>> = JSON.parse(readFileSync(join(fixturesDir, 'corpora-expected.json'), 'utf8'));
const LEVEL = new Map(CHECKS.map((c) => [c.code, c.defaultSeverity]));

/** Gold corpora whose pinned findings hold no error or warning (machine outputs and defective files left out). */
const CLEAN = Object.entries(expected)
  .filter(([name, counts]) => !/^(llm-output|pubtator3-derived)/.test(name)
    && Object.keys(counts).every((code) => LEVEL.get(code) === 'information' || LEVEL.get(code) === 'hint'))
  .map(([name]) => name);

function severe(diagnostics: Diagnostic[]): string[] {
  return diagnostics.filter((d) => d.severity <= Severity.Warning).map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`);
}

function rows(text: string): number {
  return parsePubtator(text).documents.reduce((n, d) => n + d.mentions.length + d.relations.length, 0);
}

for (const name of CLEAN) {
  test(`invariance: ${name} rewritten with other names and layout`, { skip: corporaSkip }, () => {
    const original = readFileSync(join(corporaDir, name), 'utf8');
    const rewritten = withOtherConventions(original);
    assert.notEqual(rewritten, original);
    const found = validateFile(parsePubtator(rewritten));
    assert.deepEqual(severe(found), [], 'no error or warning');
    const quiet = found.filter((d) => d.severity >= Severity.Information);
    assert.ok(quiet.length <= 0.01 * rows(rewritten) + 1,
      `hints and information: ${quiet.length} for ${rows(rewritten)} rows: ${quiet.slice(0, 5).map((d) => `${d.code} ${d.message}`).join(' | ')}`);

    const { text: seeded, seeds } = seedDefects(rewritten);
    assert.ok(seeds.length >= 3, `at least three kinds of defect could be seeded (${seeds.map((s) => s.what).join(', ')})`);
    const got = validateFile(parsePubtator(seeded)).filter((d) => d.severity <= Severity.Warning);
    const wanted = seeds.map((s) => `${s.line + 1}: ${s.code}`).sort();
    assert.deepEqual(got.map((d) => `${d.range.start.line + 1}: ${d.code}`).sort(), wanted,
      `found: ${got.map((d) => `${d.range.start.line + 1}: ${d.code} ${d.message}`).join('\n')}`);
    for (const d of got) {
      const seed = seeds.find((s) => s.line === d.range.start.line && s.code === d.code)!;
      assert.equal(d.severity, seed.code === 'entity-type-typo' ? Severity.Warning : Severity.Error, `${seed.what} at error level`);
    }
  });
}
