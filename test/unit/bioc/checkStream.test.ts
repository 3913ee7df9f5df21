// The streamed BioC XML check (checkBiocStream.ts) gives what the whole-file
// check (checkBioc.ts) gives: the same diagnostics, codes, lines, columns and
// messages, whatever the batch size and however the text arrives in pieces.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { checkBioc } from '../../../server/src/service/bioc/checkBioc';
import { detectFormat } from '../../../server/src/service/bioc/detect';
import { convertText } from '../../../server/src/service/bioc/convert';
import { BiocCheckStream, type BiocBatch } from '../../../server/src/service/bioc/checkBiocStream';
import { checkChunk } from '../../../server/src/service/streamingValidator';
import { prepare, type ValidationOptions } from '../../../server/src/service/validate';
import type { Diagnostic } from '../../../server/src/service/types';
import { corporaSkip, fixturesDir, sharedBiocFiles } from '../../support/paths';

/** The streamed check on this thread, the text fed `piece` characters at a time. */
function streamed(text: string, options: ValidationOptions = {}, batchChars = 1 << 20, piece = 1 << 16): { diagnostics: Diagnostic[]; stream: BiocCheckStream } {
  const stream = new BiocCheckStream(options, batchChars, detectFormat(text) === 'bioc-json' ? 'bioc-json' : 'bioc-xml');
  const run = prepare(stream.checkOptions);
  const out: Diagnostic[] = [];
  const take = (batches: BiocBatch[]) => {
    for (const b of batches) out.push(...stream.take(b, checkChunk(b.text, b.firstLine, stream.checkOptions, run)));
  };
  for (let i = 0; i < text.length; i += piece) take(stream.write(text.slice(i, i + piece)));
  take(stream.end());
  out.push(...stream.finish());
  return { diagnostics: out, stream };
}

/** What a diagnostic tells a user: code, level, where, message, related places. */
function shown(list: Diagnostic[]): unknown[] {
  return list.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message, related: d.relatedInformation?.map((r) => ({ range: r.range, message: r.message })) }));
}

function assertSame(text: string, label: string, options: ValidationOptions = {}, batchChars?: number, piece?: number): void {
  const whole = checkBioc(text, options);
  const { diagnostics, stream } = streamed(text, options, batchChars, piece);
  assert.deepEqual(shown(diagnostics), shown(whole.diagnostics), label);
  assert.equal(stream.documents, whole.collection.documents.length, `${label}: documents`);
  assert.equal(stream.mentions, whole.mentions, `${label}: mentions`);
  assert.equal(stream.relations, whole.relations, `${label}: relations`);
}

const fixture = (name: string) => readFileSync(join(fixturesDir, 'bioc', name), 'utf8');

test('seeded defects: the streamed check finds each where the whole-file check does, in small batches and pieces', () => {
  const text = fixture('seeded.bioc.xml');
  assert.ok(checkBioc(text).diagnostics.length >= 6, 'the fixture is seeded');
  for (const [batch, piece] of [[1 << 20, 1 << 16], [1, 7], [200, 1], [50, 333]]) assertSame(text, `seeded, batches of ${batch}, pieces of ${piece}`, {}, batch, piece);
  assertSame(fixture('small.bioc.xml'), 'small');
  // Documents without passage text: one finding for the file, told when it ends, in any batches.
  for (const [batch, piece] of [[1 << 20, 1 << 16], [1, 7], [200, 1]]) assertSame(readFileSync(join(fixturesDir, 'bioc-standoff', 'textless.bioc.xml'), 'utf8'), `text-less, batches of ${batch}, pieces of ${piece}`, {}, batch, piece);
});

test('hand-made defects: duplicate documents across batches, wrong nesting, levels set by the user', () => {
  const doc = (id: string, text: string, offset: number, length: number, mention: string) => `<document><id>${id}</id>\n<passage><offset>0</offset><text>${text}</text>\n`
    + `<annotation id="A1"><infon key="type">Chemical</infon><infon key="identifier">D1</infon><location offset="${offset}" length="${length}"/><text>${mention}</text></annotation>\n`
    + '</passage></document>\n';
  const xml = '<?xml version="1.0"?>\n<collection><source>x</source><date>d</date><key>k</key>\n'
    + doc('1', 'Aspirin works.', 0, 7, 'Aspirin')
    + doc('2', 'Ibuprofen works.', 1, 8, 'Ibuprofen')
    + doc('1', 'Aspirin again.', 0, 7, 'Aspirin')
    + doc('3', 'Café au lait, aspirin.', 15, 7, 'aspirin')
    + '<document><id>4</id><passage><offset>0</offset><text>Open';
  for (const batch of [1, 100, 1 << 20]) assertSame(xml, `hand-made, batches of ${batch}`, {}, batch, 13);
  assertSame(xml, 'levels', { severities: { 'text-mismatch': 'off', 'duplicate-document': 'error' } }, 1, 5);
  const codes = checkBioc(xml).diagnostics.map((d) => d.code);
  assert.ok(codes.includes('duplicate-document') && codes.includes('span-boundary') && codes.includes('bioc-not-well-formed'), codes.join());
});

test('the unit is learned before the documents are projected: UTF-8 byte offsets past non-ASCII text', () => {
  const docs = Array.from({ length: 30 }, (_, i) => `<document><id>${i + 1}</id><passage><offset>0</offset><text>Naïve café: aspirin ${i}.</text>`
    + '<annotation id="A1"><infon key="type">Chemical</infon><location offset="14" length="7"/><text>aspirin</text></annotation></passage></document>').join('\n');
  const xml = `<collection><source/><date/><key/>\n${docs}\n</collection>\n`;
  assert.deepEqual(checkBioc(xml).diagnostics, [], 'byte offsets are read as bytes');
  assertSame(xml, 'bytes', {}, 1, 64);
});

test('the unit is decided by the first 200 annotations that tell it, in both checks: later documents in another unit are mismatches', () => {
  const doc = (i: number, offset: number) => `<document><id>${i}</id><passage><offset>0</offset><text>Naïve café: aspirin ${i}.</text>`
    + `<annotation id="A1"><infon key="type">Chemical</infon><location offset="${offset}" length="7"/><text>aspirin</text></annotation></passage></document>`;
  // 14 is where "aspirin" starts in UTF-8 bytes, 12 in code points or UTF-16 units.
  const docs = [...Array.from({ length: 210 }, (_, i) => doc(i + 1, 14)), ...Array.from({ length: 5 }, (_, i) => doc(i + 211, 12))];
  const xml = `<collection><source/><date/><key/>\n${docs.join('\n')}\n</collection>\n`;
  const whole = checkBioc(xml).diagnostics;
  assert.equal(whole.filter((d) => d.range.start.line >= 211).length, 5, 'the 5 documents in code points are told, read as bytes');
  assertSame(xml, 'decided at 200', {}, 1000, 4096);
});

test('property: any batch size and piece size give the whole-file diagnostics', () => {
  const text = fixture('seeded.bioc.xml');
  const whole = shown(checkBioc(text).diagnostics);
  fc.assert(fc.property(fc.integer({ min: 1, max: 4000 }), fc.integer({ min: 1, max: 5000 }), (batch, piece) => {
    assert.deepEqual(shown(streamed(text, {}, batch, piece).diagnostics), whole);
  }), { numRuns: 40 });
});

test('real BioC XML and JSON corpora: the streamed check equals the whole-file check', { skip: corporaSkip }, () => {
  const files = sharedBiocFiles();
  assert.ok(files.length > 0, 'BioC XML files in ../shared/corpora/bioc');
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    assertSame(text, f, {}, 1 << 16, 1 << 16);
  }
});

test('BioC JSON streamed: the fixtures, PubTator3 answers and seeded defects give the whole-file diagnostics', () => {
  for (const name of ['bytes.bioc.json', 'pubtator3.json']) {
    for (const [batch, piece] of [[1 << 20, 1 << 16], [1, 3], [100, 17]]) assertSame(fixture(name), `${name}, batches of ${batch}, pieces of ${piece}`, {}, batch, piece);
  }
  // The seeded XML as BioC JSON (through PubTator, which keeps the mismatch and the wrong spans), and a root array of documents.
  const json = convertText(fixture('small.pubtator'), { to: 'bioc-json' }).output;
  const broken = json.replace(/"offset": ?(\d+), ?"length": ?(\d+)/, (_, o: string, l: string) => `"offset": ${Number(o) + 1}, "length": ${l}`);
  assert.notEqual(broken, json);
  assert.ok(checkBioc(broken).diagnostics.length > 0, 'a seeded span defect');
  for (const piece of [1, 5, 4096]) assertSame(broken, `seeded JSON, pieces of ${piece}`, {}, 10, piece);
  const docs = JSON.parse(json).documents as unknown[];
  assertSame(JSON.stringify(docs, null, 1), 'a root array', {}, 10, 7);
});

test('BioC JSON streamed: a truncated file is told where it ends, the documents before it checked', () => {
  const json = convertText(fixture('small.pubtator'), { to: 'bioc-json' }).output;
  const cut = json.slice(0, json.lastIndexOf('"passages"'));
  const { diagnostics, stream } = streamed(cut, {}, 10, 9);
  const bad = diagnostics.filter((d) => d.code === 'bioc-not-well-formed');
  assert.ok(bad.length >= 1, JSON.stringify(diagnostics));
  const lines = cut.split('\n');
  assert.ok(bad.some((d) => d.range.start.line === lines.length - 1), 'at the end of the file');
  assert.ok(stream.documents >= 1);
});

test('BioC JSON streamed: a bare document (read whole at the end), well-formed or not, gives the whole-file diagnostics', () => {
  const json = convertText(fixture('small.pubtator'), { to: 'bioc-json' }).output;
  const doc = JSON.stringify((JSON.parse(json) as { documents: unknown[] }).documents[0], null, 1);
  assertSame(doc, 'a bare document', {}, 10, 11);
  const broken = doc.replace('"offset": 0', '"offset" 0');
  assert.ok(checkBioc(broken).diagnostics.some((d) => d.code === 'bioc-not-well-formed'));
  assertSame(broken, 'a bare document not well-formed', {}, 10, 11);
});
