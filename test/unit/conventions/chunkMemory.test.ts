// The reducer keeps a few rows of every chunk for the file's end (held rows
// that break or make a habit). A row checked on the same thread shares its
// strings with the chunk's text, and V8 keeps a sliced string's whole parent:
// kept as they are, those rows would keep every chunk's text alive until the
// file ends (a 2 GB stream ran out of its heap budget). The heap after all
// chunks must not grow with the text read.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fullCollection } from '../../../server/src/lsp/memoryReclaimer';
import { checkChunk, FileReducer } from '../../../server/src/service/streamingValidator';
import { prepare } from '../../../server/src/service/validate';
import { doc, row } from '../../support/build';

const CHUNKS = 30;
const DOCS_PER_CHUNK = 250;
/** Long abstracts: the text grows, not the number of documents (whose ids the reducer keeps). */
const FILLER = ' Both were given with water after meals.'.repeat(100);

/**
 * About 1 MB of documents, unique to `n`; one relation listed one way, which the
 * checker holds for the file's end. Its type is long enough (13 characters or more)
 * for V8 to cut it from the text as a slice rather than copy it.
 */
function chunkText(n: number): string {
  const docs: string[] = [];
  for (let i = 0; i < DOCS_PER_CHUNK; i++) {
    const id = String(n * DOCS_PER_CHUNK + i + 1);
    const relation = i === 0 ? [row(id, 'Drug_Interaction', 'D001241', 'D000082')] : [];
    docs.push(doc(id, `Aspirin number ${id} lowers fever and pain in adults`, `Aspirin and paracetamol were compared in trial ${id} of many patients.${FILLER}`,
      row(id, 0, 7, 'Aspirin', 'Chemical', 'D001241'), row(id, 56, 63, 'Aspirin', 'Chemical', 'D001241'), row(id, 68, 79, 'paracetamol', 'Chemical', 'D000082'),
      ...relation));
  }
  return docs.join('\n\n');
}

test('rows held from each chunk do not keep the chunks\' texts alive', { skip: fullCollection() ? false : 'no way to run a full garbage collection here' }, () => {
  const gc = fullCollection()!;
  const options = {};
  const run = prepare(options);
  const reducer = new FileReducer(options);
  let line = 0;
  let read = 0;
  const feed = (n: number) => {
    const text = chunkText(n);
    read += text.length;
    reducer.add(checkChunk(text, line, options, run));
    line += text.split('\n').length + 1;
  };
  feed(0);
  gc();
  const start = process.memoryUsage().heapUsed;
  for (let n = 1; n < CHUNKS; n++) feed(n);
  gc();
  const grown = process.memoryUsage().heapUsed - start;
  assert.ok(read > 15e6, `read ${read} characters`);
  assert.ok(grown < read / 4, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over ${(read / 1e6).toFixed(1)} MB of chunks`);
  // Held, and settled: a file that lists its relations one way has no one-way-relation problem.
  assert.deepEqual(reducer.end(), []);
});
