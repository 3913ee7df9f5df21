// Paths for tests, which run compiled from out/test/...: the repository root
// and the folders they read.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const fixturesDir = join(repoRoot, 'test', 'fixtures');
export const samplesDir = join(repoRoot, 'samples');
/** The shared real corpora, beside the repository; absent on some machines. */
export const corporaDir = process.env.PUBTATOR_CORPORA ?? join(repoRoot, '..', 'shared', 'corpora');
export const corporaAvailable = existsSync(corporaDir);
export const corporaSkip = corporaAvailable ? false : `../shared/corpora not found at ${corporaDir}; real-corpus tests skipped`;
