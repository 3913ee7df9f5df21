// An index read from memory, as the web worker holds one (no disk there):
// the same answers as the file on disk, and the same refusals of damaged bytes.
// Plain Uint8Arrays, not Buffers, so no Node-only method can hide in the reader.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MeshIndexError, buildMeshIndex, bytesInMemory, openMeshIndex, openMeshIndexBytes,
} from '../../../server/src/service/concepts/meshIndex';
import { HEADER_SIZE } from '../../../server/src/service/concepts/mesh/indexFormat';
import { XML_FILES, TempDir } from './meshFixtures';

const tmp = new TempDir();
after(() => tmp.remove());

const UIS = ['D007649', 'D010146', 'D003866', 'D000086382', 'D014409', 'C000706722', 'C012345', 'C000654321', 'D999999', 'Q000009'];
const asJson = (v: unknown) => JSON.stringify(v, (k, x) => (k === 'termKeys' ? [...x] : x));

test('an index in memory answers every look-up as the same file on disk does', async () => {
  const path = join(tmp.path, 'mesh.idx');
  await buildMeshIndex(XML_FILES, path);
  const onDisk = openMeshIndex(path);
  const inMemory = openMeshIndexBytes(bytesInMemory(new Uint8Array(readFileSync(path))), 'workspace/mesh.idx');
  assert.equal(inMemory.path, 'workspace/mesh.idx');
  for (const key of ['year', 'yearSource', 'descriptors', 'supplementary', 'builtAt'] as const) assert.equal(inMemory[key], onDisk[key], key);
  for (const ui of UIS) {
    assert.equal(inMemory.has(ui), onDisk.has(ui), ui);
    assert.equal(asJson(inMemory.lookup(ui)), asJson(onDisk.lookup(ui)), ui);
  }
  assert.equal(inMemory.lookup('MESH:D007649')?.name, 'Ketamine');
  onDisk.close();
  inMemory.close();
  assert.throws(() => inMemory.lookup('D007649'), (e: unknown) => e instanceof MeshIndexError && e.reason === 'closed');
});

test('damaged bytes in memory give MeshIndexError, never a wrong answer', async () => {
  const path = join(tmp.path, 'damaged.idx');
  await buildMeshIndex(XML_FILES, path);
  const good = new Uint8Array(readFileSync(path));
  const reasonOf = (bytes: Uint8Array) => {
    try {
      openMeshIndexBytes(bytesInMemory(bytes), 'x.idx').close();
      return 'opened';
    } catch (e) {
      assert.ok(e instanceof MeshIndexError, String(e));
      return e.reason;
    }
  };
  assert.equal(reasonOf(new Uint8Array(0)), 'not-an-index');
  assert.equal(reasonOf(new TextEncoder().encode('D007649\tKetamine\n')), 'not-an-index');
  assert.equal(reasonOf(good.slice(0, good.length - 5)), 'truncated');
  const flipped = (at: number) => {
    const b = good.slice();
    b[at] ^= 0x5a;
    return b;
  };
  assert.equal(reasonOf(flipped(20)), 'corrupt');
  assert.equal(reasonOf(flipped(good.length - 3)), 'corrupt');
  const clean = openMeshIndexBytes(bytesInMemory(good), 'x.idx');
  const expected = new Map(UIS.map((ui) => [ui, asJson(clean.lookup(ui))]));
  const dataEnd = new DataView(good.buffer, good.byteOffset).getUint32(36, true);
  let errors = 0;
  for (let at = HEADER_SIZE; at < dataEnd; at += 7) {
    const mesh = openMeshIndexBytes(bytesInMemory(flipped(at)), 'x.idx');
    for (const ui of UIS) {
      try {
        assert.equal(asJson(mesh.lookup(ui)), expected.get(ui), `byte ${at} changed the answer for ${ui}`);
      } catch (e) {
        assert.ok(e instanceof MeshIndexError && e.reason === 'corrupt', String(e));
        errors++;
      }
    }
  }
  assert.ok(errors > 0, 'some flipped bytes were noticed');
});
