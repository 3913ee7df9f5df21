// Stdio input cut into whole LSP messages. A 50 MB didOpen arrives as some
// 800 pipe chunks; vscode-jsonrpc's reader keeps them all and then copies
// them into one body buffer, so the message sat in memory twice before it
// was even decoded (the server's peak was 5.5 times the file). Put in front
// of that reader, this stream copies each chunk as it arrives into one buffer
// per message (headers and body) and passes the message on as a single
// chunk, which the reader takes as the body without a copy.
//
// It only re-cuts bytes; it never changes them. Input it cannot frame (no
// Content-Length, a header block that never ends) goes through untouched
// from there on, for the reader to report as it always did.

import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n', 'ascii');
const EMPTY = Buffer.alloc(0);
/** Longer header blocks are not LSP: stop framing and pass the bytes on. */
const MAX_HEADER_BYTES = 64 * 1024;

export class WholeMessages extends Transform {
  /** Bytes of the header block read so far. */
  private head: Buffer = EMPTY;
  /** The message being filled, once its length is known. */
  private message: Buffer | undefined;
  private filled = 0;
  private passThrough = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.passThrough) {
        this.push(at === 0 ? chunk : chunk.subarray(at));
        break;
      }
      if (this.message) {
        const n = Math.min(chunk.length - at, this.message.length - this.filled);
        chunk.copy(this.message, this.filled, at, at + n);
        this.filled += n;
        at += n;
        if (this.filled === this.message.length) {
          this.push(this.message);
          this.message = undefined;
        }
        continue;
      }
      at = this.readHead(chunk, at);
    }
    done();
  }

  /** Whatever is left when the input ends (a cut-off message) goes on as it is. */
  override _flush(done: TransformCallback): void {
    if (this.message) this.push(this.message.subarray(0, this.filled));
    else if (this.head.length) this.push(this.head);
    done();
  }

  /** Reads header bytes from `chunk` at `at`; returns where reading goes on. */
  private readHead(chunk: Buffer, at: number): number {
    if (this.head.length === 0) {
      const end = chunk.indexOf(HEADER_END, at);
      if (end >= 0) {
        const next = end + HEADER_END.length;
        this.begin(chunk.subarray(at, next));
        return next;
      }
      this.head = Buffer.from(chunk.subarray(at));
    } else {
      // A block split between chunks: only its last three bytes can start the "\r\n\r\n" that ends it.
      const searchFrom = Math.max(0, this.head.length - (HEADER_END.length - 1));
      const joined = Buffer.concat([this.head, chunk.subarray(at, Math.min(chunk.length, at + MAX_HEADER_BYTES))]);
      const end = joined.indexOf(HEADER_END, searchFrom);
      if (end >= 0) {
        const headerBytes = end + HEADER_END.length;
        const next = at + headerBytes - this.head.length;
        this.head = EMPTY;
        this.begin(joined.subarray(0, headerBytes));
        return next;
      }
      this.head = Buffer.concat([this.head, chunk.subarray(at)]);
    }
    if (this.head.length > MAX_HEADER_BYTES) this.giveUp(this.head);
    return chunk.length;
  }

  /** Starts the message these header bytes announce, or passes everything on when they announce no length. */
  private begin(header: Buffer): void {
    const length = contentLength(header.toString('ascii'));
    let message: Buffer | undefined;
    try {
      // A length no buffer can hold (a hostile or broken client) is the reader's to refuse.
      if (length !== undefined) message = Buffer.allocUnsafe(header.length + length);
    } catch {
      message = undefined;
    }
    if (!message) {
      this.giveUp(header);
      return;
    }
    this.message = message;
    header.copy(this.message, 0);
    this.filled = header.length;
    if (length === 0) {
      this.push(this.message);
      this.message = undefined;
    }
  }

  private giveUp(bytes: Buffer): void {
    this.passThrough = true;
    this.head = EMPTY;
    this.push(Buffer.from(bytes));
  }
}

/** The Content-Length of a header block, or undefined when it has none or a bad one. */
function contentLength(block: string): number | undefined {
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trim().toLowerCase() !== 'content-length') continue;
    const value = line.slice(colon + 1).trim();
    return /^\d+$/.test(value) ? Number(value) : undefined;
  }
  return undefined;
}
