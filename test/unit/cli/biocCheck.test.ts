// `pubtator check` on a folder that mixes BioC XML, BioC JSON and PubTator.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ensureBuilt, run } from './cliHarness';
import { fixturesDir } from '../../support/paths';

test('check: a folder of BioC and PubTator files, BioC findings at their line:column', () => {
  ensureBuilt();
  const r = run(['check', join(fixturesDir, 'bioc')]);
  assert.equal(r.code, 1, r.stderr);
  const lines = r.stdout.split('\n').filter((l) => /: (error|warning) /.test(l));
  assert.ok(lines.every((l) => l.includes('seeded.bioc.xml:')), r.stdout);
  assert.ok(lines.some((l) => /seeded\.bioc\.xml:\d+:15: error bioc-passage-offset/.test(l)), r.stdout);
  // bytes.bioc.json, pubtator3.json, seeded.bioc.xml, small.bioc.xml and small.pubtator.
  assert.match(r.stdout, /Checked 5 files/);
});

test('check: --severity sets the level of a BioC check', () => {
  ensureBuilt();
  const r = run(['check', '--severity', 'bioc-passage-offset=warning', '--severity', 'bioc-dangling-node=off', join(fixturesDir, 'bioc', 'seeded.bioc.xml')]);
  assert.match(r.stdout, /:\d+:15: warning bioc-passage-offset /);
  assert.doesNotMatch(r.stdout, /bioc-dangling-node/);
});
