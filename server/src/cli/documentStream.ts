// One side of a comparison (the files a path names, in order) as a stream of
// document groups, read only as fast as they are asked for. Each document is
// parsed from its own lines (so a group held back waiting for its partner
// keeps only its own text), continuation blocks of one id are grouped, and a
// group never spans two files.

import { GroupCollector } from '../service/compare/groups';
import type { DocumentGroup } from '../service/compare/model';
import { ByteChunker, type ByteChunk } from '../service/parse/byteChunks';
import { parseChunk } from '../service/parse/parseChunk';
import type { InputFile } from './discover';
import { InputError } from './errors';
import { readerFor } from './projectedInput';
import type { ReadCounters } from './readInput';

/** Lines without any document after which a file is taken for something else (as `check` does). */
const NOT_PUBTATOR_AFTER_LINES = 1000;

/** Calls `problem` for a file that cannot be read; the other files of the side go on. */
export async function* documentGroups(
  files: readonly InputFile[], counters: ReadCounters, problem: (file: InputFile, err: unknown) => void,
): AsyncGenerator<DocumentGroup> {
  const ready: DocumentGroup[] = [];
  const collector = new GroupCollector((g) => ready.push(g));
  for (const file of files) {
    collector.startFile(file.path);
    let previousId: string | undefined;
    let documents = 0;
    let stray = 0;
    // Chunks of one document each (target 0): a document is parsed from its own lines only.
    const chunker = new ByteChunker(0);
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    const take = (chunks: ByteChunk[]) => {
      for (const c of chunks) {
        const parsed = parseChunk(decoder.decode(c.bytes), c.firstLine, previousId);
        stray += parsed.stray.length;
        for (const doc of parsed.documents) {
          collector.add(doc);
          previousId = doc.id;
          documents++;
        }
        if (documents === 0 && stray > NOT_PUBTATOR_AFTER_LINES) throw new InputError(notPubtator(stray));
      }
    };
    try {
      // A BioC file is compared on its projection onto PubTator (projectedInput.ts).
      const pieces = await readerFor(file);
      for await (const bytes of pieces(file, counters)) {
        take(chunker.push(bytes));
        while (ready.length) yield ready.shift()!;
      }
      take(chunker.end());
      if (documents === 0 && stray > 0) throw new InputError(notPubtator(stray));
      collector.flush();
      while (ready.length) yield ready.shift()!;
    } catch (err) {
      collector.flush();
      ready.length = 0;
      problem(file, err);
    }
  }
}

function notPubtator(lines: number): string {
  return `not a PubTator file: ${lines}${lines > NOT_PUBTATOR_AFTER_LINES ? '+' : ''} non-blank lines and not one ID|t|title line or annotation row`;
}
