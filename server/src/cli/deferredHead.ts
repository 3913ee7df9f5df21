// Output whose head is known only at its end (service/bioc/convertStream.ts:
// a BioC JSON collection whose header keys follow its documents). What comes
// before the head is known is kept in a temporary file, not in memory, and
// written after the head at the end; so a collection of any size converts in
// the memory of a few documents, and writes what the whole-text conversion
// writes.

import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Text gathered before a write to the temporary file (fewer, larger writes). */
const BUFFER_CHARS = 1 << 20;
/** Bytes read back at a time. */
const READ_BYTES = 1 << 20;

export class DeferredOutput {
  private dir: string | undefined;
  private file: FileHandle | undefined;
  private buffer: string[] = [];
  private buffered = 0;
  private size = 0;

  /** `emit` writes to the real output. */
  constructor(private readonly emit: (text: string) => Promise<void>) {}

  /** Output: to `emit` at once, or kept when `deferred` (its head is not known yet). */
  async put(text: string, deferred: boolean): Promise<void> {
    if (text === '') return;
    if (!deferred) return this.emit(text);
    this.buffer.push(text);
    this.buffered += text.length;
    if (this.buffered >= BUFFER_CHARS) await this.spill();
  }

  /** Writes the head, then everything kept; removes the temporary file. */
  async finish(head: string): Promise<void> {
    await this.emit(head);
    if (this.file) {
      await this.spill();
      const decoder = new TextDecoder('utf-8');
      const bytes = new Uint8Array(READ_BYTES);
      for (let at = 0; at < this.size;) {
        const { bytesRead } = await this.file.read(bytes, 0, READ_BYTES, at);
        if (bytesRead === 0) break;
        at += bytesRead;
        await this.emit(decoder.decode(bytes.subarray(0, bytesRead), { stream: true }));
      }
      const rest = decoder.decode();
      if (rest) await this.emit(rest);
    } else {
      await this.emit(this.buffer.join(''));
    }
    this.buffer = [];
    this.buffered = 0;
    await this.discard();
  }

  /** Removes the temporary file (also after a failure). */
  async discard(): Promise<void> {
    const { file, dir } = this;
    this.file = undefined;
    this.dir = undefined;
    await file?.close().catch(() => undefined);
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  }

  private async spill(): Promise<void> {
    if (!this.file) {
      this.dir = await fs.mkdtemp(join(tmpdir(), 'pubtator-convert-'));
      this.file = await fs.open(join(this.dir, 'body'), 'w+');
    }
    const text = this.buffer.join('');
    this.buffer = [];
    this.buffered = 0;
    const bytes = Buffer.from(text, 'utf8');
    await this.file.write(bytes, 0, bytes.length, this.size);
    this.size += bytes.length;
  }
}
