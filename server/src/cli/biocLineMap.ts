// Where the rows of a BioC file's projection come from, for `compare
// --details`: the details name a BioC file's mention or relation by the line
// and column of its <annotation>/<relation> element (or JSON object), not by
// the projection's line. The file is read whole once (service/bioc: read,
// project, source map) and only two numbers a row are kept. The streamed
// projection compare reads is built by the same code; a document whose first
// row is not where this map has it (which would mean the two disagree) is
// given its projection lines, never a wrong place.

import { getHeapStatistics } from 'node:v8';
import { LineIndex } from '../service/bioc/lineIndex';
import { projectCollection } from '../service/bioc/project';
import { readBioc } from '../service/bioc/readBioc';
import type { Position } from '../service/types';
import type { InputFile } from './discover';
import { readInput } from './readInput';

/** Heap a BioC file read whole takes per byte of it (biocInput.ts measured 15 for the read and the checks). */
const MEMORY_PER_BYTE = 15;

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

/** The map of a BioC input; a reason instead when it is too large to read whole. Rejects with the read error. */
export async function biocLineMap(input: InputFile): Promise<BiocLineMap | { tooLarge: string }> {
  const limit = getHeapStatistics().heap_size_limit;
  const need = input.size === undefined ? 0 : (input.gzip ? 5 : 1) * input.size * MEMORY_PER_BYTE;
  if (need > limit) return { tooLarge: `details name lines of its PubTator projection: placing them in the BioC file needs it whole, about ${Math.ceil(need / 1e6)} MB, more than the ${Math.round(limit / 1e6)} MB memory budget (PUBTATOR_HEAP_MB=0 lifts it)` };
  const parts: string[] = [];
  const decoder = new TextDecoder('utf-8');
  await readInput(input, { raw: 0, text: 0 }, (bytes) => { parts.push(decoder.decode(bytes, { stream: true })); });
  parts.push(decoder.decode());
  const text = parts.join('');
  const projection = projectCollection(readBioc(text));
  const index = new LineIndex(text);
  const count = projection.lines.length;
  const lines = new Int32Array(count).fill(-1);
  const characters = new Int32Array(count);
  projection.lines.forEach((map, n) => {
    if (!map) return;
    const at = index.position(map.src.start);
    lines[n] = at.line;
    characters[n] = at.character;
  });
  const starts = new Map<number, string>();
  // A document's first row in the projection is its title row (ID|t|...).
  projection.text.split('\n').forEach((row, i) => {
    const title = /^([^|\t\n]*)\|t\|/.exec(row);
    if (title) starts.set(i, title[1]);
  });
  return new BiocLineMap(lines, characters, starts);
}
