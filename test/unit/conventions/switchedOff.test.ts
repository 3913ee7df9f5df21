// learnConventions: false (PUBTATOR_CONVENTIONS=off, the benchmark's baseline)
// learns no habit: no counts, no held rows, nothing settled; every diagnostic a
// check decides on its own is the same as with the conventions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { prepare, settleFile, validateChunk } from '../../../server/src/service/validate';
import { samplesDir } from '../../support/paths';

test('with the conventions off, documents are not counted, no row is held, and what is decided at once is unchanged', () => {
  const text = readFileSync(join(samplesDir, 'defects.pubtator'), 'utf8');
  const on = validateChunk(parsePubtator(text), {});
  const off = validateChunk(parsePubtator(text), { learnConventions: false });
  assert.ok(on.held.size > 0, 'the sample holds rows for its habits');
  assert.equal(off.held.size, 0);
  assert.equal(off.facts.titled, 0);
  assert.equal(off.facts.mentions, 0);
  assert.ok(on.facts.mentions > 0);
  assert.deepEqual(off.diagnostics, on.diagnostics);
  assert.deepEqual(settleFile(off.held, off.facts, { learnConventions: false }), []);
  assert.equal(prepare({ learnConventions: false }).settleChecks.length, 0);
  assert.notEqual(prepare({ learnConventions: false }).key, prepare({}).key, 'cached diagnostics of one are not taken for the other');
});
