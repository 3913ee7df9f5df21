// `npm run pubtator`: build the CLI bundle first when it is missing or older
// than what it is built from (the server's sources, the build script, the
// package manifest, the lock file), as after a source change or a `git pull`.
// The build takes a few seconds; a fresh bundle costs one walk of the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'server', 'cli.js');

/** The newest modification time under `path` (a file or a folder), 0 when absent. */
export function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Whether the bundle is missing or older than one of its sources. */
export function isStale(base = root) {
  const built = join(base, 'dist', 'server', 'cli.js');
  if (!existsSync(built)) return true;
  const sources = ['server/src', 'scripts/build.mjs', 'package.json', 'package-lock.json'].map((p) => newest(join(base, p)));
  return Math.max(...sources) > statSync(built).mtimeMs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && isStale()) {
  process.stderr.write(existsSync(bundle) ? 'pubtator: sources changed since the last build; building...\n' : 'pubtator: building the CLI...\n');
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
}
