import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  MeshDownloadError, NLM_MESH_XML_BASE, currentMeshYear, downloadMeshFiles,
} from '../../../server/src/service/concepts/meshDownload';
import { buildMeshIndex, openMeshIndex } from '../../../server/src/service/concepts/meshIndex';
import { startLoopback } from './loopback';
import { TempDir, meshFixture } from './meshFixtures';

const tmp = new TempDir();
after(() => tmp.remove());

const DESC = gzipSync(readFileSync(meshFixture('desc2025.xml')));
const SUPP = gzipSync(readFileSync(meshFixture('supp2025.xml')));
const inNovember2024 = () => new Date(2024, 10, 15);

test('the current MeSH year turns over in November, when NLM publishes the next one', () => {
  assert.equal(currentMeshYear(new Date(2025, 0, 10)), 2025);
  assert.equal(currentMeshYear(new Date(2025, 9, 31)), 2025);
  assert.equal(currentMeshYear(new Date(2025, 10, 1)), 2026);
  assert.equal(NLM_MESH_XML_BASE, 'https://nlmpubs.nlm.nih.gov/projects/mesh/MESH_FILES/xmlmesh/');
});

test('downloads both files with progress, falls back to last year, and the result builds an index', async () => {
  // It is November 2024: MeSH 2025 is expected; this server has only 2025... and no 2026 (after the turn).
  const server = await startLoopback((req, res) => {
    const body = req.url === '/mesh/desc2025.gz' ? DESC : req.url === '/mesh/supp2025.gz' ? SUPP : undefined;
    if (!body) {
      res.writeHead(404).end('not here');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-gzip', 'content-length': body.length });
    res.end(body);
  });
  try {
    const progress: { file: string; bytes: number; totalBytes?: number }[] = [];
    const dir = join(tmp.path, 'fallback');
    const got = await downloadMeshFiles({ dir, baseUrl: server.url + 'mesh/', now: () => new Date(2025, 10, 20), onProgress: (p) => progress.push(p) });
    assert.equal(got.year, 2025);
    assert.deepEqual(got.files.map((f) => [f.kind, f.path, f.bytes]), [
      ['descriptors', join(dir, 'desc2025.gz'), DESC.length],
      ['supplementary', join(dir, 'supp2025.gz'), SUPP.length],
    ]);
    assert.deepEqual(server.requests, ['/mesh/desc2026.gz', '/mesh/desc2026.xml', '/mesh/desc2025.gz', '/mesh/supp2025.gz']);
    assert.deepEqual(progress[progress.length - 1], { file: 'supp2025.gz', bytes: SUPP.length, totalBytes: SUPP.length });
    assert.ok(progress.some((p) => p.file === 'desc2025.gz'));
    assert.deepEqual(readdirSync(dir).sort(), ['desc2025.gz', 'supp2025.gz']);
    const built = await buildMeshIndex(got.files.map((f) => f.path), join(dir, 'mesh.idx'));
    assert.equal(built.year, 2025);
    const mesh = openMeshIndex(join(dir, 'mesh.idx'));
    assert.equal(mesh.lookup('C000706722')?.name, 'esketamine');
    mesh.close();
  } finally {
    await server.close();
  }
});

test('redirects are followed; a file that is not MeSH or does not decompress is refused and removed', async () => {
  const cut = DESC.subarray(0, DESC.length - 30);
  const server = await startLoopback((req, res) => {
    if (req.url === '/a/desc2025.gz') res.writeHead(302, { location: '/b/desc2025.gz' }).end();
    else if (req.url === '/b/desc2025.gz') res.writeHead(200).end(DESC);
    else if (req.url === '/html/desc2025.gz') res.writeHead(200, { 'content-type': 'text/html' }).end('<html>maintenance</html>');
    else if (req.url === '/cut/desc2025.gz') res.writeHead(200).end(cut);
    else if (req.url === '/swapped/desc2025.gz') res.writeHead(200).end(SUPP);
    else if (req.url === '/err/desc2025.gz') res.writeHead(503).end('busy');
    else res.writeHead(404).end();
  });
  try {
    const ok = await downloadMeshFiles({ dir: join(tmp.path, 'redirect'), baseUrl: server.url + 'a/', year: 2025, kinds: ['descriptors'] });
    assert.equal(ok.files[0].bytes, DESC.length);
    for (const [base, message] of [
      ['html/', /did not give a MeSH file/],
      ['cut/', /does not decompress/],
      ['swapped/', /gave MeSH supplementary records, not descriptor records/],
      ['err/', /answered 503/],
      ['none/', /NLM has no desc file for MeSH 2025/],
    ] as const) {
      const dir = join(tmp.path, 'refused-' + base.slice(0, -1));
      await assert.rejects(
        downloadMeshFiles({ dir, baseUrl: server.url + base, year: 2025, kinds: ['descriptors'] }),
        (e: unknown) => e instanceof MeshDownloadError && message.test(e.message),
        base,
      );
      assert.deepEqual(readdirSync(dir), [], `${base}: nothing is left behind`);
    }
  } finally {
    await server.close();
  }
});

test('cancelling stops the download and removes the partial file', async () => {
  let sent = 0;
  const server = await startLoopback((_req, res) => {
    res.writeHead(200, { 'content-length': DESC.length * 4 });
    res.write(DESC.subarray(0, 1000)); // then never finishes
    sent++;
  });
  try {
    const dir = join(tmp.path, 'cancel');
    const controller = new AbortController();
    await assert.rejects(
      downloadMeshFiles({ dir, baseUrl: server.url, year: 2025, signal: controller.signal, onProgress: () => controller.abort() }),
      (e: Error) => e.name === 'AbortError',
    );
    assert.equal(sent, 1);
    assert.deepEqual(readdirSync(dir), []);
  } finally {
    await server.close();
  }
});

test('only HTTPS, or HTTP to this machine, is fetched; an unreachable server is a clear error', async () => {
  await assert.rejects(
    downloadMeshFiles({ dir: join(tmp.path, 'http'), baseUrl: 'http://example.org/mesh/', year: 2025, now: inNovember2024 }),
    /only HTTPS addresses are fetched/,
  );
  const server = await startLoopback(() => undefined);
  const url = server.url;
  await server.close();
  await assert.rejects(downloadMeshFiles({ dir: join(tmp.path, 'down'), baseUrl: url, year: 2025 }), /cannot reach 127\.0\.0\.1/);
  assert.equal(existsSync(join(tmp.path, 'down', 'desc2025.gz')), false);
});
