import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OnlineAnswer, OnlineConcepts, OnlineConceptsOptions } from '../../../server/src/service/concepts/online/onlineConcepts';
import { DiskCache } from '../../../server/src/service/concepts/online/diskCache';
import { RateLimiter } from '../../../server/src/service/concepts/online/rateLimiter';
import { normaliseOnlineId, parseResponse } from '../../../server/src/service/concepts/online/sources';
import { onlineTarget } from '../../../server/src/service/concepts/online/targets';
import { parseConceptId } from '../../../server/src/service/parse/conceptIds';
import { Loopback, sendJson, startLoopback } from './loopback';
import { TempDir } from './meshFixtures';

const tmp = new TempDir();
after(() => tmp.remove());

// Shaped like E-utilities esummary and Cellosaurus API answers.
const GENES: Record<string, object> = {
  '5444': { uid: '5444', name: 'PON1', description: 'paraoxonase 1', organism: { scientificname: 'Homo sapiens', commonname: 'human', taxid: 9606 }, otheraliases: 'ESA, MVCD5, PON', currentid: '' },
  '7157': { uid: '7157', name: 'TP53', description: 'tumor protein p53', organism: { scientificname: 'Homo sapiens' }, otheraliases: 'BCC7, LFS1, P53', currentid: '' },
};
const TAXA: Record<string, object> = { '9606': { uid: '9606', rank: 'species', scientificname: 'Homo sapiens', commonname: 'human' } };
const SNPS: Record<string, object> = {
  '113488022': { uid: '113488022', snp_id: 113488022, genes: [{ name: 'BRAF', gene_id: '673' }], chr: '7', chrpos: '140753336', clinical_significance: 'pathogenic,likely-pathogenic' },
};
const CELL_LINES: Record<string, object> = {
  CVCL_0030: {
    'accession-list': [{ type: 'primary', value: 'CVCL_0030' }],
    'name-list': [{ type: 'identifier', value: 'HeLa' }, { type: 'synonym', value: 'HELA' }, { type: 'synonym', value: 'Hela' }],
    'species-list': [{ terminology: 'NCBI-Taxonomy', accession: '9606', value: 'Homo sapiens (Human)' }],
    'disease-list': [{ terminology: 'NCIt', accession: 'C27677', value: 'Human papillomavirus-related endocervical adenocarcinoma' }],
  },
};
const DBS: Record<string, Record<string, object>> = { gene: GENES, taxonomy: TAXA, snp: SNPS };

interface Stand {
  server: Loopback;
  mode: { value: 'ok' | 'error' | 'bad-json' | 'rate-limit' };
}

async function standIn(): Promise<Stand> {
  const mode: Stand['mode'] = { value: 'ok' };
  const server = await startLoopback((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '', 'http://127.0.0.1');
    if (mode.value === 'error') return sendJson(res, 500, { error: 'internal' });
    if (mode.value === 'bad-json') return sendJson(res, 200, '{"result": {');
    if (mode.value === 'rate-limit') return sendJson(res, 429, { error: 'API rate limit exceeded', limit: '3' });
    if (url.pathname === '/eutils/esummary.fcgi') {
      const db = DBS[url.searchParams.get('db') ?? ''];
      const ids = (url.searchParams.get('id') ?? '').split(',');
      const result: Record<string, unknown> = { uids: ids.filter((id) => db?.[id]) };
      for (const id of ids) result[id] = db?.[id] ?? { uid: id, error: 'cannot get document summary' };
      return sendJson(res, 200, { header: { type: 'esummary', version: '0.3' }, result });
    }
    const cell = /^\/cellosaurus\/cell-line\/(CVCL_\w+)$/.exec(url.pathname);
    if (cell && CELL_LINES[cell[1]]) return sendJson(res, 200, { Cellosaurus: { 'cell-line-list': [CELL_LINES[cell[1]]] } });
    sendJson(res, 404, { error: 'not found' });
  });
  return { server, mode };
}

function client(stand: Stand, cacheDir: string, extra: Partial<OnlineConceptsOptions> = {}) {
  return new OnlineConcepts({
    cache: new DiskCache(cacheDir),
    eutilsBase: stand.server.url + 'eutils/',
    cellosaurusBase: stand.server.url + 'cellosaurus/',
    requestsPerSecond: 50, // the throttle has its own test
    ...extra,
  });
}

/** request() with a promise for the answer that the callback gets. */
function answerOf(online: OnlineConcepts, ns: Parameters<OnlineConcepts['request']>[0], id: string): Promise<OnlineAnswer> {
  return new Promise((resolve) => online.request(ns, id, resolve));
}

test('answers come through the callback; ids of one database share a request; unknown ids are not found', async () => {
  const stand = await standIn();
  try {
    const online = client(stand, join(tmp.path, 'batch'));
    const seen: OnlineAnswer[] = [];
    assert.equal(online.request('gene', '5444', (a) => seen.push(a)), undefined, 'nothing known yet, and no waiting');
    assert.equal(online.isPending('gene', '5444'), true);
    online.request('gene', '7157');
    online.request('gene', '999999999', (a) => seen.push(a));
    online.request('gene', '5444'); // already queued: no second look-up
    await online.whenIdle();
    assert.deepEqual(seen, [
      { found: true, facts: { name: 'PON1', description: 'paraoxonase 1', organism: 'Homo sapiens', synonyms: ['ESA', 'MVCD5', 'PON'] } },
      { found: false },
    ]);
    assert.deepEqual(stand.server.requests.map((r) => new URL(r, 'http://x').searchParams.get('id')), ['5444,7157,999999999']);
    assert.equal(online.peek('gene', '7157')?.found, true);
    assert.equal(online.isPending('gene', '5444'), false);
    // Each authority.
    assert.deepEqual(await answerOf(online, 'taxonomy', '9606'), { found: true, facts: { name: 'Homo sapiens', description: 'species', synonyms: ['human'] } });
    assert.deepEqual(await answerOf(online, 'dbsnp', 'rs113488022'), {
      found: true,
      facts: { name: 'rs113488022', description: 'BRAF; chromosome 7:140753336', note: 'clinical significance: pathogenic, likely-pathogenic' },
    });
    assert.deepEqual(await answerOf(online, 'cellosaurus', 'CVCL_0030'), {
      found: true,
      facts: { name: 'HeLa', synonyms: ['HELA', 'Hela'], organism: 'Homo sapiens (Human)', description: 'Human papillomavirus-related endocervical adenocarcinoma' },
    });
    assert.deepEqual(await answerOf(online, 'cellosaurus', 'CVCL_ZZZZ'), { found: false });
    const cellRequest = stand.server.requests.find((r) => r.startsWith('/cellosaurus/'));
    assert.equal(cellRequest, '/cellosaurus/cell-line/CVCL_0030?format=json&fields=id%2Csy%2Cox%2Cdi');
    assert.ok(stand.server.requests[0].includes('tool=pubtator-vscode'));
    // Ids that cannot be ids are never sent.
    assert.equal(online.request('gene', 'BRCA1'), undefined);
    assert.equal(online.request('cellosaurus', 'HeLa'), undefined);
    await online.whenIdle();
    assert.equal(stand.server.requests.length, 5, stand.server.requests.join('\n'));
  } finally {
    await stand.server.close();
  }
});

test('answers are cached on disk: a new session answers at once without asking', async () => {
  const stand = await standIn();
  const dir = join(tmp.path, 'disk');
  try {
    const first = client(stand, dir);
    await answerOf(first, 'gene', '5444');
    await answerOf(first, 'cellosaurus', 'CVCL_ZZZZ');
    await first.whenIdle();
    const asked = stand.server.requests.length;
    assert.match(readFileSync(join(dir, 'gene.jsonl'), 'utf8'), /"id":"5444"/);
    const second = client(stand, dir);
    assert.equal(second.peek('gene', '5444')?.found, true);
    assert.deepEqual(second.request('cellosaurus', 'CVCL_ZZZZ'), { found: false });
    assert.equal((second.request('gene', '5444') as { facts: { name: string } }).facts.name, 'PON1');
    await second.whenIdle();
    assert.equal(stand.server.requests.length, asked, 'no new request');
  } finally {
    await stand.server.close();
  }
});

test('an old answer is shown and refreshed in the background', async () => {
  const stand = await standIn();
  let now = 1_000_000;
  try {
    const online = client(stand, join(tmp.path, 'stale'), { now: () => now, maxAgeMs: 1000 });
    await answerOf(online, 'taxonomy', '9606');
    now += 5000;
    let refreshed = false;
    const shown = online.request('taxonomy', '9606', () => (refreshed = true));
    assert.equal(shown?.found, true, 'the old answer is shown meanwhile');
    await online.whenIdle();
    assert.equal(refreshed, true);
    assert.equal(stand.server.requests.length, 2);
  } finally {
    await stand.server.close();
  }
});

test('failures never throw, are remembered for a while, then retried', async () => {
  const stand = await standIn();
  let now = 5_000_000;
  const errors: string[] = [];
  try {
    const online = client(stand, join(tmp.path, 'fail'), { now: () => now, retryAfterMs: 60_000, onError: (m) => errors.push(m) });
    for (const mode of ['error', 'bad-json', 'rate-limit'] as const) {
      stand.mode.value = mode;
      const before = stand.server.requests.length;
      let called = false;
      online.request('gene', '5444', () => (called = true));
      await online.whenIdle();
      assert.equal(called, false, `${mode}: no answer, no callback`);
      assert.equal(online.peek('gene', '5444'), undefined, mode);
      online.request('gene', '5444');
      await online.whenIdle();
      assert.equal(stand.server.requests.length, before + 1, `${mode}: not asked again at once`);
      now += 61_000;
    }
    assert.equal(errors.length, 3);
    stand.mode.value = 'ok';
    assert.equal((await answerOf(online, 'gene', '5444')).found, true, 'asked again after the pause');
  } finally {
    await stand.server.close();
  }
});

test('offline: an unreachable service fails quietly', async () => {
  const stand = await standIn();
  await stand.server.close();
  const errors: string[] = [];
  const online = client(stand, join(tmp.path, 'offline'), { onError: (m) => errors.push(m) });
  let called = false;
  assert.equal(online.request('gene', '5444', () => (called = true)), undefined);
  assert.equal(online.request('cellosaurus', 'CVCL_0030', () => (called = true)), undefined);
  await online.whenIdle();
  assert.equal(called, false);
  assert.equal(errors.length, 2);
  assert.equal(online.request('gene', '5444'), undefined, 'remembered: not retried at once');
  assert.equal(online.isPending('gene', '5444'), false);
});

test('at most 3 requests start in any second (injected clock and timer)', async () => {
  const stand = await standIn();
  let now = 0;
  const timers: { at: number; run: () => void }[] = [];
  let started = 0;
  const countingFetch: typeof fetch = (input, init) => {
    started++;
    return fetch(input, init);
  };
  try {
    const online = client(stand, join(tmp.path, 'throttle'), {
      requestsPerSecond: 3,
      now: () => now,
      setTimer: (run, ms) => timers.push({ at: now + ms, run }),
      fetch: countingFetch,
    });
    const ids = ['CVCL_0030', 'CVCL_0001', 'CVCL_0002', 'CVCL_0003', 'CVCL_0004', 'CVCL_0005', 'CVCL_0006', 'CVCL_0007'];
    for (const id of ids) online.request('cellosaurus', id);
    assert.equal(started, 0, 'requests start after the current task, so that ids asked together share one');
    await Promise.resolve();
    assert.equal(started, 3, 'three start at once');
    assert.equal(timers.length, 1, 'the rest wait for a timer');
    const advance = (to: number) => {
      now = to;
      const due = timers.filter((t) => t.at <= now);
      timers.splice(0, timers.length, ...timers.filter((t) => t.at > now));
      for (const t of due) t.run();
    };
    advance(999);
    assert.equal(started, 3, 'not before the second is over');
    advance(1000);
    assert.equal(started, 6);
    advance(1999);
    assert.equal(started, 6);
    advance(2000);
    assert.equal(started, 8);
    online.request('cellosaurus', 'CVCL_0008');
    await Promise.resolve();
    assert.equal(started, 9, 'one more fits in the window');
    online.request('cellosaurus', 'CVCL_0009');
    await Promise.resolve();
    assert.equal(started, 9, 'the window is full again');
    advance(3000);
    assert.equal(started, 10);
    await online.whenIdle();
    assert.equal(stand.server.requests.length, 10);
  } finally {
    await stand.server.close();
  }
});

test('dispose drops the queue and calls no callback', async () => {
  const stand = await standIn();
  try {
    const online = client(stand, join(tmp.path, 'dispose'));
    let called = false;
    online.request('gene', '5444', () => (called = true));
    online.dispose();
    await online.whenIdle();
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(called, false);
    assert.equal(online.request('gene', '7157'), undefined);
  } finally {
    await stand.server.close();
  }
});

test('only HTTPS, or HTTP to this machine, is asked', async () => {
  const errors: string[] = [];
  const online = new OnlineConcepts({ cache: new DiskCache(join(tmp.path, 'insecure')), eutilsBase: 'http://example.org/eutils/', onError: (m) => errors.push(m) });
  online.request('gene', '5444');
  await online.whenIdle();
  assert.match(errors.join('\n'), /only HTTPS addresses are fetched/);
});

test('rate limiter: a sliding window of starts', () => {
  let now = 0;
  const limiter = new RateLimiter(3, 1000, () => now);
  assert.equal([limiter.tryTake(), limiter.tryTake(), limiter.tryTake(), limiter.tryTake()].filter(Boolean).length, 3);
  assert.equal(limiter.delay(), 1000);
  now = 400;
  assert.equal(limiter.tryTake(), false);
  assert.equal(limiter.delay(), 600);
  now = 1000;
  assert.equal(limiter.tryTake(), true);
  assert.equal(limiter.tryTake(), true);
  assert.equal(limiter.tryTake(), true);
  assert.equal(limiter.tryTake(), false);
});

test('ids: normalised per authority; targets from concept ids', () => {
  assert.equal(normaliseOnlineId('dbsnp', 'RS113488022'), '113488022');
  assert.equal(normaliseOnlineId('cellosaurus', 'cvcl_0030'), 'CVCL_0030');
  assert.equal(normaliseOnlineId('gene', '005444'), '5444');
  assert.equal(normaliseOnlineId('taxonomy', '9606x'), undefined);
  const atom = (id: string) => parseConceptId(id).atoms[0];
  assert.deepEqual(onlineTarget(atom('5444')), { namespace: 'gene', id: '5444' });
  assert.deepEqual(onlineTarget(atom('9606'), true), { namespace: 'taxonomy', id: '9606' });
  assert.deepEqual(onlineTarget(atom('Tax:9606')), { namespace: 'taxonomy', id: '9606' });
  assert.deepEqual(onlineTarget(atom('CVCL_0030')), { namespace: 'cellosaurus', id: 'CVCL_0030' });
  assert.deepEqual(onlineTarget(atom('rs113488022')), { namespace: 'dbsnp', id: '113488022' });
  assert.equal(onlineTarget(atom('MESH:D007649')), undefined);
});

test('responses: odd shapes are failures or not-found, never exceptions', () => {
  assert.equal(parseResponse('gene', ['1'], 200, 'null'), undefined);
  assert.equal(parseResponse('gene', ['1'], 200, '{"error":"API rate limit exceeded"}'), undefined);
  assert.deepEqual(parseResponse('gene', ['1'], 200, '{"result":{"1":{"uid":"1"}}}')?.get('1'), { found: false });
  assert.deepEqual(parseResponse('gene', ['1'], 200, '{"result":{"1":{"name":"A1BG","currentid":"2"}}}')?.get('1'), { found: true, facts: { name: 'A1BG', note: 'replaced by Gene 2' } });
  assert.equal(parseResponse('cellosaurus', ['CVCL_0030'], 200, '{"Cellosaurus":{}}'), undefined);
  assert.deepEqual(parseResponse('cellosaurus', ['CVCL_0030'], 200, '{"Cellosaurus":{"cell-line-list":[]}}')?.get('CVCL_0030'), { found: false });
  assert.equal(parseResponse('cellosaurus', ['CVCL_0030'], 400, ''), undefined);
  const long = 'x'.repeat(1000);
  const facts = parseResponse('taxonomy', ['1'], 200, JSON.stringify({ result: { '1': { scientificname: long } } }))?.get('1');
  assert.ok(facts?.found && facts.facts.name.length <= 300);
});
