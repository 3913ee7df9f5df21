// Where the rows of a BioC file's projection come from, for `compare
// --details`: the details name a BioC file's mention or relation by the line
// and column of its <annotation>/<relation> element (or JSON object), not by
// the projection's line. The file is read streamed, document by document, by
// the same readers and projection (ProjectionStream) compare's own read uses,
// and only two numbers a row are kept, so a file of any size is mapped in the
// memory of a few documents and its rows. A document whose first row is not
// where this map has it (which would mean the two disagree) is given its
// projection lines, never a wrong place.

import { detectFormat } from '../service/bioc/detect';
import { ProjectionStream } from '../service/bioc/project';
import { BiocJsonReader } from '../service/bioc/readJsonStream';
import { BiocXmlReader } from '../service/bioc/readXml';
import { SlidingLineIndex } from '../service/bioc/slidingLines';
import type { Position } from '../service/types';
import type { InputFile } from './discover';
import { readInput } from './readInput';

/** Characters read before the format is told (as convert and check tell it). */
const HEAD = 4096;

export class BiocLineMap {
  constructor(
    /** Per projection line: the file line and character of its element, -1 for a blank line. */
    private readonly lines: Int32Array,
    private readonly characters: Int32Array,
    /** Projection lines that start a document (its title row), with the document's id. */
    private readonly starts: Map<number, string>,
  ) {}

  /** The file position of a projection line's element, if it has one. */
  position(line: number): Position | undefined {
    if (!(line >= 0 && line < this.lines.length) || this.lines[line] < 0) return undefined;
    return { line: this.lines[line], character: this.characters[line] };
  }

  /** Whether document `id` starts at projection line `line` here, as in the stream compare read. */
  startsAt(line: number, id: string): boolean {
    return this.starts.get(line) === id;
  }
}

/** Numbers kept in a typed array that grows (two a row, not an object). */
class Numbers {
  array = new Int32Array(1024);
  length = 0;

  push(n: number): void {
    if (this.length === this.array.length) {
      const bigger = new Int32Array(this.array.length * 2);
      bigger.set(this.array);
      this.array = bigger;
    }
    this.array[this.length++] = n;
  }

  done(): Int32Array {
    return this.array.slice(0, this.length);
  }
}

/** The map of a BioC input, read streamed. Rejects with the read error. */
export async function biocLineMap(input: InputFile): Promise<BiocLineMap> {
  const lines = new Numbers();
  const characters = new Numbers();
  const starts = new Map<number, string>();
  const index = new SlidingLineIndex();
  const projection = new ProjectionStream((d, p) => {
    const first = lines.length;
    for (const map of p.lines) {
      const at = map ? index.position(map.src.start) : undefined;
      lines.push(at ? at.line : -1);
      characters.push(at ? at.character : 0);
    }
    // A document's first row in the projection is its title row (ID|t|...).
    const title = /^([^|\t\n]*)\|t\|/.exec(p.text);
    if (title) starts.set(first, title[1]);
    // Documents project in order: the lines before this one's end are not needed again.
    index.forget(d.range.end);
  });
  let reader: BiocXmlReader | BiocJsonReader | undefined;
  let head = '';
  const feed = (text: string, last: boolean) => {
    if (!reader) {
      head += text;
      if (head.length < HEAD && !last) return;
      text = head;
      head = '';
      reader = detectFormat(text) === 'bioc-json' ? new BiocJsonReader((d) => projection.document(d)) : new BiocXmlReader((d) => projection.document(d));
    }
    index.feed(text);
    reader.write(text);
  };
  const decoder = new TextDecoder('utf-8');
  await readInput(input, { raw: 0, text: 0 }, (bytes) => feed(decoder.decode(bytes, { stream: true }), false));
  feed(decoder.decode(), true);
  reader!.close();
  projection.end();
  return new BiocLineMap(lines.done(), characters.done(), starts);
}
