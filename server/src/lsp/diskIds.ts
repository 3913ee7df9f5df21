// The id index of one file that is not open, read from disk (for the id
// picker when the workspace checks do not run, corpusIds.ts): its bytes
// stream through the same chunks as the checks' (diskChunks.ts), each parsed
// and counted, so memory stays that of a chunk plus the index.

import { IdsByTextBuilder, type IdsByText } from '../service/features/idsByText';
import { readDiskChunks } from './diskChunks';
import type { WorkspaceDisk } from './workspaceDisk';

/** Reads `uri`'s ids; aborting `signal` stops it with an error. */
export async function readDiskIds(disk: WorkspaceDisk, uri: string, signal: AbortSignal, between: () => Promise<void>): Promise<IdsByText> {
  const ids = new IdsByTextBuilder();
  await readDiskChunks(disk, uri, signal, between, (text, firstLine) => ids.addText(text, firstLine));
  return ids.build();
}
