// `pubtator convert` end to end through the built CLI: formats from content,
// stdin/stdout, -o with .gz, warnings on stderr once per kind, usage errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ensureBuilt, run as runCli, tempDir } from './cliHarness';
import { fixturesDir } from '../../support/paths';

const fixture = (name: string) => join(fixturesDir, 'bioc', name);

test('convert: BioC XML file to PubTator on stdout, with the unit note on stderr', () => {
  ensureBuilt();
  const r = runCli(['convert', fixture('small.bioc.xml')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, readFileSync(fixture('small.pubtator'), 'utf8'));
  assert.match(r.stderr, /bioc-xml -> pubtator; offsets: the text is ASCII/);
});

test('convert: PubTator on stdin to gzipped BioC JSON and back', () => {
  ensureBuilt();
  const dir = tempDir();
  const out = join(dir.path, 'small.json.gz');
  const pub = readFileSync(fixture('small.pubtator'), 'utf8');
  const r = runCli(['convert', '-', '--to', 'bioc-json', '-o', out, '--source', 'S', '--date', '2024-02-02'], { input: pub });
  assert.equal(r.code, 0, r.stderr);
  const json = JSON.parse(gunzipSync(readFileSync(out)).toString('utf8'));
  assert.equal(json.source, 'S');
  assert.equal(json.date, '2024-02-02');
  assert.equal(json.documents[0].passages[1].offset, 18);
  assert.deepEqual(json.documents[0].relations[0].infons, { type: 'Positive_Correlation', entity1: 'MESH:D001241', entity2: 'MESH:D001249' });
  const back = runCli(['convert', out]);
  assert.equal(back.stdout, pub);
  dir.remove();
});

test('convert: malformed XML exits 1 with the error and its position, bad options exit 2', () => {
  ensureBuilt();
  const r = runCli(['convert', '-'], { input: '<collection><document><id>1</id></passage></collection>' });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error: XML is not well-formed/);
  const u = runCli(['convert', 'a', 'b']);
  assert.equal(u.code, 2);
  assert.equal(runCli(['convert', fixture('small.pubtator'), '--to', 'xml']).code, 2);
});
