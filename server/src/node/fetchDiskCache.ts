// The fetch cache on disk (service/fetch/fetchCache.ts), for the CLI and the
// Node language server: one small JSON file per document answer, named by the
// SHA-256 of its key, written to a temporary file and renamed (a reader never
// sees half an entry, two processes never mix theirs). An entry older than
// the maximum age is not used; one that cannot be read, or whose key is not
// the one asked (damage, a hash clash), is ignored and removed. prune() keeps
// the folder under its size bound, oldest entries first. Nothing here throws.

import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CACHE_MAX_AGE_MS, type FetchCache } from '../service/fetch/fetchCache';

/** 256 MiB: some thousands of full-text articles, tens of thousands of abstracts. */
export const DEFAULT_CACHE_MAX_BYTES = 256 * 1024 * 1024;

export interface FetchDiskCacheOptions {
  maxAgeMs?: number;
  maxBytes?: number;
  now?: () => number;
}

/**
 * The folder `pubtator fetch` keeps answers in: PUBTATOR_CACHE_DIR when set,
 * else `pubtator/fetch` under XDG_CACHE_HOME, %LOCALAPPDATA% on Windows, or ~/.cache.
 */
export function defaultFetchCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const own = env.PUBTATOR_CACHE_DIR?.trim();
  if (own) return own;
  const base = env.XDG_CACHE_HOME?.trim() || (process.platform === 'win32' && env.LOCALAPPDATA) || join(homedir(), '.cache');
  return join(base, 'pubtator', 'fetch');
}

interface Entry {
  v: 1;
  key: string;
  at: number;
  body: string;
}

export class FetchDiskCache implements FetchCache {
  private readonly maxAgeMs: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(readonly dir: string, options: FetchDiskCacheOptions = {}, private readonly onError: (message: string) => void = () => undefined) {
    this.maxAgeMs = options.maxAgeMs ?? DEFAULT_CACHE_MAX_AGE_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES;
    this.now = options.now ?? Date.now;
  }

  /** The file of a key. */
  fileOf(key: string): string {
    return join(this.dir, `${createHash('sha256').update(key).digest('hex')}.json`);
  }

  async get(key: string): Promise<string | undefined> {
    const file = this.fileOf(key);
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    const entry = readEntry(text);
    if (entry === undefined || entry.key !== key) {
      await fs.rm(file, { force: true }).catch(() => undefined);
      return undefined;
    }
    const age = this.now() - entry.at;
    // A date in the future (a clock set back) is as unknown as a date too old.
    if (age > this.maxAgeMs || age < -60_000) return undefined;
    return entry.body;
  }

  async put(key: string, body: string): Promise<void> {
    const entry: Entry = { v: 1, key, at: this.now(), body };
    const text = JSON.stringify(entry);
    if (Buffer.byteLength(text) > this.maxBytes) return;
    const file = this.fileOf(key);
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.mkdir(this.dir, { recursive: true });
      await fs.writeFile(temp, text);
      await fs.rename(temp, file);
    } catch (err) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      this.onError(`cannot keep a fetched document in the cache ${this.dir}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /**
   * Removes entries past the maximum age (the default's at least), and then the oldest until the folder
   * holds at most the size bound; temporary files a crashed run left too.
   */
  async prune(): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir);
    } catch {
      return;
    }
    const files: { path: string; size: number; mtime: number }[] = [];
    for (const name of names) {
      if (!/^[0-9a-f]{64}\.json(\.\d+\.[0-9a-f]+\.tmp)?$/.test(name)) continue;
      const path = join(this.dir, name);
      try {
        const stat = await fs.stat(path);
        files.push({ path, size: stat.size, mtime: stat.mtimeMs });
      } catch {
        // Gone meanwhile (another run pruned it).
      }
    }
    const now = this.now();
    // A run that wants only fresh answers (--cache-max-age 0) does not throw away what others may still use.
    const keepMs = Math.max(this.maxAgeMs, DEFAULT_CACHE_MAX_AGE_MS);
    let total = files.reduce((n, f) => n + f.size, 0);
    files.sort((a, b) => a.mtime - b.mtime);
    for (const f of files) {
      // A temporary file may be another run's entry being written: only an hour-old one is left over.
      if (f.path.endsWith('.tmp') ? now - f.mtime <= 3600_000 : now - f.mtime <= keepMs && total <= this.maxBytes) continue;
      try {
        await fs.rm(f.path, { force: true });
        total -= f.size;
      } catch {
        // Kept: the next prune tries again.
      }
    }
  }
}

function readEntry(text: string): Entry | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const e = value as Partial<Entry>;
  if (e.v !== 1 || typeof e.key !== 'string' || typeof e.at !== 'number' || !Number.isFinite(e.at) || typeof e.body !== 'string') return undefined;
  return e as Entry;
}
