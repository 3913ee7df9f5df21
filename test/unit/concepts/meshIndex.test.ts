import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  MeshIndexError, MeshInputError, buildMeshIndex, openMeshIndex,
} from '../../../server/src/service/concepts/meshIndex';
import { HEADER_SIZE } from '../../../server/src/service/concepts/mesh/indexFormat';
import { ASCII_FILES, TempDir, XML_FILES, meshFixture } from './meshFixtures';

const tmp = new TempDir();
after(() => tmp.remove());

test('build -> open -> lookup round trip from XML', async () => {
  const out = join(tmp.path, 'xml', 'mesh.idx');
  const result = await buildMeshIndex(XML_FILES, out);
  assert.equal(result.year, 2025);
  assert.equal(result.yearSource, 'file-name');
  assert.equal(result.descriptors, 5);
  assert.equal(result.supplementary, 3);
  assert.deepEqual(result.warnings, []);
  assert.equal(result.bytes, readFileSync(out).length);
  const mesh = openMeshIndex(out);
  try {
    assert.equal(mesh.year, 2025);
    assert.equal(mesh.descriptors, 5);
    assert.equal(mesh.supplementary, 3);
    const k = mesh.lookup('D007649')!;
    assert.equal(k.name, 'Ketamine');
    assert.equal(k.kind, 'descriptor');
    assert.equal(k.entryTerms.length, 8, 'at most 8 entry terms are kept');
    assert.equal(k.entryTermCount, 11);
    assert.deepEqual(k.treeNumbers, ['D02.455.326.271.665.202', 'D02.455.526.728.468.202']);
    assert.equal(k.scopeNote, 'A cyclohexanone derivative given intravenously or intramuscularly to bring on anesthesia for short procedures.');
    const e = mesh.lookup('C000706722')!;
    assert.equal(e.kind, 'supplementary');
    assert.deepEqual(e.mappedTo, [{ ui: 'D007649', name: 'Ketamine' }]);
    assert.deepEqual(mesh.lookup('C012345')!.mappedTo, [{ ui: 'D007649', name: 'Ketamine', qualifier: 'analogs & derivatives' }]);
    assert.equal(mesh.lookup('D003866')!.name, 'Depression');
    assert.equal(mesh.lookup('D000086382')!.name, 'COVID-19');
    // Spellings of the same UI.
    assert.equal(mesh.lookup('MESH:d010146')?.name, 'Pain');
    assert.equal(mesh.lookup(' D010146 ')?.name, 'Pain');
  } finally {
    mesh.close();
  }
});

test('an unknown, obsolete or mistyped UI is undefined; has() answers from the key table', async () => {
  const out = join(tmp.path, 'unknown.idx');
  await buildMeshIndex(XML_FILES, out);
  const mesh = openMeshIndex(out);
  for (const ui of ['D999999', 'D00764', 'C000000001', '', 'Ketamine', 'D0076490000000', 'Q000009']) {
    assert.equal(mesh.lookup(ui), undefined, ui);
    assert.equal(mesh.has(ui), false, ui);
  }
  assert.equal(mesh.has('D007649'), true);
  assert.equal(mesh.has('D0007649'), false, 'a 7-digit UI is another key than the 6-digit one');
  mesh.close();
  assert.throws(() => mesh.lookup('D007649'), (e: unknown) => e instanceof MeshIndexError && e.reason === 'closed');
});

test('ASCII and XML builds agree; ASCII heading names are resolved to UIs from the descriptors', async () => {
  const fromAscii = join(tmp.path, 'ascii.idx');
  const fromXml = join(tmp.path, 'both.idx');
  // Supplementary file first: the builder still reads the descriptors first.
  await buildMeshIndex([...ASCII_FILES].reverse(), fromAscii);
  await buildMeshIndex(XML_FILES, fromXml);
  const a = openMeshIndex(fromAscii);
  const x = openMeshIndex(fromXml);
  for (const ui of ['D007649', 'D010146', 'D003866', 'D000086382', 'D014409', 'C000706722', 'C012345', 'C000654321']) {
    const ra = a.lookup(ui)!;
    const rx = x.lookup(ui)!;
    assert.equal(ra.name, rx.name, ui);
    assert.equal(ra.kind, rx.kind, ui);
    assert.deepEqual(ra.treeNumbers, rx.treeNumbers, ui);
    assert.equal(ra.scopeNote, rx.scopeNote, ui);
    assert.deepEqual(ra.mappedTo, rx.mappedTo, ui);
  }
  a.close();
  x.close();
});

test('gzipped inputs of all four formats build the same index', async () => {
  const gz = ['d2025.bin', 'c2025.bin', 'desc2025.xml', 'supp2025.xml'].map((n) => tmp.gzipped(meshFixture(n), n + '.gz'));
  for (const [label, inputs] of [['ascii', gz.slice(0, 2)], ['xml', gz.slice(2)]] as const) {
    const out = join(tmp.path, `gz-${label}.idx`);
    const r = await buildMeshIndex(inputs, out);
    assert.equal(r.descriptors + r.supplementary, 8, label);
    assert.ok(r.inputs.every((i) => i.gzip), label);
    const mesh = openMeshIndex(out);
    assert.equal(mesh.lookup('C000706722')?.mappedTo[0].ui, 'D007649', label);
    mesh.close();
  }
});

test('progress counts input bytes up to the total', async () => {
  const calls: [number, number][] = [];
  await buildMeshIndex(XML_FILES, join(tmp.path, 'progress.idx'), { onProgress: (done, total) => calls.push([done, total]) });
  const total = XML_FILES.reduce((n, f) => n + readFileSync(f).length, 0);
  assert.ok(calls.length >= 2);
  assert.ok(calls.every(([, t]) => t === total));
  for (let i = 1; i < calls.length; i++) assert.ok(calls[i][0] >= calls[i - 1][0], 'never goes back');
  assert.deepEqual(calls[calls.length - 1], [total, total]);
});

test('a cancelled build rejects with AbortError and leaves the previous index untouched', async () => {
  const out = join(tmp.path, 'cancel', 'mesh.idx');
  await buildMeshIndex(ASCII_FILES, out);
  const before = readFileSync(out);
  const controller = new AbortController();
  await assert.rejects(
    buildMeshIndex(XML_FILES, out, { signal: controller.signal, onProgress: () => controller.abort() }),
    (e: Error) => e.name === 'AbortError',
  );
  assert.deepEqual(readFileSync(out), before);
  assert.deepEqual(readdirSync(join(tmp.path, 'cancel')), ['mesh.idx'], 'no temporary file is left');
  const aborted = new AbortController();
  aborted.abort();
  await assert.rejects(buildMeshIndex(XML_FILES, join(tmp.path, 'never.idx'), { signal: aborted.signal }), (e: Error) => e.name === 'AbortError');
  assert.equal(existsSync(join(tmp.path, 'never.idx')), false);
});

test('bad input fails the build with MeshInputError and writes nothing', async () => {
  const out = join(tmp.path, 'bad', 'mesh.idx');
  await assert.rejects(buildMeshIndex([], out), MeshInputError);
  await assert.rejects(buildMeshIndex([meshFixture('README.md')], out), (e: unknown) => e instanceof MeshInputError && /README\.md: not a MeSH file/.test((e as Error).message));
  const text = readFileSync(meshFixture('supp2025.xml'), 'utf8');
  const cut = tmp.file('supp2025.xml', text.slice(0, text.length - 200));
  await assert.rejects(buildMeshIndex([XML_FILES[0], cut], out), /truncated|ends inside/);
  assert.equal(existsSync(join(tmp.path, 'bad')) ? readdirSync(join(tmp.path, 'bad')).length : 0, 0);
});

test('files from different years build, with a warning; a renamed file takes its year from the DTD', async () => {
  const supp2024 = tmp.copy(meshFixture('supp2025.xml'), 'supp2024.xml');
  const r = await buildMeshIndex([supp2024, XML_FILES[0]], join(tmp.path, 'years.idx'));
  assert.equal(r.year, 2025, 'the descriptors decide');
  assert.match(r.warnings.join('\n'), /different MeSH years \(2025, 2024\)/);
  const renamed = tmp.copy(meshFixture('desc2025.xml'), 'descriptors.xml');
  const r2 = await buildMeshIndex([renamed], join(tmp.path, 'dtd.idx'));
  assert.deepEqual([r2.year, r2.yearSource], [2025, 'dtd']);
  assert.equal(openMeshIndex(join(tmp.path, 'dtd.idx')).yearSource, 'dtd');
});

test('a record repeated in two inputs is kept once', async () => {
  const r = await buildMeshIndex([XML_FILES[0], tmp.copy(XML_FILES[0], 'desc2025-again.xml')], join(tmp.path, 'dup.idx'));
  assert.equal(r.descriptors, 5);
  assert.match(r.warnings.join('\n'), /5 records repeat a UI/);
});

test('damaged, truncated or foreign index files give MeshIndexError, never a wrong answer', async () => {
  const good = join(tmp.path, 'good.idx');
  await buildMeshIndex(XML_FILES, good);
  const bytes = readFileSync(good);
  const variant = (name: string, change: (b: Buffer) => Buffer) => {
    const p = join(tmp.path, name);
    writeFileSync(p, change(Buffer.from(bytes)));
    return p;
  };
  const reasonOf = (p: string) => {
    try {
      openMeshIndex(p).close();
      return 'opened';
    } catch (e) {
      assert.ok(e instanceof MeshIndexError, String(e));
      assert.match(e.message, new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      return e.reason;
    }
  };
  assert.equal(reasonOf(join(tmp.path, 'absent.idx')), 'missing');
  assert.equal(reasonOf(variant('empty.idx', () => Buffer.alloc(0))), 'not-an-index');
  assert.equal(reasonOf(variant('text.idx', () => Buffer.from('D007649\tKetamine\n'))), 'not-an-index');
  assert.equal(reasonOf(variant('truncated.idx', (b) => b.subarray(0, b.length - 5))), 'truncated');
  assert.equal(reasonOf(variant('longer.idx', (b) => Buffer.concat([b, Buffer.from('x')]))), 'truncated');
  assert.equal(reasonOf(variant('header.idx', (b) => { b[20] ^= 1; return b; })), 'corrupt');
  assert.equal(reasonOf(variant('version.idx', (b) => { b.writeUInt32LE(99, 8); return b; })), 'version');
  assert.equal(reasonOf(variant('keys.idx', (b) => { b[b.length - 3] ^= 0xff; return b; })), 'corrupt');

  // A flipped byte anywhere in the data section: every lookup is right or an error.
  const dataEnd = bytes.readUInt32LE(36);
  const expected = new Map<string, string>();
  const clean = openMeshIndex(good);
  const uis = ['D007649', 'D010146', 'D003866', 'D000086382', 'D014409', 'C000706722', 'C012345', 'C000654321'];
  for (const ui of uis) expected.set(ui, JSON.stringify(clean.lookup(ui), (k, v) => (k === 'termKeys' ? [...v] : v)));
  clean.close();
  let errors = 0;
  for (let at = HEADER_SIZE; at < dataEnd; at += 3) {
    const p = variant('flip.idx', (b) => { b[at] ^= 0x5a; return b; });
    const mesh = openMeshIndex(p);
    for (const ui of uis) {
      try {
        const got = JSON.stringify(mesh.lookup(ui), (k, v) => (k === 'termKeys' ? [...v] : v));
        assert.equal(got, expected.get(ui), `byte ${at} changed the answer for ${ui}`);
      } catch (e) {
        assert.ok(e instanceof MeshIndexError && e.reason === 'corrupt', String(e));
        errors++;
      }
    }
    mesh.close();
  }
  assert.ok(errors > 0);
});
