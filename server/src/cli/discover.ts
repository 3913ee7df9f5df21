// Command-line paths to the files to check. A file named on the command line
// is checked whatever its name; folders are walked recursively for PubTator
// names (and their .gz). Symbolic links are followed; a link leading back to
// a folder being walked is a loop, reported, not followed.

import { promises as fs, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { describeError } from './errors';
import { isGzipName, isPubtatorName } from '../service/knowledge/fileNames';
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
}

/** Whether a file found in a folder is one to check: *.pubtator, *PubTator*.txt, and their .gz. */
export { isPubtatorName };

/** `bioc`: a folder's BioC files are taken too (check reads them; the other commands do not yet). */
export async function discover(args: readonly string[], options: { bioc?: boolean } = {}): Promise<Discovery> {
  const walker = new Walker(options.bioc ?? false);
  for (const arg of args) await walker.argument(arg);
  return { files: walker.files, problems: walker.problems };
}

class Walker {
  constructor(private readonly bioc: boolean) {}

  readonly files: InputFile[] = [];
  readonly problems: InputProblem[] = [];
  private readonly seenFiles = new Set<string>();
  private readonly seenDirs = new Set<string>();

  async argument(arg: string): Promise<void> {
    if (arg === '-') {
      this.files.push({ path: '-', gzip: false, stdin: true });
      return;
    }
    try {
      const stat = await fs.stat(arg);
      if (stat.isDirectory()) await this.folder(arg, []);
      else await this.file(arg, stat.size);
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
    const wanted = isPubtatorName(entry.name) || (this.bioc && !entry.isDirectory() && await isBiocFile(path));
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
      if (wanted && stat.isFile()) return this.file(path, stat.size);
      return;
    }
    if (wanted && entry.isFile()) {
      const stat = await fs.stat(path);
      await this.file(path, stat.size);
    }
  }
}
