// Paths for tests, which run compiled from out/test/...: the repository root
// and the folders they read.
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
export const samplesDir = join(repoRoot, 'samples');
/** The shared real corpora, beside the repository; absent on some machines. */
export const corporaDir = process.env.PUBTATOR_CORPORA ?? join(repoRoot, '..', 'shared', 'corpora');
export const corporaAvailable = existsSync(corporaDir);
export const corporaSkip = corporaAvailable ? false : `../shared/corpora not found at ${corporaDir}; real-corpus tests skipped`;

/** The files of the shared corpora's BioC folder (and below) whose name `pattern` accepts; none when it is absent. */
export function sharedBiocFiles(pattern: RegExp = /\.(xml|json)$/i): string[] {
  const dir = join(corporaDir, 'bioc');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true }).map(String).filter((n) => pattern.test(n)).sort().map((n) => join(dir, n));
}
