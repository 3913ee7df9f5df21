// Writing a file so that readers see either the old file or the new one,
// never half of one: the new text goes to a temporary file beside the target
// (same folder, so the same file system), which is flushed to disk and then
// renamed over the target. The target's permissions (and, for root, its
// owner) are kept; a symbolic link is followed, so the link stays a link.
// `.gz` targets are written gzip-compressed.

import { randomBytes } from 'node:crypto';
import { createWriteStream, promises as fs, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { createGzip } from 'node:zlib';

export class AtomicFile {
  private constructor(
    /** The real file written (links resolved). */
    readonly target: string,
    private readonly temp: string,
    private readonly file: WriteStream,
    private readonly sink: Writable,
    private readonly keep: { mode: number; uid: number; gid: number } | undefined,
  ) {}

  /** Starts writing `path` (which may not exist yet). Rejects if its folder cannot be written. */
  static async create(path: string, options: { gzip?: boolean } = {}): Promise<AtomicFile> {
    let target = path;
    let keep: { mode: number; uid: number; gid: number } | undefined;
    try {
      target = await fs.realpath(path);
      const stat = await fs.stat(target);
      keep = { mode: stat.mode & 0o7777, uid: stat.uid, gid: stat.gid };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
    const file = createWriteStream(temp, { flags: 'wx', mode: keep ? 0o600 : 0o666 });
    await once(file, 'open');
    let sink: Writable = file;
    if (options.gzip) {
      const gzip = createGzip();
      gzip.pipe(file);
      sink = gzip;
    }
    return new AtomicFile(target, temp, file, sink, keep);
  }

  async write(bytes: Uint8Array | string): Promise<void> {
    if (!this.sink.write(bytes)) await once(this.sink, 'drain');
  }

  /** Flushes the new text to disk and puts it in the target's place. */
  async commit(): Promise<void> {
    this.sink.end();
    await once(this.file, 'close');
    const handle = await fs.open(this.temp, 'r+');
    try {
      await handle.sync();
      if (this.keep) {
        await handle.chmod(this.keep.mode);
        if (process.getuid?.() === 0) await handle.chown(this.keep.uid, this.keep.gid).catch(() => undefined);
      }
    } finally {
      await handle.close();
    }
    await fs.rename(this.temp, this.target);
  }

  /** Leaves the target as it was. */
  async discard(): Promise<void> {
    // Writes still pending fail once the stream is destroyed: that is expected now.
    const ignore = () => undefined;
    this.sink.on('error', ignore);
    this.file.on('error', ignore);
    const closed = this.file.closed ? Promise.resolve() : once(this.file, 'close').catch(ignore);
    this.sink.destroy();
    this.file.destroy();
    await closed;
    await fs.rm(this.temp, { force: true });
  }
}
