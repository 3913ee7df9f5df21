// A BioC input of `pubtator check`, checked whole (read into memory; the BioC
// checks do not stream yet). Which files are BioC: biocFile.ts.

import { checkBioc } from '../service/bioc/checkBioc';
import type { Diagnostic } from '../service/types';
import type { ValidationOptions } from '../service/validate';
import type { InputFile } from './discover';
import { readInput } from './readInput';

/** Reads and checks one BioC file; rejects with the read error. */
export async function checkBiocInput(input: InputFile, options: ValidationOptions, counters: { raw: number; text: number }): Promise<{ diagnostics: Diagnostic[]; documents: number; mentions: number; relations: number }> {
  const parts: string[] = [];
  const decoder = new TextDecoder('utf-8');
  await readInput(input, counters, (bytes) => { parts.push(decoder.decode(bytes, { stream: true })); });
  parts.push(decoder.decode());
  const result = checkBioc(parts.join(''), options);
  return { diagnostics: result.diagnostics, documents: result.collection.documents.length, mentions: result.mentions, relations: result.relations };
}
