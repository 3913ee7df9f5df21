// Streams one input's bytes: a file, a .gz file decompressed on the fly, or
// stdin. Decoding happens later, per chunk of whole lines (parse/byteChunks.ts),
// possibly on another thread. Binary data is refused here, early.

import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from './errors';
import type { InputFile } from './discover';

/** 256 KB reads: larger ones were no faster and kept about 60 MB more resident. */
const CHUNK = 1 << 18;
/** Like git and grep: a NUL byte near the start means binary data. */
export const SNIFF_BYTES = 8000;

export interface ReadCounters {
  /** Bytes consumed from disk (compressed bytes for .gz). */
  raw: number;
  /** Bytes of text read (after decompression). */
  text: number;
}

/** The error for binary data when `bytes`, found at byte `at` of the input, have a NUL byte within the input's first SNIFF_BYTES. */
export function binaryData(bytes: Uint8Array, at: number): InputError | undefined {
  if (at >= SNIFF_BYTES) return undefined;
  const nul = bytes.subarray(0, SNIFF_BYTES - at).indexOf(0);
  return nul >= 0 ? new InputError(`binary data (a NUL byte at byte ${at + nul}), not a PubTator text file; not checked`) : undefined;
}

/**
 * Calls `onBytes` with successive pieces of the input, waiting for it before
 * reading on. Rejects with the read, decompression or binary-data error (or
 * what `onBytes` throws); bytes already passed stay passed.
 */
export async function readInput(
  input: InputFile, counters: ReadCounters, onBytes: (bytes: Uint8Array) => void | Promise<void>,
): Promise<void> {
  for await (const bytes of bytePieces(input, counters)) await onBytes(bytes);
}

/** gzip's magic number: how a compressed stream is told from text whatever its name (stdin has none). */
export function isGzipStart(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * The input's bytes in successive pieces, read as they are asked for (so two
 * inputs can be read in step), decompressed when the name ends in .gz or the
 * bytes start as gzip does (stdin, a file named otherwise). Throws the read,
 * decompression or binary-data error; the file is closed when the caller
 * stops early.
 */
export async function* bytePieces(input: InputFile, counters: ReadCounters): AsyncGenerator<Uint8Array> {
  const source: Readable = input.stdin ? process.stdin : createReadStream(input.path, { highWaterMark: CHUNK });
  const chunks = (source as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  let gunzip: Readable | undefined;
  let sniffed = 0;
  try {
    const first = await chunks.next();
    async function* raw(): AsyncGenerator<Buffer> {
      if (first.done) return;
      counters.raw += first.value.length;
      yield first.value;
      for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
        counters.raw += next.value.length;
        yield next.value;
      }
    }
    let text: AsyncIterable<Buffer> = raw();
    if (input.gzip || (!first.done && isGzipStart(first.value))) {
      const compressed = Readable.from(raw());
      const unzip = createGunzip({ chunkSize: CHUNK });
      compressed.on('error', (err) => unzip.destroy(err));
      gunzip = compressed.pipe(unzip);
      text = gunzip as AsyncIterable<Buffer>;
    }
    for await (const chunk of text) {
      if (sniffed < SNIFF_BYTES) {
        const binary = binaryData(chunk, sniffed);
        if (binary) throw binary;
        sniffed += chunk.length;
      }
      counters.text += chunk.length;
      yield chunk;
    }
  } finally {
    if (source !== process.stdin) source.destroy();
    gunzip?.destroy();
  }
}
