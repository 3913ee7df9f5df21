// `npm run pubtator` on a fresh clone: build the CLI bundle once if it is missing.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
if (!existsSync(new URL('../dist/server/cli.js', import.meta.url))) {
  execSync('node scripts/build.mjs', { stdio: ['ignore', 'ignore', 'inherit'], cwd: new URL('..', import.meta.url) });
}
