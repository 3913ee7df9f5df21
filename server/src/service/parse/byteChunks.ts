// Raw bytes of a PubTator file to chunks that can be checked (or fixed) on
// their own, in any order and on any thread: each chunk ends where the parser
// closes a document anyway, just before a blank line or a title line, so the
// documents of a chunk are those the whole-file parse finds there. Cutting
// happens on bytes, before any decoding, so the thread that reads a file does
// no more than find a newline near each chunk's target size; a newline byte
// never sits inside a UTF-8 character, so each chunk decodes on its own.
//
// The chunks joined by "\n" are exactly the input, byte for byte: a chunk
// leaves out the newline it ends at, and the last chunk (possibly empty)
// holds whatever follows the last cut. An empty input is one empty chunk.

export interface ByteChunk {
  /** The chunk's bytes, in a buffer of its own (so it can be sent to a worker without copying the input). */
  bytes: Uint8Array;
  /** 0-based line of the chunk's first line in the whole input. */
  firstLine: number;
  /** Lines the chunk holds (its newlines plus one). */
  lineCount: number;
}

const NL = 10;
const TAB = 9;
const CR = 13;
const SPACE = 32;
const BAR = 124;

/** Whether bytes [from, to) are blank as the parser sees a line: spaces, TABs, CRs and byte-order marks. */
function isBlankBytes(b: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = b[i];
    if (c === SPACE || c === TAB || c === CR) continue;
    if (c === 0xef && i + 2 < to && b[i + 1] === 0xbb && b[i + 2] === 0xbf) {
      i += 2;
      continue;
    }
    return false;
  }
  return true;
}

/** Whether bytes [from, to) start a title line as the parser reads one: ID|t| or ID|title| (ID without TAB or |). */
function isTitleBytes(b: Uint8Array, from: number, to: number): boolean {
  let i = from;
  while (i < to && b[i] !== TAB && b[i] !== BAR) i++;
  if (i === from || i >= to || b[i] !== BAR) return false;
  const t = i + 1;
  if (t + 1 < to && b[t] === 0x74 && b[t + 1] === BAR) return true; // t|
  // title|
  return t + 5 < to && b[t] === 0x74 && b[t + 1] === 0x69 && b[t + 2] === 0x74 && b[t + 3] === 0x6c && b[t + 4] === 0x65 && b[t + 5] === BAR;
}

function countNewlines(b: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = b.indexOf(NL, from); i >= 0 && i < to; i = b.indexOf(NL, i + 1)) n++;
  return n;
}

/**
 * Where a chunk may end, for a reader with random access to the input (a
 * worker reading its own range of a file): the index of the first newline at
 * or after `from` whose next line is blank or a title line, the rule
 * ByteChunker cuts by. -1 when `buf` holds none; unless `atEnd` (`buf` runs to
 * the input's end, where a last partial line counts as a whole one), also
 * when the line after a newline is not all in `buf` yet: read more and ask again.
 */
export function cutAtOrAfter(buf: Uint8Array, from: number, atEnd: boolean): number {
  let nl = buf.indexOf(NL, Math.max(0, from));
  while (nl >= 0) {
    const next = nl + 1;
    let after = buf.indexOf(NL, next);
    if (after < 0) {
      if (!atEnd) return -1;
      after = buf.length;
    }
    if (isBlankBytes(buf, next, after) || isTitleBytes(buf, next, after)) return nl;
    nl = after < buf.length ? after : -1;
  }
  return -1;
}

/** Lines in bytes [from, to): their newlines plus one. */
export function linesIn(b: Uint8Array, from: number, to: number): number {
  return countNewlines(b, from, to) + 1;
}

export class ByteChunker {
  private parts: Uint8Array[] = [];
  private size = 0;
  private line = 0;
  /** Bytes of the pending input already searched for a cut without finding one. */
  private searched = 0;
  private ended = false;

  /** `target`: bytes to gather before cutting at the next document boundary (0: cut at every boundary). */
  constructor(private readonly target: number) {}

  /** Adds the next bytes of the input; returns the chunks they complete. */
  push(bytes: Uint8Array): ByteChunk[] {
    if (bytes.length === 0) return [];
    this.parts.push(bytes);
    this.size += bytes.length;
    return this.size > this.target ? this.cut(false) : [];
  }

  /** The input is over: the remaining chunks, the last one holding what follows the last cut. */
  end(): ByteChunk[] {
    if (this.ended) return [];
    this.ended = true;
    const chunks = this.cut(true);
    const rest = this.pending();
    chunks.push(this.chunk(rest, rest.length));
    this.parts = [];
    this.size = 0;
    return chunks;
  }

  private pending(): Uint8Array {
    if (this.parts.length !== 1) {
      const all = new Uint8Array(this.size);
      let at = 0;
      for (const p of this.parts) {
        all.set(p, at);
        at += p.length;
      }
      this.parts = [all];
    }
    return this.parts[0] ?? new Uint8Array(0);
  }

  private chunk(buf: Uint8Array, end: number): ByteChunk {
    const lineCount = countNewlines(buf, 0, end) + 1;
    // A copy the chunk owns (Buffer's slice() would be a view of the whole input).
    const bytes = new Uint8Array(end);
    bytes.set(buf.subarray(0, end));
    const chunk = { bytes, firstLine: this.line, lineCount };
    this.line += lineCount;
    return chunk;
  }

  /** Cuts as many chunks as the pending bytes allow. At the end, a last partial line counts as a whole one. */
  private cut(atEnd: boolean): ByteChunk[] {
    const out: ByteChunk[] = [];
    let buf = this.pending();
    for (;;) {
      if (buf.length <= this.target) break;
      const at = this.findCut(buf, atEnd);
      if (at < 0) break;
      out.push(this.chunk(buf, at));
      buf = buf.subarray(at + 1);
      this.searched = 0;
    }
    this.parts = buf.length ? [buf] : [];
    this.size = buf.length;
    return out;
  }

  /** Index of the first newline at or after the target whose next line is blank or a title line; -1 when none yet. */
  private findCut(buf: Uint8Array, atEnd: boolean): number {
    let nl = buf.indexOf(NL, Math.max(this.searched, this.target > 0 ? this.target - 1 : 0));
    while (nl >= 0) {
      const next = nl + 1;
      let after = buf.indexOf(NL, next);
      if (after < 0) {
        if (!atEnd) {
          // The next line is not all here yet: look again from this newline once more bytes come.
          this.searched = nl;
          return -1;
        }
        after = buf.length;
      }
      if (isBlankBytes(buf, next, after) || isTitleBytes(buf, next, after)) return nl;
      nl = after < buf.length ? after : -1;
    }
    this.searched = Math.max(0, buf.length - 1);
    return -1;
  }
}

/** Cuts a whole input at once (tests, and callers that hold the bytes already). */
export function chunkBytes(bytes: Uint8Array, target: number): ByteChunk[] {
  const chunker = new ByteChunker(target);
  return [...chunker.push(bytes), ...chunker.end()];
}
