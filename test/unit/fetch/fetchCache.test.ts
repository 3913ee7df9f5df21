// The fetch cache's pure half: an answer cut into one-document answers that
// read back as themselves (property), the cache key, the in-memory cache's
// bounds, and fetchDocuments with a cache: ids held are not asked, the file is
// the same with or without the cache, damaged entries and error answers are
// never used or kept, a full text is not answered by its abstract.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { pieceBody, splitAnswer } from '../../../server/src/service/fetch/answerPieces';
import { fetchCacheKey, MemoryFetchCache, type FetchCache } from '../../../server/src/service/fetch/fetchCache';
import { fetchDocuments } from '../../../server/src/service/fetch/fetchDocuments';
import type { FetchFormat } from '../../../server/src/service/fetch/exportRequests';

const pubDoc = (id: string) => `${id}|t|Title ${id}\n${id}|a|Abstract ${id}.\n${id}\t0\t5\tTitle\tGene\t1`;
const xmlHead = '<?xml version="1.0" encoding="UTF-8"?><collection><source>PubTator</source><date>2024</date><key>BioC.key</key>';
const xmlDoc = (id: string, pmc = '') => `<document><id>${id}</id>${pmc ? `<infon key="article-id_pmc">${pmc}</infon>` : ''}<passage><offset>0</offset><text>T${id}${pmc}</text></passage></document>`;
const jsonDoc = (id: string) => ({ _id: `${id}|None`, id, pmid: Number(id), pmcid: null, passages: [{ infons: { year: 2020, type: 'title' }, offset: 0, text: `T${id}` }] });

/** A fake PubTator3 that answers every known id (those not ending in 9) and counts the ids it is asked. */
function fakeApi(format: FetchFormat, status = 200) {
  const asked: string[][] = [];
  const fetchFn: typeof fetch = async (input) => {
    const url = new URL(String(input));
    const kind = url.searchParams.has('pmcids') ? 'pmcids' : 'pmids';
    const ids = (url.searchParams.get(kind) ?? '').split(',');
    asked.push(ids);
    const known = ids.filter((id) => !id.endsWith('9'));
    const body = format === 'pubtator' ? known.map(pubDoc).join('\n\n')
      : format === 'bioc-xml' ? `${xmlHead}${known.map((id) => kind === 'pmcids' ? xmlDoc('77', id) : xmlDoc(id)).join('')}</collection>`
        : JSON.stringify({ PubTator3: known.map(jsonDoc) });
    return new Response(status === 200 ? body : 'Internal error', { status });
  };
  return { asked, fetchFn };
}

/** A cache over a Map, counting reads and writes. */
function mapCache(): FetchCache & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, get: async (k) => map.get(k), put: async (k, v) => { map.set(k, v); } };
}

test('splitAnswer/pieceBody (property): each document written alone reads back as the same document', () => {
  fc.assert(fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 10 ** 8 }), { maxLength: 8 }), fc.constantFrom<FetchFormat>('pubtator', 'bioc-xml', 'bioc-json'), (nums, format) => {
    const ids = nums.map(String);
    const body = format === 'pubtator' ? ids.map(pubDoc).join('\n\n') : format === 'bioc-xml' ? `${xmlHead}${ids.map((id) => xmlDoc(id)).join('')}</collection>` : JSON.stringify({ PubTator3: ids.map(jsonDoc) });
    const split = splitAnswer(format, body);
    assert.equal(split.error, undefined);
    assert.deepEqual(split.pieces.map((p) => p.ids), ids.map((id) => [id]));
    for (const piece of split.pieces) {
      const again = splitAnswer(format, pieceBody(format, piece));
      assert.equal(again.error, undefined);
      assert.deepEqual(again.pieces, [piece]);
    }
  }));
});

test('fetchCacheKey: one key per base URL, format, abstract or full text, and id (normalised)', () => {
  const k = fetchCacheKey('http://h/api/', 'bioc-xml', 'pmcids', 'pmc0042');
  assert.equal(k, fetchCacheKey('http://h/api', 'bioc-xml', 'pmcids', 'PMC42'));
  assert.notEqual(k, fetchCacheKey('http://h/api', 'bioc-json', 'pmcids', 'PMC42'));
  assert.notEqual(k, fetchCacheKey('http://other/api', 'bioc-xml', 'pmcids', 'PMC42'));
  assert.notEqual(fetchCacheKey('http://h', 'bioc-xml', 'pmids', '42'), fetchCacheKey('http://h', 'bioc-xml', 'pmcids', '42'));
});

test('MemoryFetchCache: bounded in entries and characters (oldest out first) and in age', async () => {
  let now = 0;
  const c = new MemoryFetchCache(2, 10, 1000, () => now);
  await c.put('a', '1234');
  await c.put('b', '1234');
  await c.put('c', '12');
  assert.equal(await c.get('a'), undefined, 'over two entries: the oldest goes');
  assert.equal(await c.get('b'), '1234');
  await c.put('d', '123456789');
  assert.equal(await c.get('b'), undefined, 'over ten characters: the oldest go');
  assert.equal(await c.get('c'), undefined);
  assert.equal(await c.get('d'), '123456789');
  await c.put('e', '12345678901');
  assert.equal(await c.get('e'), undefined, 'an answer larger than the bound is not kept');
  now = 1001;
  assert.equal(await c.get('d'), undefined, 'too old');
});

for (const format of ['pubtator', 'bioc-xml', 'bioc-json'] as const) {
  test(`fetchDocuments (${format}) with a cache: the second fetch asks nothing and gives the same file; a new id alone is asked`, async () => {
    const api = fakeApi(format);
    const cache = mapCache();
    const base = 'http://stand-in/api';
    const first = await fetchDocuments('3 1 2', format, base, { fetch: api.fetchFn, cache });
    assert.deepEqual(api.asked, [['3', '1', '2']]);
    assert.equal(first.cached, 0);
    assert.equal(cache.map.size, 3);
    const uncached = await fetchDocuments('3 1 2', format, base, { fetch: fakeApi(format).fetchFn });
    assert.equal(first.text, uncached.text, 'a cache changes nothing in the file');
    const second = await fetchDocuments('3 1 2', format, base, { fetch: api.fetchFn, cache });
    assert.equal(api.asked.length, 1, 'no request');
    assert.equal(second.cached, 3);
    assert.equal(second.text, first.text);
    assert.deepEqual([second.documents, second.missing, second.failed], [3, [], []]);
    const third = await fetchDocuments('1 4 2 19', format, base, { fetch: api.fetchFn, cache });
    assert.deepEqual(api.asked[1], ['4', '19'], 'only what the cache lacks');
    assert.deepEqual(third.missing, ['19']);
    assert.equal(third.cached, 2);
    assert.equal(third.text, (await fetchDocuments('1 4 2 19', format, base, { fetch: fakeApi(format).fetchFn })).text, 'in the order asked');
    assert.equal(cache.map.size, 4, 'an id the API did not have is not kept');
  });
}

test('fetchDocuments: a damaged, foreign or throwing cache entry is asked again, never a crash', async () => {
  const api = fakeApi('bioc-json');
  const cache = mapCache();
  const base = 'http://stand-in/api';
  await fetchDocuments('1 2 3', 'bioc-json', base, { fetch: api.fetchFn, cache });
  cache.map.set(fetchCacheKey(base, 'bioc-json', 'pmids', '1'), '{"PubTator3": [{"id": "1", "passa');
  cache.map.set(fetchCacheKey(base, 'bioc-json', 'pmids', '2'), JSON.stringify({ PubTator3: [jsonDoc('5')] }));
  const report = await fetchDocuments('1 2 3', 'bioc-json', base, { fetch: api.fetchFn, cache });
  assert.deepEqual(api.asked[1], ['1', '2']);
  assert.equal(report.cached, 1);
  assert.deepEqual(JSON.parse(report.text).PubTator3.map((d: { id: string }) => d.id), ['1', '2', '3']);
  assert.equal(cache.map.get(fetchCacheKey(base, 'bioc-json', 'pmids', '1')), JSON.stringify({ PubTator3: [jsonDoc('1')] }), 'rewritten whole');
  const broken: FetchCache = { get: async () => { throw new Error('disk on fire'); }, put: async () => { throw new Error('disk on fire'); } };
  const again = await fetchDocuments('1', 'bioc-json', base, { fetch: api.fetchFn, cache: broken });
  assert.equal(again.documents, 1);
});

test('fetchDocuments: error answers and unreadable answers are never kept', async () => {
  const cache = mapCache();
  const failing = fakeApi('pubtator', 503);
  const report = await fetchDocuments('1 2', 'pubtator', 'http://s', { fetch: failing.fetchFn, cache, tries: 2, sleep: async () => undefined });
  assert.equal(report.failed.length, 1);
  assert.equal(cache.map.size, 0);
  const html: typeof fetch = async () => new Response('<html>maintenance</html>', { status: 200 });
  const report2 = await fetchDocuments('1 2', 'pubtator', 'http://s', { fetch: html, cache });
  assert.match(report2.failed[0].reason, /unreadable answer/);
  assert.equal(cache.map.size, 0);
});

test('fetchDocuments: a full text (PMC id) is kept under its PMC id; the abstract of the same article does not answer for it', async () => {
  const api = fakeApi('bioc-xml');
  const cache = mapCache();
  const base = 'http://s';
  // The abstract answer for PMID 77 names PMC5 among its ids.
  cache.map.set(fetchCacheKey(base, 'bioc-xml', 'pmids', '77'), `${xmlHead}${xmlDoc('77', 'PMC5')}</collection>\n`);
  const report = await fetchDocuments('77 PMC5', 'bioc-xml', base, { fetch: api.fetchFn, cache });
  assert.deepEqual(api.asked, [['PMC5']], 'the full text is asked even though the abstract carries its id');
  assert.equal(report.cached, 1);
  assert.equal(cache.map.get(fetchCacheKey(base, 'bioc-xml', 'pmcids', 'PMC5')), `${xmlHead}${xmlDoc('77', 'PMC5')}</collection>\n`);
  const again = await fetchDocuments('PMC5', 'bioc-xml', base, { fetch: api.fetchFn, cache });
  assert.equal(api.asked.length, 1);
  assert.equal(again.documents, 1);
});
