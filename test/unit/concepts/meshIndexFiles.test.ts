import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { buildMeshIndex } from '../../../server/src/service/concepts/meshIndex';
import { expandHome, isMeshIndexFile, meshIndexPathFor, removeOtherIndexes } from '../../../server/src/service/concepts/meshIndexFiles';
import { MeshInputError } from '../../../server/src/service/concepts/mesh/meshFile';
import { TempDir, XML_FILES } from './meshFixtures';

const tmp = new TempDir();
after(() => tmp.remove());

test('one index name per set of files, whatever their order; a changed file gets a new name', () => {
  const a = tmp.copy(XML_FILES[0], 'desc2025.xml');
  const b = tmp.copy(XML_FILES[1], 'supp2025.xml');
  const first = meshIndexPathFor([a, b], tmp.path);
  assert.match(first, /mesh-[0-9a-f]{16}\.idx$/);
  assert.equal(meshIndexPathFor([b, a], tmp.path), first);
  utimesSync(a, new Date(2001, 1, 1), new Date(2001, 1, 1));
  assert.notEqual(meshIndexPathFor([a, b], tmp.path), first);
});

test('relative and missing paths are refused with a message', () => {
  assert.throws(() => meshIndexPathFor(['desc2025.xml'], tmp.path), (e: unknown) => e instanceof MeshInputError && /absolute path/.test((e as Error).message));
  assert.throws(() => meshIndexPathFor([join(tmp.path, 'nothere.xml')], tmp.path), /cannot be read \(ENOENT\)/);
  assert.throws(() => meshIndexPathFor([tmp.path], tmp.path), /not a file/);
});

test('an index is told from MeSH files by its first bytes; old indexes are removed', async () => {
  const out = join(tmp.path, 'mesh-0000000000000001.idx');
  await buildMeshIndex(XML_FILES, out);
  assert.equal(isMeshIndexFile(out), true);
  assert.equal(isMeshIndexFile(XML_FILES[0]), false);
  assert.equal(isMeshIndexFile(join(tmp.path, 'nothere')), false);
  const old = join(tmp.path, 'mesh-0000000000000002.idx');
  const other = tmp.file('notes.txt', 'keep me');
  writeFileSync(old, 'old');
  removeOtherIndexes(tmp.path, out);
  assert.equal(existsSync(old), false);
  assert.equal(existsSync(out), true);
  assert.equal(existsSync(other), true);
});

test('~ means the home folder', () => {
  assert.equal(expandHome('~/mesh/desc2025.xml'), join(homedir(), 'mesh', 'desc2025.xml'));
  assert.equal(expandHome('/abs/~/x'), '/abs/~/x');
});
