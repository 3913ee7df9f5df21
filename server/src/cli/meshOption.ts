// `--mesh PATH`: a built MeSH index, or NLM's MeSH files, which are indexed
// once into the user's cache folder (named by the files' paths, sizes and
// dates, so the next run with the same files starts at once).

import { mkdirSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  buildMeshIndex, isMeshIndexFile, meshIndexPathFor, openMeshIndex, MeshIndexError, type MeshIndex,
} from '../service/concepts/index';
import { printable } from './format';

/** The opened index, and its file (which worker threads open for themselves). */
export type MeshOpening = { index: MeshIndex; path: string } | { error: string };

/** Where indexes built from NLM files are kept: $XDG_CACHE_HOME/pubtator, else ~/.cache/pubtator, else the temp folder. */
export function cliCacheDir(): string {
  const candidates = [
    join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'pubtator'),
    join(tmpdir(), `pubtator-cache-${process.getuid?.() ?? 'user'}`),
  ];
  for (const dir of candidates) {
    try {
      mkdirSync(dir, { recursive: true });
      return dir;
    } catch {
      // not writable: try the next
    }
  }
  return tmpdir();
}

export async function openCliMesh(paths: readonly string[], stderr: NodeJS.WritableStream): Promise<MeshOpening> {
  const absolute = paths.map((p) => resolve(p));
  const indexes = absolute.filter(isMeshIndexFile);
  if (indexes.length) {
    if (absolute.length > 1) return { error: '--mesh takes one built MeSH index, or NLM\'s MeSH files, not both' };
    return tryOpen(absolute[0]);
  }
  const dir = cliCacheDir();
  let path: string;
  try {
    path = meshIndexPathFor(absolute, dir);
  } catch (e) {
    return { error: `--mesh: ${(e as Error).message}` };
  }
  const cached = tryOpen(path);
  if ('index' in cached) return cached;
  stderr.write(`pubtator: indexing the MeSH files (once; the index is kept as ${printable(path)})\n`);
  const abort = new AbortController();
  const interrupt = () => abort.abort();
  process.once('SIGINT', interrupt);
  try {
    const result = await buildMeshIndex(absolute, path, { signal: abort.signal });
    for (const w of result.warnings) stderr.write(`pubtator: MeSH index: ${printable(w)}\n`);
  } catch (e) {
    if (abort.signal.aborted) return { error: 'indexing the MeSH files was interrupted' };
    return { error: `--mesh: ${(e as Error).message}` };
  } finally {
    process.off('SIGINT', interrupt);
  }
  return tryOpen(path);
}

function tryOpen(path: string): MeshOpening {
  try {
    return { index: openMeshIndex(path), path };
  } catch (e) {
    if (e instanceof MeshIndexError) return { error: `--mesh: ${e.message}` };
    throw e;
  }
}
