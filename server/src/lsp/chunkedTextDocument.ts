// An open document's text kept as a list of chunks of whole lines instead of
// one JS string, so that a keystroke in a 50 MB file costs time independent of
// the file's size. The library's TextDocument splices its single string on each
// edit, which makes V8 flatten (copy) the whole 50-100 MB string every time, and
// shifts its array of line offsets (O(lines)).
//
// Behaviour matches vscode-languageserver-textdocument's FullTextDocument
// (getText, positionAt, offsetAt with its clamping, lineCount, getLineRange,
// getEOLCharacters, update with incremental, full and reversed-range changes)
// for integer positions and offsets. Line breaks are `\n`, `\r\n` and — like the
// library and VS Code — a lone `\r`. (The PubTator parser splits on `\n` only,
// so a file with lone `\r` line ends has different line numbers there.)
// One deliberate difference: the library corrupts its line table when an edit's
// range lies on lines past the end of the document; here such a range is clamped
// like any other position and the result is the same as re-creating the
// document from the edited text.
//
// Invariants:
// - `chunks` is never empty; a chunk is empty only when it is the sole chunk
//   (empty document).
// - Every chunk except the last ends with a line break, and a boundary never
//   splits `\r\n`: a chunk ending with `\r` is never followed by one starting
//   with `\n`. So every line (with its line break) lies inside one chunk.
// - `starts[k]` / `firstLines[k]` are the offset and the line number at which
//   chunk k begins.
// Memory: the chunks of a freshly opened document are V8 slices of the opened
// string, which stays alive until every chunk of it has been edited away; so
// at worst the text is held about twice.

import type {
  DocumentUri, Position, Range, TextDocument, TextDocumentContentChangeEvent,
} from 'vscode-languageserver-textdocument';
import { partitionPoint } from '../service/sortedSearch';

const LF = 10;
const CR = 13;

/** Target chunk length in UTF-16 code units. */
export const DEFAULT_CHUNK_SIZE = 32 * 1024;

export interface ChunkedTextDocumentOptions {
  /** Target chunk length (chars); chunks end at the first line break past it. Tests use a tiny value. */
  chunkSize?: number;
}

/** What the last `update` rebuilt: lets tests check that an edit stays local. */
export interface UpdateStats {
  /** Chunks taken out and rebuilt (summed over the changes of the update). */
  chunksReplaced: number;
  /** Characters re-split into chunks (summed over the changes). */
  charsRechunked: number;
}

/** A run of whole lines; immutable, so its cached line starts never go stale. */
class Chunk {
  private starts: Uint32Array | undefined;

  constructor(readonly text: string, readonly breaks: number) {}

  /** Local offsets of the lines starting in this chunk: 0, then after every line break. */
  lineStarts(): Uint32Array {
    if (this.starts) return this.starts;
    const t = this.text;
    const out = new Uint32Array(this.breaks + 1);
    let n = 1;
    if (t.indexOf('\r') < 0) {
      for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) out[n++] = i + 1;
    } else {
      for (let i = 0; i < t.length; i++) {
        const c = t.charCodeAt(i);
        if (c === LF || (c === CR && t.charCodeAt(i + 1) !== LF)) out[n++] = i + 1;
      }
    }
    this.starts = out;
    return out;
  }
}

/** Line breaks in `t`: `\n`, and `\r` not followed by `\n` (a final `\r` counts: see the invariants). */
function countBreaks(t: string): number {
  let n = 0;
  for (let i = t.indexOf('\n'); i >= 0; i = t.indexOf('\n', i + 1)) n++;
  for (let i = t.indexOf('\r'); i >= 0; i = t.indexOf('\r', i + 1)) {
    if (t.charCodeAt(i + 1) !== LF) n++;
  }
  return n;
}

/**
 * Cuts `s` into chunks (none if it is empty) of about `size` chars, each ending right after a line
 * break (except the last). `s` must end at a valid boundary (document end or
 * the end of an old chunk), so a final `\r` in it is a lone one.
 */
function splitIntoChunks(s: string, size: number): Chunk[] {
  const out: Chunk[] = [];
  const len = s.length;
  let pos = 0;
  while (pos < len) {
    let end = len;
    if (len - pos > size + (size >> 1)) {
      const from = pos + size;
      const nl = s.indexOf('\n', from);
      const limit = nl < 0 ? len : nl;
      end = nl < 0 ? len : nl + 1;
      // A lone `\r` before that `\n` ends a line too (bounded scan: rest of one line).
      for (let k = from; k < limit; k++) {
        if (s.charCodeAt(k) === CR && s.charCodeAt(k + 1) !== LF) {
          end = k + 1;
          break;
        }
      }
    }
    const text = s.substring(pos, end);
    out.push(new Chunk(text, countBreaks(text)));
    pos = end;
  }
  return out;
}

/** The chunks of a whole document: one empty chunk for an empty one. */
function chunksOfDocument(s: string, size: number): Chunk[] {
  const out = splitIntoChunks(s, size);
  return out.length ? out : [new Chunk('', 0)];
}

/** LSP positions are integers: fractions are floored, NaN is 0, ±Infinity clamps, so bad input never throws. */
function int(n: number): number {
  return Number.isFinite(n) ? Math.floor(n) : n === Infinity ? Number.MAX_SAFE_INTEGER : n === -Infinity ? -Number.MAX_SAFE_INTEGER : 0;
}

function isIncremental(e: TextDocumentContentChangeEvent): e is { range: Range; rangeLength?: number; text: string } {
  const c = e as { range?: Range; rangeLength?: number; text?: unknown };
  return c !== undefined && c !== null && typeof c.text === 'string' && c.range !== undefined
    && (c.rangeLength === undefined || typeof c.rangeLength === 'number');
}

function isFull(e: TextDocumentContentChangeEvent): e is { text: string } {
  const c = e as { range?: Range; rangeLength?: number; text?: unknown };
  return c !== undefined && c !== null && typeof c.text === 'string' && c.range === undefined && c.rangeLength === undefined;
}

/** Same ordering rule as the library's getWellformedRange. */
function wellformed(range: Range): Range {
  const { start, end } = range;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return { start: end, end: start };
  return range;
}

export class ChunkedTextDocument implements TextDocument {
  private chunks: Chunk[];
  private starts: number[] = [];
  private firstLines: number[] = [];
  private length = 0;
  private lines = 1;
  /** The whole text once asked for, until the next change. */
  private joined: string | undefined;
  private readonly chunkSize: number;
  private stats: UpdateStats = { chunksReplaced: 0, charsRechunked: 0 };

  private constructor(
    private readonly _uri: DocumentUri,
    private readonly _languageId: string,
    private _version: number,
    content: string,
    options: ChunkedTextDocumentOptions = {},
  ) {
    this.chunkSize = Math.max(1, int(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
    this.chunks = chunksOfDocument(content, this.chunkSize);
    this.joined = content;
    this.reindexFrom(0);
  }

  /** Same signature as TextDocument.create (plus options), for TextDocumentsConfiguration. */
  static create(uri: DocumentUri, languageId: string, version: number, content: string, options?: ChunkedTextDocumentOptions): ChunkedTextDocument {
    return new ChunkedTextDocument(uri, languageId, version, content, options);
  }

  /** Same contract as TextDocument.update: mutates and returns `document`. */
  static update(document: ChunkedTextDocument, changes: TextDocumentContentChangeEvent[], version: number): ChunkedTextDocument {
    if (!(document instanceof ChunkedTextDocument)) {
      throw new Error('ChunkedTextDocument.update: document must be created by ChunkedTextDocument.create');
    }
    document.update(changes, version);
    return document;
  }

  get uri(): DocumentUri { return this._uri; }
  get languageId(): string { return this._languageId; }
  get version(): number { return this._version; }
  get lineCount(): number { return this.lines; }
  /** What the last update rebuilt (for tests and diagnostics). */
  get lastUpdateStats(): Readonly<UpdateStats> { return this.stats; }
  get chunkCount(): number { return this.chunks.length; }
  /** Length of the text in UTF-16 code units, without joining it. */
  get textLength(): number { return this.length; }

  /** Without a range this joins every chunk (O(size), cached until the next change). */
  getText(range?: Range): string {
    if (range) {
      const a = this.offsetAt(range.start);
      const b = this.offsetAt(range.end);
      return a <= b ? this.slice(a, b) : this.slice(b, a); // substring() swaps too
    }
    if (this.joined === undefined) this.joined = this.chunks.length === 1 ? this.chunks[0].text : this.chunks.map((c) => c.text).join('');
    return this.joined;
  }

  /**
   * Text of lines `first`..`last` inclusive, without the line break after
   * `last` (breaks inside are kept as they are). Lines are clamped to the
   * document: `first` below 0 reads from line 0, `last` past the end reads to
   * the last line; if nothing is left (`first > last` after clamping) it is ''.
   */
  getLines(first: number, last: number): string {
    const a = Math.max(int(first), 0);
    const b = Math.min(int(last), this.lines - 1);
    if (a > b) return '';
    return this.slice(this.lineStart(a), this.lineEnd(b));
  }

  positionAt(offset: number): Position {
    const o = Math.max(Math.min(int(offset), this.length), 0);
    const k = this.chunkOfOffset(o);
    const starts = this.chunks[k].lineStarts();
    const local = o - this.starts[k];
    const idx = partitionPoint(starts.length, (i) => starts[i] <= local) - 1;
    const lineOffset = this.starts[k] + starts[idx];
    return { line: this.firstLines[k] + idx, character: this.beforeEOL(o, lineOffset) - lineOffset };
  }

  offsetAt(position: Position): number {
    const line = int(position.line);
    if (line >= this.lines) return this.length;
    if (line < 0) return 0;
    const lineOffset = this.lineStart(line);
    const character = int(position.character);
    if (character <= 0) return lineOffset;
    const offset = Math.min(lineOffset + character, this.nextLineStart(line));
    return this.beforeEOL(offset, lineOffset);
  }

  getLineRange(line: number): Range {
    const l = int(line);
    if (l >= this.lines) {
      const last = this.lines - 1;
      return { start: { line: last, character: 0 }, end: { line: last, character: this.length - this.lineStart(last) } };
    }
    if (l < 0) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const start = this.lineStart(l);
    return { start: { line: l, character: 0 }, end: { line: l, character: this.lineEnd(l) - start } };
  }

  getEOLCharacters(line: number): string {
    const l = int(line);
    if (l >= this.lines || l < 0) return '';
    return this.slice(this.lineEnd(l), this.nextLineStart(l));
  }

  /** Applies the changes in order; throws like the library on a change that is neither kind. */
  update(changes: TextDocumentContentChangeEvent[], version: number): void {
    this.stats = { chunksReplaced: 0, charsRechunked: 0 };
    for (const change of changes) {
      if (isIncremental(change)) {
        const range = wellformed(change.range);
        this.replace(this.offsetAt(range.start), this.offsetAt(range.end), change.text);
      } else if (isFull(change)) {
        this.stats.chunksReplaced += this.chunks.length;
        this.stats.charsRechunked += change.text.length;
        this.chunks = chunksOfDocument(change.text, this.chunkSize);
        this.joined = change.text;
        this.reindexFrom(0);
      } else {
        throw new Error('Unknown change event received');
      }
    }
    this._version = version;
  }

  /** Replaces [start, end) by `text`, rebuilding only the chunks it touches. */
  private replace(start: number, end: number, text: string): void {
    this.joined = undefined;
    let i = this.chunkOfOffset(start);
    // Inserted text starting with `\n` right after a chunk ending in `\r` would join them.
    if (i > 0 && start === this.starts[i] && this.endsWithCR(i - 1)) i--;
    // The chunk *starting* at `end` is included (largest index), so the old
    // text after the edit is never empty unless the edit reaches the end: a
    // `\r` at the end of the inserted text then meets its `\n` inside one string.
    let j = this.chunkOfOffset(end);
    // Chunks strictly between i and j lie wholly inside [start, end): deleted.
    let s = this.chunks[i].text.substring(0, start - this.starts[i]) + text + this.chunks[j].text.substring(end - this.starts[j]);
    // Merge small leftovers into a neighbour so chunks do not fragment.
    if (s.length < this.chunkSize >> 1) {
      if (j + 1 < this.chunks.length) s += this.chunks[++j].text;
      else if (i > 0) s = this.chunks[--i].text + s;
    }
    const pieces = splitIntoChunks(s, this.chunkSize);
    this.stats.chunksReplaced += j - i + 1;
    this.stats.charsRechunked += s.length;
    if (pieces.length === 1 && i === j) this.chunks[i] = pieces[0];
    else if (pieces.length < 10_000) this.chunks.splice(i, j - i + 1, ...pieces);
    else this.chunks = this.chunks.slice(0, i).concat(pieces, this.chunks.slice(j + 1)); // too many arguments for splice
    if (this.chunks.length === 0) this.chunks.push(new Chunk('', 0));
    this.reindexFrom(Math.min(i, this.chunks.length - 1));
  }

  private endsWithCR(k: number): boolean {
    const t = this.chunks[k].text;
    return t.charCodeAt(t.length - 1) === CR;
  }

  /** Recomputes the prefix sums from chunk `from` on (O(chunks)). */
  private reindexFrom(from: number): void {
    const n = this.chunks.length;
    this.starts.length = n;
    this.firstLines.length = n;
    let offset = from === 0 ? 0 : this.starts[from - 1] + this.chunks[from - 1].text.length;
    let line = from === 0 ? 0 : this.firstLines[from - 1] + this.chunks[from - 1].breaks;
    for (let k = from; k < n; k++) {
      this.starts[k] = offset;
      this.firstLines[k] = line;
      offset += this.chunks[k].text.length;
      line += this.chunks[k].breaks;
    }
    this.length = offset;
    this.lines = line + 1;
  }

  /** Largest chunk index whose start is <= offset (offset in [0, length]). */
  private chunkOfOffset(offset: number): number {
    return lastAtMost(this.starts, offset);
  }

  /** Offset at which `line` (in [0, lineCount)) starts. */
  private lineStart(line: number): number {
    const k = lastAtMost(this.firstLines, line);
    return this.starts[k] + this.chunks[k].lineStarts()[line - this.firstLines[k]];
  }

  private nextLineStart(line: number): number {
    return line + 1 < this.lines ? this.lineStart(line + 1) : this.length;
  }

  /** Offset of the end of `line`'s content, before its line break. */
  private lineEnd(line: number): number {
    return this.beforeEOL(this.nextLineStart(line), this.lineStart(line));
  }

  /** The library's ensureBeforeEOL: step back over line-break chars, not past lineOffset. */
  private beforeEOL(offset: number, lineOffset: number): number {
    while (offset > lineOffset && this.isEOLAt(offset - 1)) offset--;
    return offset;
  }

  private isEOLAt(offset: number): boolean {
    const k = this.chunkOfOffset(offset);
    const c = this.chunks[k].text.charCodeAt(offset - this.starts[k]);
    return c === LF || c === CR;
  }

  /** Text of [a, b), 0 <= a <= b <= length, joining only the chunks it covers. */
  private slice(a: number, b: number): string {
    if (a >= b) return '';
    const i = this.chunkOfOffset(a);
    const j = this.chunkOfOffset(b - 1);
    if (i === j) return this.chunks[i].text.substring(a - this.starts[i], b - this.starts[i]);
    const parts = [this.chunks[i].text.substring(a - this.starts[i])];
    for (let k = i + 1; k < j; k++) parts.push(this.chunks[k].text);
    parts.push(this.chunks[j].text.substring(0, b - this.starts[j]));
    return parts.join('');
  }
}

/** Largest index k with sorted[k] <= value (0 when none: callers pass values >= sorted[0] = 0). */
function lastAtMost(sorted: number[], value: number): number {
  return Math.max(partitionPoint(sorted.length, (i) => sorted[i] <= value) - 1, 0);
}
