// unknown-mesh-id and mesh-name-mismatch, run as checks over a file with an
// index built from the MeSH fixtures (and without one, where they are silent).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, file, row } from '../../support/build';
import { check, only } from '../../support/validate';
import { openMeshIndex, type MeshIndex } from '../../../server/src/service/concepts/meshIndex';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { validateFileReusing } from '../../../server/src/service/validate';
import { CHECKS } from '../../../server/src/service/checks/index';
import { openFixtureIndex, TempDir } from '../concepts/meshFixtures';

const tmp = new TempDir();
let mesh: MeshIndex;
before(async () => {
  mesh = await openFixtureIndex(tmp);
});
after(() => {
  mesh.close();
  tmp.remove();
});

const TITLE = 'Ketamine for pain and depression';
const ABSTRACT = 'Esketamine eased burning pain; headache persisted.';
const text = file(doc('1', TITLE, ABSTRACT,
  row(1, 0, 8, 'Ketamine', 'Chemical', 'MESH:D007649'),
  row(1, 13, 17, 'pain', 'Disease', 'D010146'),
  row(1, 22, 32, 'depression', 'Disease', 'MESH:D003866'),
  row(1, 33, 43, 'Esketamine', 'Chemical', 'C000706722'),
  row(1, 50, 62, 'burning pain', 'Disease', 'MESH:D010146'),
  row(1, 64, 72, 'headache', 'Disease', 'D010146'),
  row(1, 64, 72, 'headache', 'Disease', 'MESH:D006261'),
  row(1, 0, 8, 'Ketamine', 'Chemical', 'MESH:D00764'),
  row(1, 'Association', 'MESH:D006261', 'D007649')));

test('both checks are registered, unknown-mesh-id a warning and mesh-name-mismatch off', () => {
  assert.equal(CHECKS.find((c) => c.code === 'unknown-mesh-id')?.defaultSeverity, 'warning');
  assert.equal(CHECKS.find((c) => c.code === 'mesh-name-mismatch')?.defaultSeverity, 'off');
});

test('without an index neither check reports anything, whatever the levels', () => {
  const severities = { 'unknown-mesh-id': 'error', 'mesh-name-mismatch': 'error' } as const;
  assert.deepEqual(check(text, { severities }).filter((d) => /mesh/.test(d.code)), []);
});

test('unknown-mesh-id: ids the index does not know, on the id part, in mention rows only', () => {
  const found = only(text, 'unknown-mesh-id', { concepts: { mesh } });
  assert.deepEqual(found.map((d) => d.data?.ui), ['D006261', 'D00764']);
  const [obsolete, malformed] = found;
  assert.equal(obsolete.severity, 2);
  assert.equal(obsolete.message, 'MeSH 2025 has no record "D006261": the id is obsolete (deleted, or merged into another) or mistyped.');
  // The range covers `MESH:D006261` in the id column of line 8 (0-based 8: title, abstract, rows).
  const line = text.split('\n')[obsolete.range.start.line];
  assert.equal(line.slice(obsolete.range.start.character, obsolete.range.end.character), 'MESH:D006261');
  assert.match(malformed.message, /^"MESH:D00764" is not a MeSH id: a MeSH id is D or C and 6 or 9 digits/);
});

test('unknown-mesh-id reads each part of a composite id and leaves other namespaces alone', () => {
  const composite = file(doc('2', 'Pain and gout', '',
    row(2, 0, 13, 'Pain and gout', 'Disease', 'D010146|D006073', 'Pain|gout'),
    row(2, 0, 4, 'Pain', 'Gene', '5444'),
    row(2, 0, 4, 'Pain', 'Disease', 'OMIM:114480')));
  const found = only(composite, 'unknown-mesh-id', { concepts: { mesh } });
  assert.equal(found.length, 1);
  const line = composite.split('\n')[found[0].range.start.line];
  assert.equal(line.slice(found[0].range.start.character, found[0].range.end.character), 'D006073');
});

test('mesh-name-mismatch, when turned on: names and all entry terms match after folding; others are reported', () => {
  const severities = { 'mesh-name-mismatch': 'warning' } as const;
  const found = only(text, 'mesh-name-mismatch', { severities, concepts: { mesh } });
  assert.equal(found.length, 1);
  assert.equal(found[0].message, '"headache" is neither the MeSH name of D010146 ("Pain") nor any of its 10 entry terms.');
  assert.deepEqual(found[0].data, { ui: 'D010146', name: 'Pain' });
  // Off by default even with an index.
  assert.deepEqual(only(text, 'mesh-name-mismatch', { concepts: { mesh } }), []);
});

test('mesh-name-mismatch compares each part of a BC5CDR composite with its own text, and skips composites without', () => {
  const severities = { 'mesh-name-mismatch': 'warning' } as const;
  const withParts = file(doc('3', 'Ketamine and pain', '',
    row(3, 0, 17, 'Ketamine and pain', 'Chemical', 'D007649|D010146', 'Ketamine|headache')));
  const found = only(withParts, 'mesh-name-mismatch', { severities, concepts: { mesh } });
  assert.deepEqual(found.map((d) => d.data?.ui), ['D010146']);
  const noParts = file(doc('4', 'Ketamine and pain', '', row(4, 0, 17, 'Ketamine and pain', 'Chemical', 'D007649|D010146')));
  assert.deepEqual(only(noParts, 'mesh-name-mismatch', { severities, concepts: { mesh } }), []);
});

test('a closed index reports nothing rather than failing', () => {
  const closed = openMeshIndex(mesh.path);
  closed.close();
  const severities = { 'mesh-name-mismatch': 'warning' } as const;
  assert.deepEqual(check(text, { severities, concepts: { mesh: closed } }).filter((d) => /mesh/.test(d.code)), []);
});

test('cached diagnostics are recomputed when an index is loaded', () => {
  const parsed = parsePubtator(text);
  const before = validateFileReusing(parsed, {});
  assert.equal(before.diagnostics.filter((d) => d.code === 'unknown-mesh-id').length, 0);
  const withIndex = validateFileReusing(parsed, { concepts: { mesh } }, before.fileLevel);
  assert.equal(withIndex.diagnostics.filter((d) => d.code === 'unknown-mesh-id').length, 2);
  const without = validateFileReusing(parsed, {}, withIndex.fileLevel);
  assert.equal(without.diagnostics.filter((d) => d.code === 'unknown-mesh-id').length, 0);
});
