// `pubtator fetch` against a local stand-in for PubTator3's export API
// (node:http on 127.0.0.1, canned answers; no real network): batches of 100,
// requests paced at 3 a second (measured gaps), retries on 429/5xx with
// backoff (fake sleep), ids not returned named, output written atomically,
// exit status. The built CLI is run once too, through PUBTATOR_API_URL.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { runFetch } from '../../../server/src/cli/runFetch';
import { parseFetchArgs, type FetchCommand } from '../../../server/src/cli/fetchArgs';
import { CLI, ensureBuilt, tempDir } from './cliHarness';

/** One cache folder for this file's runs, never the user's (each stand-in's own URL keeps their entries apart). */
const cacheDir = tempDir();
after(() => cacheDir.remove());
const envFor = (url: string) => ({ PUBTATOR_API_URL: url, PUBTATOR_CACHE_DIR: cacheDir.path });

type Handler = (format: string, kind: string, ids: string[], n: number) => { status: number; body: string; headers?: Record<string, string> };

interface Stand {
  url: string;
  hits: { format: string; ids: string[] }[];
  close: () => Promise<void>;
}

async function standIn(handler: Handler): Promise<Stand> {
  const hits: Stand['hits'] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const m = /^\/api\/publications\/export\/(pubtator|biocxml|biocjson)$/.exec(u.pathname);
    const kind = u.searchParams.has('pmcids') ? 'pmcids' : 'pmids';
    const ids = (u.searchParams.get(kind) ?? '').split(',').filter(Boolean);
    hits.push({ format: m?.[1] ?? '?', ids });
    if (!m) { res.writeHead(404); res.end('no such endpoint'); return; }
    const answer = handler(m[1], kind, ids, hits.length);
    res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/api`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const pubDoc = (id: string) => `${id}|t|Title ${id}\n${id}|a|Abstract ${id}.\n${id}\t0\t5\tTitle\tGene\t1\n`;

/** Answers like PubTator3: the known ids' documents; unknown ones (ending in 9) left out silently. */
const known: Handler = (_format, _kind, ids) => ({ status: 200, body: ids.filter((id) => !id.endsWith('9')).map(pubDoc).join('\n') });

function sink() {
  let text = '';
  return { stream: { write: (s: string) => { text += s; return true; }, isTTY: false } as unknown as NodeJS.WriteStream, get text() { return text; } };
}

function command(argv: string[]): FetchCommand {
  const c = parseFetchArgs(argv);
  assert.equal(c.kind, 'fetch');
  return c as FetchCommand;
}

test('fetch: 250 PMIDs in 3 requests of at most 100, paced at 3 a second, missing ids named, exit 1', async () => {
  const stand = await standIn(known);
  const dir = tempDir();
  try {
    const ids = Array.from({ length: 250 }, (_, i) => String(10000 + i));
    const listFile = join(dir.path, 'ids.txt');
    writeFileSync(listFile, `# my list\n${ids.slice(100).join('\n')}\n`);
    const out = join(dir.path, 'out.pubtator');
    const err = sink();
    // Request starts as the client makes them (the server's arrival times also carry connection set-up).
    const starts: number[] = [];
    const timed: typeof fetch = (input, init) => { starts.push(performance.now()); return fetch(input, init); };
    const code = await runFetch(command([...ids.slice(0, 100), '--ids-from', listFile, '-o', out]), { stdout: sink().stream, stderr: err.stream }, { fetch: timed }, envFor(stand.url));
    assert.equal(code, 1, err.text);
    assert.deepEqual(stand.hits.map((h) => h.ids.length), [100, 100, 50]);
    assert.deepEqual(stand.hits.flatMap((h) => h.ids), ids);
    assert.equal(starts.length, 3);
    for (let i = 1; i < starts.length; i++) assert.ok(starts[i] - starts[i - 1] >= 330, `gap ${starts[i] - starts[i - 1]} ms`);
    const missing = ids.filter((id) => id.endsWith('9'));
    assert.ok(err.text.includes(`not returned by PubTator3 (${missing.length}): ${missing.join(', ')}`), err.text);
    const expected = ids.filter((id) => !id.endsWith('9')).map((id) => pubDoc(id).trimEnd()).join('\n\n') + '\n';
    assert.equal(readFileSync(out, 'utf8'), expected);
    assert.deepEqual(readdirSync(dir.path).filter((n) => n.endsWith('.tmp')), []);
  } finally {
    dir.remove();
    await stand.close();
  }
});

test('fetch: 429 and 503 tried again after the backoff (Retry-After honoured), then success, exit 0', async () => {
  const stand = await standIn((format, kind, ids, n) => n === 1 ? { status: 429, body: 'slow down', headers: { 'retry-after': '2' } } : n === 2 ? { status: 503, body: 'busy' } : known(format, kind, ids, n));
  const sleeps: number[] = [];
  try {
    const out = sink();
    const err = sink();
    const code = await runFetch(command(['1', '2']), { stdout: out.stream, stderr: err.stream }, { sleep: async (ms) => { sleeps.push(ms); }, backoffMs: 100 }, envFor(stand.url));
    assert.equal(code, 0, err.text);
    assert.equal(stand.hits.length, 3);
    assert.equal(out.text, `${pubDoc('1')}\n${pubDoc('2')}`);
    // Retry-After: 2 s, then the second retry's doubled backoff (200 ms); pacing waits are not counted here (the fake sleep returns at once).
    assert.ok(sleeps.includes(2000) && sleeps.includes(200), JSON.stringify(sleeps));
  } finally {
    await stand.close();
  }
});

test('fetch: a 404 is not retried; nothing fetched leaves the existing target untouched, exit 1', async () => {
  const stand = await standIn(() => ({ status: 404, body: 'not found' }));
  const dir = tempDir();
  try {
    const out = join(dir.path, 'keep.pubtator');
    writeFileSync(out, 'old\n');
    const err = sink();
    const code = await runFetch(command(['5', '-o', out]), { stdout: sink().stream, stderr: err.stream }, { sleep: async () => undefined }, envFor(stand.url));
    assert.equal(code, 1);
    assert.equal(stand.hits.length, 1);
    assert.match(err.text, /request failed for 1 id\(s\) \(5\): HTTP 404/);
    assert.equal(readFileSync(out, 'utf8'), 'old\n');
  } finally {
    dir.remove();
    await stand.close();
  }
});

test('fetch: a server that keeps failing is given up on after the tries; the other batch is still written', async () => {
  const stand = await standIn((format, kind, ids, n) => ids.includes('1') ? { status: 500, body: 'boom' } : known(format, kind, ids, n));
  try {
    const out = sink();
    const err = sink();
    const ids = Array.from({ length: 101 }, (_, i) => String(i + 1));
    const code = await runFetch(command(ids), { stdout: out.stream, stderr: err.stream }, { sleep: async () => undefined, tries: 3 }, envFor(stand.url));
    assert.equal(code, 1);
    assert.equal(stand.hits.length, 4);
    assert.equal(out.text, pubDoc('101'));
    assert.match(err.text, /request failed for 100 id\(s\) \(1, 2, 3, 4, 5, \.\.\.\): HTTP 500/);
  } finally {
    await stand.close();
  }
});

test('fetch: BioC JSON from PMIDs and PMCIDs merged into one {"PubTator3": [...]}; PMCIDs refused for pubtator', async () => {
  const stand = await standIn((_format, kind, ids) => ({ status: 200, body: JSON.stringify({ PubTator3: ids.map((id) => kind === 'pmcids' ? { _id: `77|${id}`, id: '77', pmid: 77, pmcid: id, passages: [] } : { _id: `${id}|None`, id, pmid: Number(id), passages: [{ infons: { year: 2020 } }] }) }) }));
  try {
    const out = sink();
    const err = sink();
    const code = await runFetch(command(['--format', 'bioc-json', '3', 'PMC8']), { stdout: out.stream, stderr: err.stream }, {}, envFor(stand.url));
    assert.equal(code, 0, err.text);
    assert.deepEqual(stand.hits.map((h) => [h.format, h.ids]), [['biocjson', ['3']], ['biocjson', ['PMC8']]]);
    assert.deepEqual(JSON.parse(out.text).PubTator3.map((d: { id: string }) => d.id), ['3', '77']);
    const err2 = sink();
    const code2 = await runFetch(command(['4', 'PMC8']), { stdout: sink().stream, stderr: err2.stream }, {}, envFor(stand.url));
    assert.equal(code2, 1);
    assert.match(err2.text, /PMC ids \(full text\) come only as BioC.*PMC8/);
  } finally {
    await stand.close();
  }
});

test('fetch: usage errors (no ids, bad format, bad id) exit 2 without a request', async () => {
  assert.equal(parseFetchArgs([]).kind, 'usage');
  assert.equal(parseFetchArgs(['1', '--format', 'xml']).kind, 'usage');
  const err = sink();
  assert.equal(await runFetch(command(['12', 'abc']), { stdout: sink().stream, stderr: err.stream }, {}, envFor('http://127.0.0.1:9/none')), 2);
  assert.match(err.text, /not a PMID or PMCID: "abc"/);
});

test('fetch: the built CLI through PUBTATOR_API_URL, BioC XML to -o', async () => {
  ensureBuilt();
  const stand = await standIn((_format, _kind, ids) => ({ status: 200, body: `<?xml version="1.0" encoding="UTF-8"?><collection><source>PubTator</source>${ids.map((id) => `<document><id>${id}</id></document>`).join('')}</collection>` }));
  const dir = tempDir();
  try {
    const out = join(dir.path, 'out.xml');
    // Asynchronous child: the stand-in server answers from this process's event loop.
    const child = spawn(process.execPath, [CLI, 'fetch', '1', '2', '--format', 'bioc-xml', '-o', out], { env: { ...process.env, ...envFor(stand.url) } });
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, stderr);
    assert.ok(existsSync(out));
    assert.equal(readFileSync(out, 'utf8'), '<?xml version="1.0" encoding="UTF-8"?><collection><source>PubTator</source><document><id>1</id></document><document><id>2</id></document></collection>\n');
    assert.match(stderr, /2 document\(s\) fetched/);
  } finally {
    dir.remove();
    await stand.close();
  }
});
