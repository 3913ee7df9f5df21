// A BioC input of `pubtator check`, XML or JSON, checked as it is read
// (service/bioc/checkBiocStream.ts): the projected documents are checked in
// batches on the run's threads (--jobs, as a PubTator file's chunks), so a
// file of any size checks in the memory of a few batches. Which files are
// BioC: biocFile.ts.

import { biocCheckOptions, BiocCheckStream, type BiocBatch } from '../service/bioc/checkBiocStream';
import { detectFormat } from '../service/bioc/detect';
import type { Diagnostic } from '../service/types';
import { prepare, type ValidationOptions } from '../service/validate';
import { checkChunk } from '../service/streamingValidator';
import type { InputFile } from './discover';
import { bytePieces } from './readInput';
import { CHUNK_BYTES } from './fileChunks';
import type { CheckResult } from './chunkTasks';
import { OrderedResults } from './runner';
import { createRunner, createSplitRunner, type RunnerHints, type SplitRunners } from './runners';
import { BiocSplitCheck } from './biocSplit';

/** Characters read before the format is told. */
const HEAD = 4096;
/** Bytes decoded at a time for the streamed read. */
const TEXT_PIECE = 1 << 16;

export interface BiocTotals {
  documents: number;
  mentions: number;
  relations: number;
}

/** How a streamed BioC check runs its batches: threads (--jobs) and what the workers need. */
export interface BiocRun {
  jobs: number;
  hints: RunnerHints;
  /** Tell print each diagnostic's row of the projection (stats counts rows with problems). */
  rows?: boolean;
  /** The run's split workers, shared by its BioC XML files, and the key of these options among them (else workers of this file's own). */
  shared?: { runners: SplitRunners; key: string };
}

/** The projection row a diagnostic stands for; undefined for one about the file (or when rows were not asked for). */
export type RowOf = (d: Diagnostic) => number | undefined;

/**
 * Checks one BioC file, handing its diagnostics to `print` in order as they
 * are known; rejects with the read error (what was printed stays printed).
 */
export async function checkBiocInput(
  input: InputFile, options: ValidationOptions, counters: { raw: number; text: number }, print: (list: Diagnostic[], rowOf?: RowOf) => void, run: BiocRun = { jobs: 1, hints: {} },
): Promise<BiocTotals> {
  const decoder = new TextDecoder('utf-8');
  const pieces = bytePieces(input, counters)[Symbol.asyncIterator]();
  // XML or JSON, told by the first 4 KB (as convert tells it).
  let head = '';
  let next = await pieces.next();
  for (; !next.done && head.length < HEAD; next = await pieces.next()) head += decoder.decode(next.value, { stream: true });
  const format = detectFormat(head) === 'bioc-json' ? 'bioc-json' : 'bioc-xml';
  const checkOptions = biocCheckOptions(options);
  const inline = prepare(checkOptions);
  // XML on worker threads, split by documents (biocSplit.ts): this thread and jobs − 1 workers. Not for
  // stats, which asks each problem's row: the split does not tell it.
  const splitCtx = { options: checkOptions, run: inline };
  const splitRunner = format !== 'bioc-xml' || run.rows ? undefined
    : run.shared ? run.shared.runners.for(run.shared.key, splitCtx, run.hints) : createSplitRunner(run.jobs, splitCtx, run.hints);
  const runner = splitRunner ?? createRunner(format === 'bioc-xml' && !run.rows ? 1 : run.jobs, { options: checkOptions, run: inline }, run.hints);
  // Batches smaller than a PubTator file's chunk (PUBTATOR_CHUNK_BYTES): a batch keeps its map back to the
  // XML (objects for each row) until it is checked, which costs the collector; a sixteenth on this thread
  // (measured: a fifth less time than a quarter), a quarter on worker threads (fewer messages).
  const stream = new BiocCheckStream(options, Math.max(1, CHUNK_BYTES >> (runner.threads === 1 ? 4 : 2)), format, run.rows);
  const rowOf: RowOf = (d) => stream.rowOf(d);
  const results = new OrderedResults(runner.threads + 1);
  const encoder = new TextEncoder();
  const send = async (batches: BiocBatch[]) => {
    for (const batch of batches) {
      // On this thread a batch is checked and used at once: nothing waits in a queue (memory, and the collector's work).
      if (runner.threads === 1) {
        print(stream.take(batch, checkChunk(batch.text, batch.firstLine, checkOptions, inline)), rowOf);
        continue;
      }
      const task = runner.run({ kind: 'check', bytes: encoder.encode(batch.text), firstLine: batch.firstLine });
      await results.add(task, (r) => print(stream.take(batch, (r as CheckResult).check), rowOf));
    }
  };
  try {
    if (splitRunner) {
      const split = new BiocSplitCheck(stream, runner, checkOptions, inline, print);
      await split.write(head);
      for (; !next.done; next = await pieces.next()) await split.write(decoder.decode(next.value, { stream: true }));
      await split.write(decoder.decode());
      await split.end();
      for (const b of stream.end()) print(stream.take(b, checkChunk(b.text, b.firstLine, checkOptions, inline)));
      print(stream.finish());
      return { documents: stream.documents, mentions: stream.mentions, relations: stream.relations };
    }
    await send(stream.write(head));
    for (; !next.done; next = await pieces.next()) {
      // Text in pieces of at most TEXT_PIECE: a longer string is a large object, which the collector
      // promotes (with every string sliced from it) whenever it is alive at a scavenge.
      const bytes = next.value;
      for (let at = 0; at < bytes.length; at += TEXT_PIECE) await send(stream.write(decoder.decode(bytes.subarray(at, at + TEXT_PIECE), { stream: true })));
    }
    await send(stream.write(decoder.decode()));
    await send(stream.end());
    await results.drain();
    print(stream.finish(), rowOf);
  } catch (err) {
    if (run.shared && runner === splitRunner) await run.shared.runners.discard(run.shared.key);
    throw err;
  } finally {
    // Shared workers stay for the run's next file (the run closes them).
    if (!run.shared || runner !== splitRunner) await runner.close();
  }
  return { documents: stream.documents, mentions: stream.mentions, relations: stream.relations };
}
