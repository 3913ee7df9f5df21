// `convert --jobs N` from BioC XML to PubTator (cli/biocConvertSplit.ts:
// documents found by service/bioc/splitXml.ts, parsed and projected by
// service/bioc/convertBatch.ts, taken in order by convertStream.ts) writes what
// the serial conversion writes, to the byte, with the same warnings, errors and
// note on the offset unit: on clean generated collections (which it does
// split), on non-ASCII ones (documents wait for the unit), on defective files,
// on every BioC XML file of ../shared/corpora/bioc, and whatever the batch
// size, the pieces the text arrives in and the order the batches finish in.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ConvertStream } from '../../../server/src/service/bioc/convertStream';
import { convertBatch } from '../../../server/src/service/bioc/convertBatch';
import { UNIT_SAMPLE_CHARS } from '../../../server/src/service/bioc/detectUnit';
import type { AnyTask, TaskResult } from '../../../server/src/cli/chunkTasks';
import type { ChunkRunner } from '../../../server/src/cli/runner';
import { BiocConvertSplit } from '../../../server/src/cli/biocConvertSplit';
import { corporaSkip, fixturesDir, sharedBiocFiles } from '../../support/paths';

interface Converted {
  output: string;
  warnings: string[];
  errors: string[];
  note: string | undefined;
}

/** The serial conversion (what --jobs 1 writes), fed `piece` characters at a time. */
function serial(text: string, piece = 1 << 16): Converted {
  const stream = new ConvertStream({ to: 'pubtator' });
  let output = '';
  for (let i = 0; i < text.length; i += piece) output += stream.write(text.slice(i, i + piece));
  output += stream.end();
  return { output, warnings: stream.warnings, errors: stream.errors, note: stream.unitNote };
}

/** Threads stood in for on this thread; each batch finishes after `delays[k]` turns of the event loop (so out of order). */
class InlineThreads implements ChunkRunner {
  readonly threads = 2;
  private k = 0;
  constructor(private readonly delays: number[] = [0]) {}
  async run(task: AnyTask): Promise<TaskResult> {
    assert.equal(task.kind, 'bioc-convert');
    if (task.kind !== 'bioc-convert') throw new Error('unexpected task');
    const wait = this.delays[this.k++ % this.delays.length];
    for (let i = 0; i < wait; i++) await new Promise((resolve) => setImmediate(resolve));
    return convertBatch(task);
  }
  close(): Promise<void> { return Promise.resolve(); }
}

/** The split conversion, batches of about `batchChars`, fed `piece` characters at a time. */
async function split(text: string, batchChars = 1 << 12, piece = 1 << 16, delays?: number[]): Promise<Converted & { taken: number; refused: number }> {
  const stream = new ConvertStream({ to: 'pubtator' });
  let output = '';
  const put = async (t: string) => { output += t; };
  const s = new BiocConvertSplit(stream, new InlineThreads(delays), put, batchChars);
  for (let i = 0; i < text.length; i += piece) await s.write(text.slice(i, i + piece));
  await s.end();
  output += stream.end();
  return { output, warnings: stream.warnings, errors: stream.errors, note: stream.unitNote, taken: s.taken, refused: s.refused };
}

async function assertSame(text: string, label: string, batchChars?: number, piece?: number, delays?: number[]): Promise<{ taken: number; refused: number }> {
  const want = serial(text);
  const got = await split(text, batchChars, piece, delays);
  assert.equal(got.output, want.output, `${label}: the split conversion's text differs from the serial one`);
  assert.deepEqual(got.warnings, want.warnings, `${label}: warnings`);
  assert.deepEqual(got.errors, want.errors, `${label}: errors`);
  assert.equal(got.note, want.note, `${label}: the note on the offset unit`);
  return got;
}

const fixtureDocs = ['small.bioc.xml', 'seeded.bioc.xml'].flatMap((f) => [...readFileSync(join(fixturesDir, 'bioc', f), 'utf8').matchAll(/<document>[\s\S]*?<\/document>/g)].map((m) => m[0]));

/** A collection of `n` documents taken in turn from the fixtures, renumbered; from document `nonAsciiFrom` on, passage texts end in a non-ASCII word. */
function collection(n: number, nonAsciiFrom = Infinity): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE collection SYSTEM "BioC.dtd">\n<collection><source>test</source><date>2026</date><key>k</key>\n';
  const body = Array.from({ length: n }, (_, i) => {
    const d = fixtureDocs[i % fixtureDocs.length].replace(/<id>([^<]*)<\/id>/, `<id>${1000 + i}</id>`);
    return i >= nonAsciiFrom ? d.replace(/(<passage>[\s\S]*?<text>[^<]*)<\/text>/g, '$1 βeta\u00e9</text>') : d;
  });
  return head + body.join('\n') + '\n</collection>\n';
}

test('split convert: the fixtures hold documents to split, and warnings to tally', () => {
  assert.ok(fixtureDocs.length >= 3);
  assert.ok(serial(collection(30)).warnings.length > 0, 'the generated collection has warnings to compare');
});

test('split convert: a clean collection is split and converted alike, whatever the batch size and pieces', async () => {
  const text = collection(60);
  for (const [batchChars, piece] of [[1, 1 << 16], [3000, 777], [1 << 14, 4096], [1 << 20, 1 << 20]]) {
    const r = await assertSame(text, `batches of ${batchChars}, pieces of ${piece}`, batchChars, piece);
    assert.ok(r.taken > 0, 'batches were taken from the threads');
  }
});

test('split convert: warnings counted over batches read here and elsewhere are those of the serial conversion, infons left out included', async () => {
  const text = collection(60).replace(/<annotation id="([^"]*)">/g, (m, id: string, at: number) => {
    const extra = at % 3 === 0 ? '<infon key="note">x</infon>' : at % 5 === 0 ? '<infon key="score">0.9</infon>' : '';
    return m + extra;
  });
  const want = serial(text);
  assert.ok(want.warnings.some((w) => /infons that no PubTator column holds.*"note".*"score"|infons that no PubTator column holds.*"score".*"note"/.test(w)), 'infons left out are told');
  for (const [batchChars, piece] of [[1, 1 << 16], [3000, 777], [1 << 14, 4096]]) {
    const r = await assertSame(text, `infons left out, batches of ${batchChars}`, batchChars, piece);
    assert.ok(r.taken > 0);
  }
});

test('split convert: documents that are not ASCII wait for the unit; batches are taken again once it is settled', async () => {
  await assertSame(collection(40, 0), 'all non-ASCII', 2000, 1000);
  const r = await assertSame(collection(80, 20), 'ASCII, then not', 2000, 1000);
  assert.ok(r.taken > 0, 'the ASCII documents before were taken');
  // Past UNIT_SAMPLE_CHARS of waiting documents the votes so far decide: batches sent after carry the unit.
  const big = collection(4000, 20);
  assert.ok(big.length > 3 * UNIT_SAMPLE_CHARS / 2);
  const b = await assertSame(big, 'ASCII, then not, past the unit sample', 1 << 14, 1 << 16);
  assert.ok(b.taken > 20, 'batches of non-ASCII documents were taken once the unit was settled');
});

test('split convert: defective files give what the serial conversion gives', async () => {
  const text = collection(24);
  const half = text.indexOf('<passage>', text.length / 2);
  const cases: [string, string][] = [
    ['truncated', text.slice(0, Math.floor(text.length * 0.6))],
    ['truncated in a tag', text.slice(0, text.indexOf('<annotation', text.length / 2) + 5)],
    ['wrong nesting', text.slice(0, half) + '<passage><bad>' + text.slice(half + '<passage>'.length)],
    ['close tag in an attribute', text.replace('<annotation id="', '<annotation x="</document>" id="')],
    ['close tags in comments, CDATA and PIs', text.replace(/<passage>/g, (m, at: number) => (at % 3 === 0 ? '<!-- </document>\n<document> -->' + m : m)).replace(/<\/document>\n<document>/g, '</document>\n<?keep </document> ?>\n<document>')],
    ['stray text between documents', text.replace(/<\/document>\n/g, (m, at: number) => (at % 2 ? '</document>junk<infon key="k">v</infon>\n' : m))],
    ['a document inside a document', text.replace('<passage>', '<document><id>x</id></document><passage>')],
    ['a document closed twice', text.replace('</document>', '</document></document>')],
    ['CRLF', text.replace(/\n/g, '\r\n')],
    ['CR only', text.replace(/\n/g, '\r')],
    ['no ids', text.replace(/<id>\d+<\/id>/g, '')],
    ['text after the collection', text + text.slice(text.indexOf('<document>'), text.indexOf('</collection>'))],
    ['no collection end', text.replace('</collection>', '')],
    ['self-closing document', text.replace('</document>\n<document>', '</document>\n<document/>\n<document>')],
    ['an internal DTD subset', text.replace('<!DOCTYPE collection SYSTEM "BioC.dtd">', '<!DOCTYPE collection [ <!ENTITY x "y"> ]>')],
  ];
  for (const [label, t] of cases) for (const piece of [1 << 16, 333]) await assertSame(t, `${label}, pieces of ${piece}`, 1500, piece);
  assert.ok(serial(cases[0][1]).errors.length > 0, 'a truncated file has errors to compare');
});

test('split convert: the same output whatever the batch size, the pieces and the order batches finish in (property)', async () => {
  const text = collection(30, 25);
  const want = serial(text);
  await fc.assert(fc.asyncProperty(
    fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 5000 }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 8 }),
    async (batchChars, piece, delays) => {
      const got = await split(text, batchChars, piece, delays);
      assert.equal(got.output, want.output);
      assert.deepEqual(got.warnings, want.warnings);
      assert.deepEqual(got.errors, want.errors);
    }), { numRuns: 40 });
});

test('split convert: the BioC XML files of ../shared/corpora convert as serially', { skip: corporaSkip }, async () => {
  const files = sharedBiocFiles(/\.xml$/i);
  assert.ok(files.length > 0, 'BioC XML files in ../shared/corpora/bioc');
  for (const f of files) await assertSame(readFileSync(f, 'utf8'), f, 1 << 15);
});
