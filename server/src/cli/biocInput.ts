// A BioC input of `pubtator check`. BioC XML is checked as it is read
// (service/bioc/checkBiocStream.ts): the projected documents are checked in
// batches on the run's threads (--jobs, as a PubTator file's chunks), so a
// file of any size checks in the memory of a few batches. BioC JSON is read
// and checked whole (its parser needs the whole text). Which files are BioC:
// biocFile.ts.

import { getHeapStatistics } from 'node:v8';
import { checkBioc } from '../service/bioc/checkBioc';
import { biocCheckOptions, BiocCheckStream, type BiocBatch } from '../service/bioc/checkBiocStream';
import { detectFormat } from '../service/bioc/detect';
import { InputError } from './errors';
import type { Diagnostic } from '../service/types';
import { prepare, type ValidationOptions } from '../service/validate';
import { checkChunk } from '../service/streamingValidator';
import type { InputFile } from './discover';
import { bytePieces } from './readInput';
import { CHUNK_BYTES } from './fileChunks';
import type { CheckResult } from './chunkTasks';
import { OrderedResults } from './runner';
import { createRunner, type RunnerHints } from './runners';

/**
 * Heap a BioC JSON file checked whole takes per byte of it (its syntax tree is large: measured 386 MB
 * resident for a 7.5 MB file, which the default budget ran out on before this was raised from 15).
 */
const MEMORY_PER_BYTE = 50;

export interface BiocTotals {
  documents: number;
  mentions: number;
  relations: number;
}

/** How a streamed BioC check runs its batches: threads (--jobs) and what the workers need. */
export interface BiocRun {
  jobs: number;
  hints: RunnerHints;
}

/**
 * Checks one BioC file, handing its diagnostics to `print` in order as they
 * are known; rejects with the read error (what was printed stays printed).
 */
export async function checkBiocInput(
  input: InputFile, options: ValidationOptions, counters: { raw: number; text: number }, print: (list: Diagnostic[]) => void, run: BiocRun = { jobs: 1, hints: {} },
): Promise<BiocTotals> {
  const decoder = new TextDecoder('utf-8');
  const pieces = bytePieces(input, counters)[Symbol.asyncIterator]();
  // The format is told by the first piece's text (as convert tells it).
  const first = await pieces.next();
  const head = first.done ? '' : decoder.decode(first.value, { stream: true });
  if (detectFormat(head) === 'bioc-json') return checkJsonWhole(input, head, pieces, (bytes) => decoder.decode(bytes, { stream: bytes !== undefined }), options, print);
  const checkOptions = biocCheckOptions(options);
  const inline = prepare(checkOptions);
  const runner = createRunner(run.jobs, { options: checkOptions, run: inline }, run.hints);
  // Batches smaller than a PubTator file's chunk (PUBTATOR_CHUNK_BYTES): a batch keeps its map back to the
  // XML (objects for each row) until it is checked, which costs the collector; a sixteenth on this thread
  // (measured: a fifth less time than a quarter), a quarter on worker threads (fewer messages).
  const stream = new BiocCheckStream(options, Math.max(1, CHUNK_BYTES >> (runner.threads === 1 ? 4 : 2)));
  const results = new OrderedResults(runner.threads + 1);
  const encoder = new TextEncoder();
  const send = async (batches: BiocBatch[]) => {
    for (const batch of batches) {
      // On this thread a batch is checked and used at once: nothing waits in a queue (memory, and the collector's work).
      if (runner.threads === 1) {
        print(stream.take(batch, checkChunk(batch.text, batch.firstLine, checkOptions, inline)));
        continue;
      }
      const task = runner.run({ kind: 'check', bytes: encoder.encode(batch.text), firstLine: batch.firstLine });
      await results.add(task, (r) => print(stream.take(batch, (r as CheckResult).check)));
    }
  };
  try {
    await send(stream.write(head));
    for (let next = first.done ? first : await pieces.next(); !next.done; next = await pieces.next()) {
      await send(stream.write(decoder.decode(next.value, { stream: true })));
    }
    await send(stream.write(decoder.decode()));
    await send(stream.end());
    await results.drain();
    print(stream.finish());
  } finally {
    await runner.close();
  }
  return { documents: stream.documents, mentions: stream.mentions, relations: stream.relations };
}

/** BioC JSON, read and checked whole: refused, with a message, when it would not fit in the memory budget. */
async function checkJsonWhole(
  input: InputFile, head: string, pieces: AsyncIterator<Uint8Array>, decode: (bytes?: Uint8Array) => string, options: ValidationOptions, print: (list: Diagnostic[]) => void,
): Promise<BiocTotals> {
  const limit = getHeapStatistics().heap_size_limit;
  if (input.size !== undefined && !input.gzip && input.size * MEMORY_PER_BYTE > limit) {
    throw new InputError(`a BioC JSON file of ${(input.size / 1e6).toFixed(1)} MB is checked whole and needs about ${Math.ceil(input.size * MEMORY_PER_BYTE / 1e6)} MB, more than the ${Math.round(limit / 1e6)} MB memory budget: run again with PUBTATOR_HEAP_MB=0 (no limit), or convert it to BioC XML or PubTator first (pubtator convert), whose checks stream; not checked`);
  }
  const parts: string[] = [head];
  for (let next = await pieces.next(); !next.done; next = await pieces.next()) parts.push(decode(next.value));
  parts.push(decode());
  const result = checkBioc(parts.join(''), options);
  print(result.diagnostics);
  return { documents: result.collection.documents.length, mentions: result.mentions, relations: result.relations };
}
