// Where a built index lives and whether a file is one: the server and the CLI
// keep one index per set of input files, named by a hash of their paths, sizes
// and modification times, so the same files are indexed once and new
// downloads get a new index.

import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, readdirSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { FORMAT_VERSION, MAGIC } from './mesh/indexFormat';
import { MeshInputError } from './mesh/meshFile';

const PREFIX = 'mesh-';
const SUFFIX = '.idx';

/** `~/x` -> the home folder's `x`; other paths unchanged. */
export function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') || path.startsWith('~\\') ? join(homedir(), path.slice(1)) : path;
}

/**
 * The index path for these input files inside `dir`. Throws MeshInputError
 * when a file cannot be read or a path is relative (there is no folder a
 * setting's relative path could sensibly mean).
 */
export function meshIndexPathFor(inputs: readonly string[], dir: string): string {
  const facts = inputs.map((p) => {
    if (!isAbsolute(p)) throw new MeshInputError(`${p}: give the absolute path of the MeSH file`);
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      throw new MeshInputError(`${p}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (!st.isFile()) throw new MeshInputError(`${p}: not a file`);
    return [resolve(p), st.size, st.mtimeMs] as const;
  }).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const hash = createHash('sha256').update(JSON.stringify([FORMAT_VERSION, facts])).digest('hex').slice(0, 16);
  return join(dir, `${PREFIX}${hash}${SUFFIX}`);
}

/** Whether the file starts like a MeSH index (any format version), so it is opened rather than read as MeSH. */
export function isMeshIndexFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.alloc(MAGIC.length);
    return readSync(fd, head, 0, head.length, 0) === head.length && head.toString('latin1') === MAGIC;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Removes the other indexes this naming scheme left in `dir` (older inputs); failures are ignored. */
export function removeOtherIndexes(dir: string, keep: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (path === keep || !name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) continue;
    try {
      rmSync(path, { force: true });
    } catch {
      // in use elsewhere (Windows) or not ours to remove: leave it
    }
  }
}
