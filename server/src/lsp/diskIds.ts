// The id index of one file that is not open, read from disk (for the id
// picker when the workspace checks do not run, corpusIds.ts): its bytes
// stream through the same chunks as the checks' (diskFileCheck.ts), each
// parsed and counted, so memory stays that of a chunk plus the index. Between
// chunks it yields to the caller, which pauses it while the user types.

import { ByteChunker } from '../service/parse/byteChunks';
import { IdsByTextBuilder, type IdsByText } from '../service/features/idsByText';
import { BinaryFileError } from './diskFileCheck';
import type { WorkspaceDisk } from './workspaceDisk';

/** Text per chunk: a few milliseconds of parsing, so a pause for typing comes quickly. */
const CHUNK_BYTES = 1 << 18;
/** Like the checks: a NUL byte near the start means binary data. */
const SNIFF_BYTES = 8000;

/** Reads `uri`'s ids; aborting `signal` stops it with an error. */
export async function readDiskIds(disk: WorkspaceDisk, uri: string, signal: AbortSignal, between: () => Promise<void>): Promise<IdsByText> {
  const ids = new IdsByTextBuilder();
  const chunker = new ByteChunker(CHUNK_BYTES);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const count = async (chunks: ReturnType<ByteChunker['end']>) => {
    for (const c of chunks) {
      if (signal.aborted) throw new Error('cancelled');
      ids.addText(decoder.decode(c.bytes), c.firstLine);
      await between();
    }
  };
  let sniffed = 0;
  await disk.read(uri, (bytes) => {
    if (sniffed < SNIFF_BYTES) {
      if (bytes.subarray(0, SNIFF_BYTES - sniffed).includes(0)) throw new BinaryFileError('binary data, not a PubTator text file');
      sniffed += bytes.length;
    }
    return count(chunker.push(bytes));
  }, signal);
  await count(chunker.end());
  return ids.build();
}
