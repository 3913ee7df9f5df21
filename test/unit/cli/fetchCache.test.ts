// `pubtator fetch`'s cache on disk (node/fetchDiskCache.ts) against a local
// stand-in for PubTator3 that counts the requests it gets: a second fetch of
// the same ids asks nothing; --no-cache, --cache-dir, PUBTATOR_CACHE_DIR and
// --cache-max-age do what they say; a damaged entry is asked again and
// replaced; error answers are not kept; the folder stays under its size
// bound. The built CLI is run twice too.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { runFetch } from '../../../server/src/cli/runFetch';
import { parseFetchArgs, type FetchCommand } from '../../../server/src/cli/fetchArgs';
import { defaultFetchCacheDir, FetchDiskCache } from '../../../server/src/node/fetchDiskCache';
import { fetchCacheKey } from '../../../server/src/service/fetch/fetchCache';
import { CLI, ensureBuilt, tempDir } from './cliHarness';

const pubDoc = (id: string) => `${id}|t|Title ${id}\n${id}|a|Abstract ${id}.\n`;

/** PubTator3's stand-in: PubTator text for the ids asked; `status` answers instead while it is not 200. */
async function standIn() {
  const asked: string[][] = [];
  const state = { status: 200 };
  const server = createServer((req, res) => {
    const ids = new URL(req.url ?? '/', 'http://x').searchParams.get('pmids')?.split(',') ?? [];
    asked.push(ids);
    res.writeHead(state.status, { 'content-type': 'text/plain' });
    res.end(state.status === 200 ? ids.map(pubDoc).join('\n') : 'busy');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  return { url, asked, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function sink() {
  let text = '';
  return { stream: { write: (s: string) => { text += s; return true; }, isTTY: false } as unknown as NodeJS.WriteStream, get text() { return text; } };
}

function command(argv: string[]): FetchCommand {
  const c = parseFetchArgs(argv);
  assert.equal(c.kind, 'fetch', JSON.stringify(c));
  return c as FetchCommand;
}

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const out = sink();
  const err = sink();
  const code = await runFetch(command(argv), { stdout: out.stream, stderr: err.stream }, { sleep: async () => undefined, tries: 1 }, env);
  return { code, out: out.text, err: err.text };
}

const entries = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.json')) : []);

test('fetch cache: the second fetch of the same ids makes no request and writes the same file', async () => {
  const stand = await standIn();
  const dir = tempDir();
  try {
    const env = { PUBTATOR_API_URL: stand.url, PUBTATOR_CACHE_DIR: dir.path };
    const first = await run(['1', '2', '3'], env);
    assert.equal(first.code, 0, first.err);
    assert.equal(stand.asked.length, 1);
    assert.equal(entries(dir.path).length, 3);
    const second = await run(['3', '2', '1', 'PMID:2'], env);
    assert.equal(second.code, 0, second.err);
    assert.equal(stand.asked.length, 1, 'no request the second time');
    assert.match(second.err, /3 document\(s\) fetched \(3 from the cache\)/);
    assert.equal(second.out, `${pubDoc('3')}\n${pubDoc('2')}\n${pubDoc('1')}`);
    const third = await run(['2', '4'], env);
    assert.deepEqual(stand.asked[1], ['4']);
    assert.equal(third.out, `${pubDoc('2')}\n${pubDoc('4')}`);
  } finally {
    dir.remove();
    await stand.close();
  }
});

test('fetch cache: --no-cache asks every time and keeps nothing; --cache-dir wins over PUBTATOR_CACHE_DIR', async () => {
  const stand = await standIn();
  const envDir = tempDir();
  const own = tempDir();
  try {
    const env = { PUBTATOR_API_URL: stand.url, PUBTATOR_CACHE_DIR: envDir.path };
    await run(['1', '--no-cache'], env);
    await run(['1', '--no-cache'], env);
    assert.equal(stand.asked.length, 2);
    assert.deepEqual(entries(envDir.path), []);
    await run(['1', '--cache-dir', own.path], env);
    await run(['1', '--cache-dir', own.path], env);
    assert.equal(stand.asked.length, 3);
    assert.equal(entries(own.path).length, 1);
    assert.deepEqual(entries(envDir.path), []);
    assert.equal(parseFetchArgs(['1', '--no-cache', '--cache-dir', own.path]).kind, 'usage');
    assert.equal(parseFetchArgs(['1', '--cache-max-age', 'soon']).kind, 'usage');
    assert.equal(parseFetchArgs(['1', '--cache-max-age', '-1']).kind, 'usage');
  } finally {
    envDir.remove();
    own.remove();
    await stand.close();
  }
});

test('fetch cache: --cache-max-age 0 asks again; an entry past the age is not used', async () => {
  const stand = await standIn();
  const dir = tempDir();
  try {
    const env = { PUBTATOR_API_URL: stand.url, PUBTATOR_CACHE_DIR: dir.path };
    await run(['1'], env);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await run(['1', '--cache-max-age', '0'], env);
    assert.equal(stand.asked.length, 2);
    await run(['1', '--cache-max-age', '0.5'], env);
    assert.equal(stand.asked.length, 2, 'half a day old at most: used');
    let now = Date.now();
    const cache = new FetchDiskCache(dir.path, { maxAgeMs: 1000, now: () => now });
    await cache.put('k', 'v');
    assert.equal(await cache.get('k'), 'v');
    now += 1001;
    assert.equal(await cache.get('k'), undefined);
  } finally {
    dir.remove();
    await stand.close();
  }
});

test('fetch cache: a damaged entry is ignored, asked again and replaced; a failed request is not kept', async () => {
  const stand = await standIn();
  const dir = tempDir();
  try {
    const env = { PUBTATOR_API_URL: stand.url, PUBTATOR_CACHE_DIR: dir.path };
    await run(['1', '2'], env);
    const cache = new FetchDiskCache(dir.path);
    const file1 = cache.fileOf(fetchCacheKey(stand.url, 'pubtator', 'pmids', '1'));
    const file2 = cache.fileOf(fetchCacheKey(stand.url, 'pubtator', 'pmids', '2'));
    writeFileSync(file1, '{"v":1,"key":"pubtator3-exp');
    writeFileSync(file2, JSON.stringify({ v: 1, key: 'another key', at: Date.now(), body: pubDoc('2') }));
    const again = await run(['1', '2'], env);
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(stand.asked[1], ['1', '2']);
    assert.equal(again.out, `${pubDoc('1')}\n${pubDoc('2')}`);
    assert.equal(JSON.parse(readFileSync(file1, 'utf8')).body, pubDoc('1'));
    stand.state.status = 503;
    const failed = await run(['5'], env);
    assert.equal(failed.code, 1);
    assert.equal(entries(dir.path).length, 2, 'the error answer is not kept');
    stand.state.status = 200;
    await run(['5'], env);
    assert.equal(stand.asked.length, 4, 'so it is asked again');
  } finally {
    dir.remove();
    await stand.close();
  }
});

test('fetch cache: prune keeps the folder under its size bound, oldest first, and drops left-over temporary files', async () => {
  const dir = tempDir();
  try {
    // Each entry is some 350 bytes on disk: three fit under 1100, five do not.
    const cache = new FetchDiskCache(dir.path, { maxBytes: 1100 });
    const body = 'x'.repeat(300);
    const old = Date.now() / 1000 - 7200;
    for (let i = 0; i < 5; i++) {
      await cache.put(`k${i}`, body);
      utimesSync(cache.fileOf(`k${i}`), old + i * 60, old + i * 60);
    }
    const leftOver = `${cache.fileOf('k9')}.123.abcd.tmp`;
    writeFileSync(leftOver, 'half');
    utimesSync(leftOver, old, old);
    await cache.prune();
    assert.deepEqual(await Promise.all([0, 1, 2, 3, 4].map((i) => cache.get(`k${i}`).then((v) => v !== undefined))), [false, false, true, true, true]);
    assert.ok(!existsSync(leftOver));
    // A folder that cannot be made is said, never thrown.
    const said: string[] = [];
    writeFileSync(join(dir.path, 'a-file'), '');
    await new FetchDiskCache(join(dir.path, 'a-file', 'sub'), {}, (m) => said.push(m)).put('k', 'v');
    assert.equal(said.length, 1);
  } finally {
    dir.remove();
  }
});

test('fetch cache: the default folder is PUBTATOR_CACHE_DIR, else pubtator/fetch under XDG_CACHE_HOME', () => {
  assert.equal(defaultFetchCacheDir({ PUBTATOR_CACHE_DIR: '/x/y', XDG_CACHE_HOME: '/c' }), '/x/y');
  if (process.platform !== 'win32') assert.equal(defaultFetchCacheDir({ XDG_CACHE_HOME: '/c' }), join('/c', 'pubtator', 'fetch'));
});

test('fetch cache: the built CLI twice, the second time without a request', async () => {
  ensureBuilt();
  const stand = await standIn();
  const dir = tempDir();
  try {
    const once = async () => {
      const child = spawn(process.execPath, [CLI, 'fetch', '7', '8'], { env: { ...process.env, PUBTATOR_API_URL: stand.url, XDG_CACHE_HOME: dir.path, PUBTATOR_CACHE_DIR: '' } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => { stdout += d; });
      child.stderr.on('data', (d) => { stderr += d; });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      return { code, stdout, stderr };
    };
    const a = await once();
    const b = await once();
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.equal(stand.asked.length, 1);
    assert.equal(b.stdout, a.stdout);
    assert.equal(entries(join(dir.path, 'pubtator', 'fetch')).length, 2);
  } finally {
    dir.remove();
    await stand.close();
  }
});
