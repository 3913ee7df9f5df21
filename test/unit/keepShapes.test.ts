// Objects of the shapes a chunk's check is made of stay alive between chunks
// (service/keepShapes.ts: V8 would otherwise drop the shapes, and the code
// optimized for them, at a full collection between two chunks). They are made
// from a copy of the chunk's last document, so the chunk's text is not kept;
// only the last chunk's are held (a chunk without a document lets go of
// nothing), and holding them changes no result.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullCollection } from '../../server/src/lsp/memoryReclaimer';
import { keptObjects } from '../../server/src/service/keepShapes';
import type { ParsedFile } from '../../server/src/service/parse/model';
import { checkChunk } from '../../server/src/service/streamingValidator';
import { prepare } from '../../server/src/service/validate';
import { doc, row } from '../support/build';

interface Kept { ctx: { file: ParsedFile }; rows: unknown[] }

const chunkA = [
  doc('11', 'Aspirin lowers fever', 'Aspirin was given.', row('11', 0, 7, 'Aspirin', 'Chemical', 'D001241')),
  doc('12', 'Fever in adults', 'Paracetamol and aspirin.', row('12', 16, 27, 'Paracetamol', 'Chemical', 'D000082'), row('12', 32, 39, 'aspirin', 'Chemical', 'D001241'), row('12', 'CID', 'D000082', 'D005334')),
].join('\n\n');
const chunkB = doc('13', 'Pain relief', 'Nothing else.', row('13', 0, 4, 'Pain', 'Disease', 'D010146'));

test('a copy of the last document checked is held, with its rows parsed, and not the chunk\'s text', () => {
  const options = {};
  const run = prepare(options);
  checkChunk(chunkA, 0, options, run);
  const kept = keptObjects() as Kept;
  assert.deepEqual(kept.ctx.file.documents.map((d) => [d.id, d.startLine]), [['12', 4]]);
  const raw = (kept.ctx.file.documents[0] as unknown as { raw: { text: string } }).raw;
  assert.equal(raw.text, chunkA.slice(chunkA.indexOf('12|t|')));
  const [passages, mentions, relations] = kept.rows as unknown[][];
  assert.equal(passages.length, 2);
  assert.equal(mentions.length, 2);
  assert.equal(relations.length, 1);
  checkChunk(chunkB, 10, options, run);
  assert.deepEqual((keptObjects() as Kept).ctx.file.documents.map((d) => d.id), ['13']);
});

test('a chunk without a document (a file\'s blank tail, as the last chunk of each file of a folder) keeps what was held', () => {
  const options = {};
  const run = prepare(options);
  checkChunk(chunkB, 10, options, run);
  const before = keptObjects();
  for (const empty of ['', '\n', '   \n\n']) {
    checkChunk(empty, 20, options, run);
    assert.equal(keptObjects(), before, JSON.stringify(empty));
  }
  // Many files' tails in turn (a folder checked on worker threads) let go of nothing either.
  checkChunk(chunkA, 0, options, run);
  checkChunk('', 9, options, run);
  assert.deepEqual((keptObjects() as Kept).ctx.file.documents.map((d) => d.id), ['12']);
});

test('holding the last chunk changes no result: a chunk checked again, after others, gives the same', () => {
  const options = {};
  const run = prepare(options);
  const first = checkChunk(chunkA, 0, options, run);
  checkChunk(chunkB, 10, options, run);
  assert.deepEqual(checkChunk(chunkA, 0, options, run), first);
  assert.ok(first.diagnostics.length > 0 || first.counts.mentions === 3);
});

test('only the last chunk is held: the one before it can be collected', { skip: fullCollection() ? false : 'no way to run a full garbage collection here' }, async () => {
  const gc = fullCollection()!;
  const options = {};
  const run = prepare(options);
  checkChunk(chunkA, 0, options, run);
  const before = new WeakRef((keptObjects() as Kept).ctx.file);
  checkChunk(chunkB, 10, options, run);
  // A weak reference holds its target until the current job ends.
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  assert.equal(before.deref(), undefined);
});
