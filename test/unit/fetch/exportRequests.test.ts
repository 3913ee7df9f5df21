// The pure half of `pubtator fetch`: reading ids, batching, URLs, merging the
// answers of each format, pacing and backoff. Hand-computed cases and properties.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { batches, exportRequests, exportUrl, parseIds } from '../../../server/src/service/fetch/exportRequests';
import { ExportMerger, normalizeId } from '../../../server/src/service/fetch/exportMerge';
import { isRetryable, RequestPacer, retryDelay } from '../../../server/src/service/fetch/pacing';

test('parseIds: separators, comments, prefixes, duplicates and bad tokens', () => {
  const ids = parseIds('123, 456;PMID:789\n# a comment 999\npmc0042 PMC42 123 00123 abc 12x\n');
  assert.deepEqual(ids.pmids, ['123', '456', '789']);
  assert.deepEqual(ids.pmcids, ['PMC42']);
  assert.deepEqual(ids.invalid, ['abc', '12x']);
  assert.deepEqual(parseIds('  \n# only a comment\n'), { pmids: [], pmcids: [], invalid: [] });
});

test('batches: consecutive groups of at most the size, nothing lost or reordered', () => {
  assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.deepEqual(batches([], 100), []);
  assert.throws(() => batches([1], 0));
  fc.assert(fc.property(fc.array(fc.integer()), fc.integer({ min: 1, max: 150 }), (items, size) => {
    const groups = batches(items, size);
    assert.deepEqual(groups.flat(), items);
    assert.ok(groups.every((g) => g.length >= 1 && g.length <= size));
    assert.equal(groups.length, Math.ceil(items.length / size));
  }));
});

test('exportUrl and exportRequests: endpoints per format, 100 ids a request, PMC ids only in BioC', () => {
  assert.equal(exportUrl('https://x.org/api/', 'pubtator', 'pmids', ['1', '2']), 'https://x.org/api/publications/export/pubtator?pmids=1,2');
  assert.equal(exportUrl('https://x.org/api', 'bioc-xml', 'pmcids', ['PMC1']), 'https://x.org/api/publications/export/biocxml?pmcids=PMC1');
  assert.equal(exportUrl('https://x.org/api', 'bioc-json', 'pmids', ['7']), 'https://x.org/api/publications/export/biocjson?pmids=7');
  const pmids = Array.from({ length: 250 }, (_, i) => String(1000 + i));
  const ids = { pmids, pmcids: ['PMC5'], invalid: [] };
  const pub = exportRequests('http://h', 'pubtator', ids);
  assert.deepEqual(pub.map((r) => r.ids.length), [100, 100, 50]);
  assert.equal(pub[2].url, `http://h/publications/export/pubtator?pmids=${pmids.slice(200).join(',')}`);
  const xml = exportRequests('http://h', 'bioc-xml', ids);
  assert.deepEqual(xml.map((r) => [r.kind, r.ids.length]), [['pmids', 100], ['pmids', 100], ['pmids', 50], ['pmcids', 1]]);
});

test('ExportMerger pubtator: blocks joined by one blank line, duplicates dropped, ids reported', () => {
  const m = new ExportMerger('pubtator');
  const a = m.add('1|t|One\n1|a|A\n1\t0\t3\tOne\tGene\t5\n\n\n2|t|Two\r\n2|a|B\r\n\r\n');
  assert.deepEqual(a, { ids: ['1', '2'], documents: 2 });
  const b = m.add('2|t|Two\n2|a|B\n\n3|t|Three\n3|a|C\n');
  assert.deepEqual(b, { ids: ['3'], documents: 1 });
  assert.equal(m.text(), '1|t|One\n1|a|A\n1\t0\t3\tOne\tGene\t5\n\n2|t|Two\n2|a|B\n\n3|t|Three\n3|a|C\n');
  assert.ok(m.has('002'));
  assert.ok(new ExportMerger('pubtator').add('<html>error</html>').error);
  assert.deepEqual(new ExportMerger('pubtator').add(''), { ids: [], documents: 0 });
});

test('ExportMerger bioc-xml: the first header, every document once, one </collection>', () => {
  const head = '<?xml version="1.0" encoding="UTF-8"?><collection><source>PubTator</source><date>2024</date><key>BioC.key</key>';
  const doc = (id: string, pmc = '') => `<document><id>${id}</id>${pmc ? `<infon key="article-id_pmc">${pmc}</infon>` : ''}<passage><offset>0</offset><text>T${id}</text></passage></document>`;
  const m = new ExportMerger('bioc-xml');
  assert.deepEqual(m.add(`${head}${doc('1')}${doc('2')}</collection>`), { ids: ['1', '2'], documents: 2 });
  assert.deepEqual(m.add(`<?xml version="1.0"?><collection><source>Other</source>${doc('2')}${doc('3', 'PMC9')}</collection>`), { ids: ['3', 'PMC9'], documents: 1 });
  assert.equal(m.text(), `${head}${doc('1')}${doc('2')}${doc('3', 'PMC9')}</collection>\n`);
  assert.ok(m.has('pmc9'));
  assert.ok(new ExportMerger('bioc-xml').add('Internal error').error);
});

test('ExportMerger bioc-json: PubTator3 2024 shape with numeric ids and non-string infons kept as they are', () => {
  const m = new ExportMerger('bioc-json');
  const d1 = { _id: '111|PMC5', id: '111', pmid: 111, pmcid: 'PMC5', passages: [{ infons: { type: 'title', year: 2020 }, offset: 0, text: 'x' }] };
  const d2 = { _id: '222|None', id: '222', pmid: 222, pmcid: null, passages: [] };
  assert.deepEqual(m.add(JSON.stringify({ PubTator3: [d1] })), { ids: ['111', 'PMC5'], documents: 1 });
  assert.deepEqual(m.add(JSON.stringify({ PubTator3: [d1, d2] })), { ids: ['222'], documents: 1 });
  assert.deepEqual(JSON.parse(m.text()), { PubTator3: [d1, d2] });
  const c = new ExportMerger('bioc-json');
  c.add(JSON.stringify({ source: 'S', date: 'D', key: 'K', infons: {}, documents: [{ id: '5', passages: [] }] }));
  c.add(JSON.stringify([{ id: '6', passages: [] }]));
  assert.deepEqual(JSON.parse(c.text()), { source: 'S', date: 'D', key: 'K', infons: {}, documents: [{ id: '5', passages: [] }, { id: '6', passages: [] }] });
  assert.match(new ExportMerger('bioc-json').add('{oops').error ?? '', /not JSON/);
  assert.ok(new ExportMerger('bioc-json').add('{"a": 1}').error);
});

test('normalizeId: PMC case and leading zeros', () => {
  assert.equal(normalizeId('pmc007'), 'PMC7');
  assert.equal(normalizeId('0042'), '42');
});

test('RequestPacer: starts at least 1/rate apart; retryDelay: Retry-After, else doubling, capped', () => {
  const p = new RequestPacer(3);
  assert.equal(p.gapMs, 334);
  assert.equal(p.waitAt(1000), 0);
  p.started(1000);
  assert.equal(p.waitAt(1100), 234);
  assert.equal(p.waitAt(2000), 0);
  assert.equal(retryDelay(1, null, 0, 500), 500);
  assert.equal(retryDelay(3, null, 0, 500), 2000);
  assert.equal(retryDelay(30, null, 0, 500), 60_000);
  assert.equal(retryDelay(1, '2', 0), 2000);
  assert.equal(retryDelay(1, new Date(10_000).toUTCString(), 4000), 6000);
  assert.equal(retryDelay(1, 'garbage', 0, 100), 100);
  assert.ok(isRetryable(429) && isRetryable(503) && !isRetryable(404) && !isRetryable(400));
});

test('ExportMerger (property): however the documents are split into answers, each comes once, in first-seen order', () => {
  const doc = (id: number) => `${id}|t|T${id}\n${id}|a|A${id}\n${id}\t0\t1\tT\tGene\t${id}`;
  fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (ids, size) => {
    for (const format of ['pubtator', 'bioc-json'] as const) {
      const m = new ExportMerger(format);
      for (const group of batches(ids, size)) {
        const body = format === 'pubtator' ? group.map(doc).join('\n\n') : JSON.stringify({ PubTator3: group.map((id) => ({ id: String(id), passages: [] })) });
        assert.equal(m.add(body).error, undefined);
      }
      const unique = [...new Set(ids)];
      assert.equal(m.documents, unique.length);
      const expected = format === 'pubtator'
        ? (unique.length ? `${unique.map(doc).join('\n\n')}\n` : '')
        : `${JSON.stringify({ PubTator3: unique.map((id) => ({ id: String(id), passages: [] })) }, null, 1)}\n`;
      if (unique.length) assert.equal(m.text(), expected);
      for (const id of unique) assert.ok(m.has(String(id)));
    }
  }));
});
