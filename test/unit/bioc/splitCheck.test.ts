// A BioC XML check split between threads (cli/biocSplit.ts: documents found
// by service/bioc/splitXml.ts, parsed, projected and checked by
// service/bioc/batchMap.ts) gives what the serial streamed check gives, to
// the byte: on clean files, on files whose comments, CDATA sections,
// processing instructions or attribute values hold `</document>`, on
// truncated and malformed files; and it does split clean files.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DocumentSplitter, type XmlPiece } from '../../../server/src/service/bioc/splitXml';
import { BiocCheckStream, type BiocBatch } from '../../../server/src/service/bioc/checkBiocStream';
import { finishBatch, prepareBatch, refusedBatch } from '../../../server/src/service/bioc/batchMap';
import { checkChunk } from '../../../server/src/service/streamingValidator';
import { prepare, type ValidationOptions } from '../../../server/src/service/validate';
import type { Diagnostic } from '../../../server/src/service/types';
import type { AnyTask, TaskResult } from '../../../server/src/cli/chunkTasks';
import type { ChunkRunner } from '../../../server/src/cli/runner';
import { BiocSplitCheck } from '../../../server/src/cli/biocSplit';
import { corporaSkip, fixturesDir, sharedBiocFiles } from '../../support/paths';

/** The serial streamed check (what --jobs 1 prints), fed `piece` characters at a time. */
function serial(text: string, options: ValidationOptions = {}, piece = 1 << 16): Diagnostic[] {
  const stream = new BiocCheckStream(options, 1 << 12);
  const run = prepare(stream.checkOptions);
  const out: Diagnostic[] = [];
  const take = (batches: BiocBatch[]) => { for (const b of batches) out.push(...stream.take(b, checkChunk(b.text, b.firstLine, stream.checkOptions, run))); };
  for (let i = 0; i < text.length; i += piece) take(stream.write(text.slice(i, i + piece)));
  take(stream.end());
  out.push(...stream.finish());
  return out;
}

/** Workers stood in for on this thread: a batch is prepared at once, finished once told its first line. */
class InlineWorkers implements ChunkRunner {
  readonly threads = 2;
  constructor(private readonly options: ValidationOptions) {}
  async run(task: AnyTask, firstLine?: (lines: number) => Promise<number>): Promise<TaskResult> {
    assert.equal(task.kind, 'bioc-batch');
    if (task.kind !== 'bioc-batch') throw new Error('unexpected task');
    const prepared = prepareBatch(task, this.options);
    if (typeof prepared === 'string') return refusedBatch(prepared);
    const first = await firstLine!(prepared.lines.length);
    return finishBatch(prepared, first, this.options, prepare(this.options));
  }
  close(): Promise<void> { return Promise.resolve(); }
}

/** The split check, fed `piece` characters at a time, batches of about `batchChars`. */
async function split(text: string, options: ValidationOptions = {}, batchChars = 1 << 12, piece = 1 << 16): Promise<{ diagnostics: Diagnostic[]; taken: number; refused: number }> {
  const stream = new BiocCheckStream(options, 1 << 12);
  const run = prepare(stream.checkOptions);
  const out: Diagnostic[] = [];
  const print = (list: Diagnostic[]) => { out.push(...list); };
  const check = new BiocSplitCheck(stream, new InlineWorkers(stream.checkOptions), stream.checkOptions, run, print, batchChars);
  for (let i = 0; i < text.length; i += piece) await check.write(text.slice(i, i + piece));
  await check.end();
  for (const b of stream.end()) print(stream.take(b, checkChunk(b.text, b.firstLine, stream.checkOptions, run)));
  print(stream.finish());
  return { diagnostics: out, taken: check.taken, refused: check.refused };
}

/** What a user sees of the diagnostics, as the CLI prints them (JSON of each). */
function printed(list: Diagnostic[]): string {
  return list.map((d) => JSON.stringify(d)).join('\n');
}

async function assertSame(text: string, label: string, batchChars?: number, piece?: number): Promise<{ taken: number; refused: number }> {
  const want = printed(serial(text));
  const got = await split(text, {}, batchChars, piece);
  assert.equal(printed(got.diagnostics), want, `${label}: the split check differs from the serial one`);
  return got;
}

const small = readFileSync(join(fixturesDir, 'bioc', 'small.bioc.xml'), 'utf8');
const seeded = readFileSync(join(fixturesDir, 'bioc', 'seeded.bioc.xml'), 'utf8');

/** A collection of `n` documents taken in turn from the fixtures, renumbered, one per line block. */
function collection(n: number): string {
  const docs = [...small.matchAll(/<document>[\s\S]*?<\/document>/g), ...seeded.matchAll(/<document>[\s\S]*?<\/document>/g)].map((m) => m[0]);
  const head = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE collection SYSTEM "BioC.dtd">\n<collection><source>test</source><date>2026</date><key>k</key>\n';
  const body = Array.from({ length: n }, (_, i) => docs[i % docs.length].replace(/<id>([^<]*)<\/id>/, `<id>${1000 + i}</id>`));
  return head + body.join('\n') + '\n</collection>\n';
}

test('splitXml: the pieces put back together are the text, and each document piece is one <document> element, however the text arrives', () => {
  const text = collection(6)
    .replace('<passage>', '<!-- </document> <document> --><passage>')
    .replace('<text>', '<text><![CDATA[ </document> ]]>')
    .replace('</document>\n<document>', '</document>\n<?pi </document> ?>\n<!-- <document> --><document>');
  fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 40 }), (sizes) => {
    const splitter = new DocumentSplitter();
    const pieces: XmlPiece[] = [];
    let at = 0;
    for (let k = 0; at < text.length; k++) {
      const size = sizes[k % sizes.length];
      pieces.push(...splitter.write(text.slice(at, at + size)));
      at += size;
    }
    pieces.push(...splitter.end());
    assert.equal(pieces.map((p) => p.text).join(''), text);
    const docs = pieces.filter((p) => p.kind === 'document');
    assert.equal(docs.length, 6);
    for (const d of docs) {
      if (d.kind !== 'document') continue;
      assert.equal(text.slice(d.start, d.start + d.text.length), d.text);
      assert.match(d.text, /^<document>[\s\S]*<\/document>$/);
      assert.equal((d.text.match(/<id>/g) ?? []).length, 1, 'one document per piece');
    }
  }), { numRuns: 60 });
});

test('splitXml: a DOCTYPE with an internal subset stops the split (its entities would change what documents say)', () => {
  const text = collection(3).replace('<!DOCTYPE collection SYSTEM "BioC.dtd">', '<!DOCTYPE collection [ <!ENTITY x "y"> ]>');
  const splitter = new DocumentSplitter();
  const pieces = [...splitter.write(text), ...splitter.end()];
  assert.deepEqual(pieces.map((p) => p.kind), pieces.map(() => 'text'));
  assert.equal(pieces.map((p) => p.text).join(''), text);
});

test('split check: a clean collection is split and checked alike, whatever the batch size and pieces', async () => {
  const text = collection(40);
  for (const [batchChars, piece] of [[1, 1 << 16], [3000, 777], [1 << 14, 4096]]) {
    const r = await assertSame(text, `batches of ${batchChars}, pieces of ${piece}`, batchChars, piece);
    assert.ok(r.taken > 0, 'batches were taken from the workers');
  }
});

test('split check: `</document>` inside comments, CDATA and processing instructions never splits a document', async () => {
  const text = collection(20)
    .replace(/<passage>/g, (m, at: number) => (at % 3 === 0 ? '<!-- </document>\n<document> -->' + m : m))
    .replace(/<text>/g, (m, at: number) => (at % 5 === 0 ? m + '<![CDATA[</document>]]>' : m))
    .replace(/<\/document>\n<document>/g, '</document>\n<?keep </document> ?>\n<document>');
  const r = await assertSame(text, 'hidden close tags', 2000, 1000);
  assert.ok(r.taken > 0);
});

test('split check: defective files give what the serial check gives (truncated, wrong nesting, `</document>` in an attribute value, stray text, nested documents, CRLF)', async () => {
  const text = collection(24);
  const half = text.indexOf('<passage>', text.length / 2);
  const cases: [string, string][] = [
    ['truncated', text.slice(0, Math.floor(text.length * 0.6))],
    ['truncated in a tag', text.slice(0, text.indexOf('<annotation', text.length / 2) + 5)],
    ['wrong nesting', text.slice(0, half) + '<passage><bad>' + text.slice(half + '<passage>'.length)],
    ['close tag in an attribute', text.replace('<annotation id="', '<annotation x="</document>" id="')],
    ['stray text between documents', text.replace(/<\/document>\n/g, (m, at: number) => (at % 2 ? '</document>junk<infon key="k">v</infon>\n' : m))],
    ['a document inside a document', text.replace('<passage>', '<document><id>x</id></document><passage>')],
    ['a document closed twice', text.replace('</document>', '</document></document>')],
    ['documents without passage text (one finding for the file)', text.replace(/<passage>[\s\S]*?<\/passage>/g, (m, at: number) => (at % 3 ? m : m.replace(/<text>[^<]*<\/text>/, '')))],
    ['CRLF', text.replace(/\n/g, '\r\n')],
    ['CR only', text.replace(/\n/g, '\r')],
    ['offsets off by one', text.replace(/offset="(\d+)"/g, (m, n: string) => (Number(n) % 3 === 0 ? `offset="${Number(n) + 1}"` : m))],
    ['text after the collection', text + text.slice(text.indexOf('<document>'), text.indexOf('</collection>'))],
    ['documents of one id twice', text.replace(/<id>(\d+)<\/id>/g, (m, n: string) => `<id>${Number(n) % 5}</id>`)],
    ['no collection end', text.replace('</collection>', '')],
    ['self-closing document', text.replace('</document>\n<document>', '</document>\n<document/>\n<document>')],
  ];
  let findings = 0;
  for (const [label, t] of cases) {
    for (const piece of [1 << 16, 333]) await assertSame(t, `${label}, pieces of ${piece}`, 1500, piece);
    findings += serial(t).length;
  }
  assert.ok(findings > cases.length, 'the defective files have findings to compare');
  assert.ok(serial(cases.find(([l]) => l === 'documents of one id twice')![1]).some((d) => d.code === 'duplicate-document'));
});

test('split check: the BioC files of ../shared/corpora give what the serial check gives', { skip: corporaSkip }, async () => {
  const files = sharedBiocFiles(/\.xml$/i);
  assert.ok(files.length > 0);
  for (const f of files) await assertSame(readFileSync(f, 'utf8'), f, 1 << 15);
});
