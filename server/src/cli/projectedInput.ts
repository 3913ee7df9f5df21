// The bytes `stats` and `compare` read from an input: a PubTator file's own,
// or a BioC file's projection onto PubTator (service/bioc/convertStream.ts,
// BioC XML streamed document by document), so both commands run on BioC
// files exactly as `check` runs its PubTator checks on the projection.

import { ConvertStream } from '../service/bioc/convertStream';
import { isBiocFile } from './biocFile';
import type { InputFile } from './discover';
import { InputError } from './errors';
import { bytePieces, type ReadCounters } from './readInput';

export type PieceReader = (input: InputFile, counters: ReadCounters) => AsyncIterable<Uint8Array>;

/** Whether an input is read through its projection: a named or found BioC file (stdin is taken as PubTator). */
export async function isProjected(input: InputFile): Promise<boolean> {
  return !input.stdin && await isBiocFile(input.path);
}

/**
 * The PubTator projection of a BioC input, in pieces as it is read. What
 * could be read is yielded; then a BioC file that is not well-formed throws
 * its first error (the caller reports the file as not read in full).
 */
export async function* projectedPieces(input: InputFile, counters: ReadCounters): AsyncGenerator<Uint8Array> {
  const convert = new ConvertStream({ to: 'pubtator' });
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const encoder = new TextEncoder();
  for await (const bytes of bytePieces(input, counters)) {
    const out = convert.write(decoder.decode(bytes, { stream: true }));
    if (out) yield encoder.encode(out);
  }
  const rest = convert.write(decoder.decode()) + convert.end();
  if (rest) yield encoder.encode(rest);
  if (convert.errors.length) {
    const more = convert.errors.length > 1 ? ` (and ${convert.errors.length - 1} more)` : '';
    throw new InputError(`not well-formed BioC: ${convert.errors[0]}${more}; read up to there`);
  }
}

/** The reader for an input: its projection when it is BioC, else its bytes. */
export async function readerFor(input: InputFile): Promise<PieceReader> {
  return await isProjected(input) ? projectedPieces : bytePieces;
}
