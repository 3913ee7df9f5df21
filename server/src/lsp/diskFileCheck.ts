// Checks one file that is not open, straight from disk: its bytes stream
// through the same chunks, map and reduce as the command line's
// (parse/byteChunks.ts, streamingValidator.ts), so memory stays that of a
// chunk whatever the file's size, and the diagnostics are exactly those of
// the file opened in the editor. What is kept: the diagnostics (the first
// MAX_LISTED of them), a compact index of its ids for workspace symbols, and
// one of the ids given to each mention text for the id picker.
// Between chunks it yields to the caller, which pauses it while the user types.

import { ByteChunker } from '../service/parse/byteChunks';
import { SymbolIndex } from '../service/features/workspaceSymbols';
import { IdsByTextBuilder, type IdsByText } from '../service/features/idsByText';
import { checkChunk, FileReducer } from '../service/streamingValidator';
import { ownCopy } from '../service/ownCopy';
import { Severity, type Diagnostic } from '../service/types';
import { mergeSorted, prepare, type ValidationOptions } from '../service/validate';
import type { WorkspaceDisk } from './workspaceDisk';

/** Text per chunk: a few milliseconds of checking, so a pause for typing comes quickly. */
const CHUNK_BYTES = 1 << 18;
/** Problems listed for a file that is not open; opening it lists them all. */
export const MAX_LISTED = 1000;
/** Like git and grep (and the command line): a NUL byte near the start means binary data. */
const SNIFF_BYTES = 8000;

/** A file that is not text: not checked. */
export class BinaryFileError extends Error {}

export interface DiskFileCheck {
  diagnostics: Diagnostic[];
  /** Problems found, listed or not. */
  total: number;
  index: SymbolIndex;
  ids: IdsByText;
}

/**
 * Checks `uri` from disk. `between` is awaited after each chunk (to yield,
 * and to wait while the editor is busy); aborting `signal` stops the check
 * with an error.
 */
export async function checkDiskFile(
  disk: WorkspaceDisk, uri: string, options: ValidationOptions, signal: AbortSignal, between: () => Promise<void>,
): Promise<DiskFileCheck> {
  const run = prepare(options);
  const reducer = new FileReducer(options);
  const index = new SymbolIndex();
  const ids = new IdsByTextBuilder();
  const chunker = new ByteChunker(CHUNK_BYTES);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The chunks' diagnostics, the first MAX_LISTED of them. */
  const streamed: Diagnostic[] = [];
  let total = 0;
  const take = (diagnostics: Diagnostic[]) => {
    // Kept after the chunk: copies, or each would keep its chunk's text (ownCopy.ts).
    for (const d of diagnostics) if (total++ < MAX_LISTED) streamed.push(ownCopy(d));
  };
  const check = async (chunks: ReturnType<ByteChunker['end']>) => {
    for (const c of chunks) {
      if (signal.aborted) throw new Error('cancelled');
      const result = checkChunk(decoder.decode(c.bytes), c.firstLine, options, run, (doc) => {
        index.addDocument(doc);
        ids.addDocument(doc);
      });
      take(reducer.add(result).diagnostics);
      await between();
    }
  };
  let sniffed = 0;
  await disk.read(uri, (bytes) => {
    if (sniffed < SNIFF_BYTES) {
      if (bytes.subarray(0, SNIFF_BYTES - sniffed).includes(0)) throw new BinaryFileError('binary data (a NUL byte near the start), not a PubTator text file');
      sniffed += bytes.length;
    }
    return check(chunker.push(bytes));
  }, signal);
  await check(chunker.end());
  // What waited for the whole file goes in its place among the rest, as validateFile orders it.
  const settled = reducer.end();
  total += settled.length;
  const listed = mergeSorted(streamed, settled, false).slice(0, MAX_LISTED);
  if (total > MAX_LISTED) {
    const last = listed[listed.length - 1];
    listed.push({
      range: last.range, severity: Severity.Information, code: 'more-problems', source: 'pubtator',
      message: `${total - MAX_LISTED} more problems in this file are not listed here (the first ${MAX_LISTED} are); open the file to see them all.`,
    });
  }
  return { diagnostics: listed, total, index, ids: ids.build() };
}
