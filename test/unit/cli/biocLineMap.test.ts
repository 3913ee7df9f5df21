// compare --details' line map of a BioC file, read streamed: every projection
// row at the file line and column of its element, as the whole file's
// projection places it (projectCollection and a line index of the whole text),
// on the fixtures, files with their unit told late, and every shared BioC file.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { biocLineMap } from '../../../server/src/cli/biocLineMap';
import { ensureBuilt, run } from './cliHarness';
import { LineIndex } from '../../../server/src/service/bioc/lineIndex';
import { projectCollection } from '../../../server/src/service/bioc/project';
import { readBioc } from '../../../server/src/service/bioc/readBioc';
import { corporaSkip, fixturesDir, sharedBiocFiles } from '../../support/paths';

async function sameAsWhole(path: string): Promise<number> {
  const text = readFileSync(path, 'utf8');
  const projection = projectCollection(readBioc(text));
  const index = new LineIndex(text);
  const map = await biocLineMap({ path, size: statSync(path).size, gzip: false });
  const rows = projection.text.split('\n');
  projection.lines.forEach((l, n) => {
    assert.deepEqual(map.position(n), l ? index.position(l.src.start) : undefined, `${path}: row ${n + 1}`);
    const title = /^([^|\t\n]*)\|t\|/.exec(rows[n]);
    if (title) assert.ok(map.startsAt(n, title[1]), `${path}: document ${title[1]} at row ${n + 1}`);
  });
  assert.equal(map.position(projection.lines.length), undefined);
  return projection.lines.length;
}

test('the streamed line map places every row where the whole file\'s projection does: fixtures', async () => {
  for (const name of ['small.bioc.xml', 'seeded.bioc.xml', 'pubtator3.json', 'bytes.bioc.json']) {
    assert.ok(await sameAsWhole(join(fixturesDir, 'bioc', name)) > 3, name);
  }
});

test('the streamed line map: documents that wait for the unit, a header after the documents', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-line-map-'));
  try {
    // "é x": x is at UTF-8 byte 3, code point 2. ASCII documents first, then ones that tell, 6 KB of them or more.
    const doc = (id: number, text: string, offset: number) => ({
      id: String(id), infons: {}, relations: [],
      passages: [{ infons: { type: 'title' }, offset: 0, text, annotations: [{ id: 'a', infons: { type: 'T' }, text: 'x', locations: [{ offset, length: 1 }] }], relations: [] }],
    });
    const docs = [];
    for (let i = 0; i < 60; i++) docs.push(i < 20 ? doc(i + 1, 'a x', 2) : doc(i + 1, 'é x', i % 3 === 0 ? 3 : 2));
    const json = join(dir, 'late.bioc.json');
    writeFileSync(json, JSON.stringify({ documents: docs, source: 'late' }, null, 2));
    assert.equal(await sameAsWhole(json), 60 * 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});


test('the streamed line map places every row where the whole file\'s projection does: every shared BioC file', { skip: corporaSkip }, async () => {
  const files = sharedBiocFiles();
  assert.ok(files.length >= 10);
  for (const path of files) await sameAsWhole(path);
});

test('compare --details places the differences of a BioC XML file once too large to map whole under the default budget', () => {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-line-map-big-'));
  try {
    const xml = readFileSync(join(fixturesDir, 'bioc', 'small.bioc.xml'), 'utf8');
    const twin = readFileSync(join(fixturesDir, 'bioc', 'small.pubtator'), 'utf8').trim();
    const start = xml.indexOf('<document>');
    const end = xml.lastIndexOf('</document>') + '</document>'.length;
    const parts = [xml.slice(0, start)];
    const rows: string[] = [];
    let size = 0;
    let n = 0;
    // The whole-file map took about 15 bytes of heap per byte: above about 12 MB it was refused under 128 MB.
    while (size < 14e6) {
      n++;
      const doc = xml.slice(start, end).replace('<id>100</id>', `<id>${n}</id>`);
      parts.push(doc, '\n');
      size += doc.length + 1;
      rows.push(twin.replace(/^100/gm, String(n)));
    }
    parts.push(xml.slice(end));
    const gold = join(dir, 'big.bioc.xml');
    const text = parts.join('');
    writeFileSync(gold, text);
    // The prediction lacks the last document's "aspirin" (31-38).
    rows[n - 1] = rows[n - 1].split('\n').filter((l) => !l.startsWith(`${n}\t31\t38`)).join('\n');
    const pred = join(dir, 'pred.pubtator');
    writeFileSync(pred, rows.join('\n\n') + '\n');
    const r = run(['compare', '--details', gold, pred], { env: { PUBTATOR_HEAP_MB: '128' } });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /memory budget/);
    const line = text.slice(0, text.lastIndexOf('<annotation id="T3">')).split('\n').length;
    assert.ok(r.stdout.startsWith(`${gold}:${line}:7: FN mention Chemical 31-38 "aspirin" in document ${n}\n`), r.stdout.slice(0, 300));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
