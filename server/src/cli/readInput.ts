// Streams one input as decoded text: a file, a .gz file decompressed on the
// fly, or stdin. Decoding is streaming UTF-8, so a character split across two
// chunks stays whole; a byte-order mark is kept (the parser skips it, as it
// would in the whole text) and invalid bytes become U+FFFD.

import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from './errors';
import type { InputFile } from './discover';

/** 256 KB reads: larger ones were no faster and kept about 60 MB more resident. */
const CHUNK = 1 << 18;
/** Like git and grep: a NUL byte near the start means binary data. */
const SNIFF_BYTES = 8000;

export interface ReadCounters {
  /** Bytes consumed from disk (compressed bytes for .gz). */
  raw: number;
  /** Bytes of text decoded (after decompression). */
  text: number;
}

/**
 * Calls `onText` with successive pieces of the input's text. Rejects with the
 * read, decompression or binary-data error; text already passed stays passed.
 */
export async function readInput(
  input: InputFile, counters: ReadCounters, onText: (text: string) => void,
): Promise<void> {
  for await (const text of textPieces(input, counters)) onText(text);
}

/**
 * The input's text in successive pieces, read as they are asked for (so two
 * inputs can be read in step). Throws the read, decompression or binary-data
 * error; the file is closed when the caller stops early.
 */
export async function* textPieces(input: InputFile, counters: ReadCounters): AsyncGenerator<string> {
  const source: Readable = input.stdin ? process.stdin : createReadStream(input.path, { highWaterMark: CHUNK });
  let stream: Readable = source;
  if (input.gzip) {
    const gunzip = createGunzip({ chunkSize: CHUNK });
    source.on('data', (chunk: Buffer) => { counters.raw += chunk.length; });
    source.on('error', (err) => gunzip.destroy(err));
    stream = source.pipe(gunzip);
  }
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let sniffed = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (sniffed < SNIFF_BYTES) {
        const nul = chunk.subarray(0, SNIFF_BYTES - sniffed).indexOf(0);
        if (nul >= 0) throw new InputError(`binary data (a NUL byte at byte ${sniffed + nul}), not a PubTator text file; not checked`);
        sniffed += chunk.length;
      }
      if (!input.gzip) counters.raw += chunk.length;
      counters.text += chunk.length;
      const text = decoder.decode(chunk, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    if (source !== process.stdin) source.destroy();
  }
}
