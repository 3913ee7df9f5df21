// Where the built language server is, building it once when dist/ is missing
// (a fresh clone that ran only `tsc`).

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../support/paths';

export const serverPath = join(repoRoot, 'dist', 'server', 'server.js');

export function ensureServerBuilt(): string {
  if (!existsSync(serverPath)) {
    try {
      execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (e) {
      // Another bundle failing must not hide a server bundle that was written.
      if (!existsSync(serverPath)) throw e;
    }
  }
  return serverPath;
}
