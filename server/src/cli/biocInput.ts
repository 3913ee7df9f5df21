// A BioC input of `pubtator check`, checked whole (read into memory; the BioC
// checks do not stream yet). Which files are BioC: biocFile.ts.

import { getHeapStatistics } from 'node:v8';
import { checkBioc } from '../service/bioc/checkBioc';
import { InputError } from './errors';
import type { Diagnostic } from '../service/types';
import type { ValidationOptions } from '../service/validate';
import type { InputFile } from './discover';
import { readInput } from './readInput';

/** Reads and checks one BioC file; rejects with the read error. */
/** Heap a BioC file checked whole takes per byte of it (measured: 730 MB resident for a 50 MB collection). */
const MEMORY_PER_BYTE = 15;

export async function checkBiocInput(input: InputFile, options: ValidationOptions, counters: { raw: number; text: number }): Promise<{ diagnostics: Diagnostic[]; documents: number; mentions: number; relations: number }> {
  // Checked whole, a BioC file takes about 15 times its size in memory: say so rather than run out.
  const limit = getHeapStatistics().heap_size_limit;
  if (input.size !== undefined && !input.gzip && input.size * MEMORY_PER_BYTE > limit) {
    throw new InputError(`a BioC file of ${(input.size / 1e6).toFixed(1)} MB is checked whole and needs about ${Math.ceil(input.size * MEMORY_PER_BYTE / 1e6)} MB, more than the ${Math.round(limit / 1e6)} MB memory budget: run again with PUBTATOR_HEAP_MB=0 (no limit), or convert it to PubTator first (pubtator convert), which streams; not checked`);
  }
  const parts: string[] = [];
  const decoder = new TextDecoder('utf-8');
  await readInput(input, counters, (bytes) => { parts.push(decoder.decode(bytes, { stream: true })); });
  parts.push(decoder.decode());
  const result = checkBioc(parts.join(''), options);
  return { diagnostics: result.diagnostics, documents: result.collection.documents.length, mentions: result.mentions, relations: result.relations };
}
