// One input, read and cut into chunks of whole documents (parse/byteChunks.ts),
// handed on in file order.

import { ByteChunker, type ByteChunk } from '../service/parse/byteChunks';
import type { InputFile } from './discover';
import { bytePieces, type ReadCounters } from './readInput';

/**
 * Bytes gathered per chunk: large enough that checking a chunk dwarfs handing
 * it to a thread, small enough to keep several per thread in flight.
 * PUBTATOR_CHUNK_BYTES changes it, for tests that want many chunks from a
 * small file (the output is the same whatever the size).
 */
export const CHUNK_BYTES = Number(process.env.PUBTATOR_CHUNK_BYTES) > 0 ? Number(process.env.PUBTATOR_CHUNK_BYTES) : 1 << 20;

/** Thrown from `each` to stop reading an input that is not worth reading on. */
export class StopReading extends Error {}

/**
 * Calls `each` with every chunk of the input in order (`last` for the final
 * one), waiting for it before reading on. Rejects as readInput does.
 * `pieces` reads the input (a BioC file's projection for stats: projectedInput.ts).
 */
export async function forEachChunk(
  input: InputFile, counters: ReadCounters, each: (chunk: ByteChunk, last: boolean) => Promise<void>, target = CHUNK_BYTES,
  pieces: (input: InputFile, counters: ReadCounters) => AsyncIterable<Uint8Array> = bytePieces,
): Promise<void> {
  const chunker = new ByteChunker(target);
  for await (const bytes of pieces(input, counters)) {
    for (const chunk of chunker.push(bytes)) await each(chunk, false);
  }
  const rest = chunker.end();
  for (let i = 0; i < rest.length; i++) await each(rest[i], i === rest.length - 1);
}
