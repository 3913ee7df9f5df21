// One file that is not open, streamed from disk in chunks of whole documents
// (parse/byteChunks.ts), so memory stays that of a chunk whatever the file's
// size: what the workspace checks (diskFileCheck.ts) and the id picker's own
// index (diskIds.ts) both read files with. Between chunks it yields to the
// caller, which pauses it while the user types.

import { ByteChunker } from '../service/parse/byteChunks';
import type { WorkspaceDisk } from './workspaceDisk';

/** Text per chunk: a few milliseconds of work, so a pause for typing comes quickly. */
const CHUNK_BYTES = 1 << 18;
/** Like git and grep (and the command line): a NUL byte near the start means binary data. */
const SNIFF_BYTES = 8000;

/** A file that is not text: not read further. */
export class BinaryFileError extends Error {}

/**
 * Streams `uri`'s text to `onChunk`, a chunk of whole documents at a time with
 * its first line; `between` is awaited after each chunk. Aborting `signal`
 * stops it with an error; binary data rejects with BinaryFileError.
 */
export async function readDiskChunks(
  disk: WorkspaceDisk, uri: string, signal: AbortSignal, between: () => Promise<void>, onChunk: (text: string, firstLine: number) => void,
): Promise<void> {
  const chunker = new ByteChunker(CHUNK_BYTES);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const take = async (chunks: ReturnType<ByteChunker['end']>) => {
    for (const c of chunks) {
      if (signal.aborted) throw new Error('cancelled');
      onChunk(decoder.decode(c.bytes), c.firstLine);
      await between();
    }
  };
  let sniffed = 0;
  await disk.read(uri, (bytes) => {
    if (sniffed < SNIFF_BYTES) {
      if (bytes.subarray(0, SNIFF_BYTES - sniffed).includes(0)) throw new BinaryFileError('binary data (a NUL byte near the start), not a PubTator text file');
      sniffed += bytes.length;
    }
    return take(chunker.push(bytes));
  }, signal);
  await take(chunker.end());
}
