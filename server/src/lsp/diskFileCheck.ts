// Checks one file that is not open, straight from disk: its bytes stream
// through the same chunks (diskChunks.ts), map and reduce as the command
// line's (streamingValidator.ts), so memory stays that of a chunk whatever the
// file's size, and the diagnostics are exactly those of the file opened in the
// editor. What is kept: the diagnostics (the first MAX_LISTED of them), a
// compact index of its ids for workspace symbols, and one of the ids given to
// each mention text for the id picker.

import { SymbolIndex } from '../service/features/workspaceSymbols';
import { IdsByTextBuilder, type IdsByText } from '../service/features/idsByText';
import { checkChunk, FileReducer } from '../service/streamingValidator';
import { ownCopy } from '../service/ownCopy';
import { Severity, type Diagnostic } from '../service/types';
import { mergeSorted, prepare, type ValidationOptions } from '../service/validate';
import { readDiskChunks } from './diskChunks';
import type { WorkspaceDisk } from './workspaceDisk';

/** Problems listed for a file that is not open; opening it lists them all. */
export const MAX_LISTED = 1000;

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
  /** The chunks' diagnostics, the first MAX_LISTED of them. */
  const streamed: Diagnostic[] = [];
  let total = 0;
  await readDiskChunks(disk, uri, signal, between, (text, firstLine) => {
    const result = checkChunk(text, firstLine, options, run, (doc) => {
      index.addDocument(doc);
      ids.addDocument(doc);
    });
    // Kept after the chunk: copies, or each would keep its chunk's text (ownCopy.ts).
    for (const d of reducer.add(result).diagnostics) if (total++ < MAX_LISTED) streamed.push(ownCopy(d));
  });
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
