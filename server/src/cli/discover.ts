// Command-line paths to the files to check. A file named on the command line
// is checked whatever its name; folders are walked recursively for PubTator
// names (and their .gz), for data files that begin like PubTator (their first
// KB is read), and for names --include gives. Data files left out are listed,
// so the user knows what was not checked. Symbolic links are followed; a link
// leading back to a folder being walked is a loop, reported, not followed.

import { promises as fs, type Dirent } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync, constants as zlib } from 'node:zlib';
import { describeError } from './errors';
import { globMatcher } from './includeGlob';
import { isGzipName, isPubtatorName } from '../service/knowledge/fileNames';
import { mayHoldPubtator, SNIFF_BYTES, startsLikePubtator } from '../service/knowledge/fileContent';
import { isBiocFile } from './biocFile';

export interface InputFile {
  /** The path to show: as given, or joined below the folder given. */
  path: string;
  /** Bytes on disk (compressed for .gz); undefined for stdin. */
  size?: number;
  gzip: boolean;
  stdin?: boolean;
}

export interface InputProblem {
  path: string;
  reason: string;
}

export interface Discovery {
  files: InputFile[];
  problems: InputProblem[];
  /** Data files found in folders and left out: neither their name nor their start says PubTator. */
  skipped: string[];
}

export interface DiscoverOptions {
  /** `--include`: globs of file names to check whatever their name and content. */
  include?: readonly string[];
  /** A folder's BioC files are taken too (check, stats and compare read them). */
  bioc?: boolean;
}

/** Whether a file found in a folder is one to check: *.pubtator, *PubTator*.txt, and their .gz. */
export { isPubtatorName };

export async function discover(args: readonly string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const walker = new Walker(globMatcher(options.include ?? []), options.bioc ?? false);
  for (const arg of args) await walker.argument(arg);
  return { files: walker.files, problems: walker.problems, skipped: walker.skipped };
}

export const NO_FILES = 'no PubTator files (*.pubtator, *PubTator*.txt, data files that begin with ID|t| or ID|a|, or their .gz) in this folder';

/** Whether the first KB of a file (decompressed for .gz) begins like PubTator. */
async function startsLikePubtatorFile(path: string, gzip: boolean): Promise<boolean> {
  const handle = await fs.open(path, 'r');
  try {
    // Compressed text is rarely smaller than a third: 16 KB of gzip hold the first KB.
    const want = gzip ? 16 * SNIFF_BYTES : SNIFF_BYTES;
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(want), 0, want, 0);
    let head = buffer.subarray(0, bytesRead);
    if (gzip) {
      try {
        head = gunzipSync(head, { finishFlush: zlib.Z_SYNC_FLUSH });
      } catch {
        return false;
      }
    }
    return startsLikePubtator(head.subarray(0, SNIFF_BYTES).toString('utf8'));
  } finally {
    await handle.close();
  }
}

class Walker {
  readonly files: InputFile[] = [];
  readonly problems: InputProblem[] = [];
  readonly skipped: string[] = [];
  private readonly seenFiles = new Set<string>();
  private readonly seenDirs = new Set<string>();

  constructor(private readonly included: (name: string) => boolean, private readonly bioc: boolean) {}

  async argument(arg: string): Promise<void> {
    if (arg === '-') {
      this.files.push({ path: '-', gzip: false, stdin: true });
      return;
    }
    try {
      const stat = await fs.stat(arg);
      if (stat.isDirectory()) {
        const before = this.files.length;
        const problems = this.problems.length;
        await this.folder(arg, []);
        // Nothing to check is a failure to say, not a clean run of 0 files.
        if (this.files.length === before && this.problems.length === problems) this.problems.push({ path: arg, reason: NO_FILES });
      } else await this.file(arg, stat.size);
    } catch (err) {
      this.problems.push({ path: arg, reason: describeError(err) });
    }
  }

  private async file(path: string, size: number): Promise<void> {
    const real = await fs.realpath(path);
    if (this.seenFiles.has(real)) return;
    this.seenFiles.add(real);
    this.files.push({ path, size, gzip: isGzipName(path) });
  }

  /** `ancestors` are the real paths of the folders above, to tell a loop. */
  private async folder(path: string, ancestors: string[]): Promise<void> {
    const real = await fs.realpath(path);
    if (ancestors.includes(real)) {
      this.problems.push({ path, reason: `symbolic link loop: leads back to ${real}; not followed` });
      return;
    }
    // Reached again through another link, but not a loop: walk it once.
    if (this.seenDirs.has(real)) return;
    this.seenDirs.add(real);
    const entries = await fs.readdir(path, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const inside = [...ancestors, real];
    for (const entry of entries) {
      const child = join(path, entry.name);
      try {
        await this.entry(child, entry, inside);
      } catch (err) {
        this.problems.push({ path: child, reason: describeError(err) });
      }
    }
  }

  private async entry(path: string, entry: Dirent, ancestors: string[]): Promise<void> {
    const wanted = isPubtatorName(entry.name) || this.included(entry.name);
    if (entry.isDirectory()) return this.folder(path, ancestors);
    if (entry.isSymbolicLink()) {
      let stat;
      try {
        stat = await fs.stat(path);
      } catch (err) {
        // A dangling link only matters if it bears a name we would check.
        if (wanted) throw err;
        return;
      }
      if (stat.isDirectory()) return this.folder(path, ancestors);
      if (stat.isFile()) return this.found(path, stat.size, wanted);
      return;
    }
    if (entry.isFile()) {
      const stat = await fs.stat(path);
      await this.found(path, stat.size, wanted);
    }
  }

  /** A file in a folder: checked if its name says so, else if it begins like PubTator, else listed as skipped. */
  private async found(path: string, size: number, wanted: boolean): Promise<void> {
    if (wanted || (this.bioc && await isBiocFile(path))) return this.file(path, size);
    const gzip = isGzipName(path);
    if (!mayHoldPubtator(basename(path).replace(/\.gz$/i, ''))) return;
    if (size > 0 && await startsLikePubtatorFile(path, gzip)) return this.file(path, size);
    this.skipped.push(path);
  }
}
