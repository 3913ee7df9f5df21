// `npm run pubtator`: build the bundles when the CLI bundle is missing or older than any source it
// is built from (after an edit or a `git pull`), so the command never runs a stale build.
//   node scripts/ensure-built.mjs           build if needed
//   node scripts/ensure-built.mjs --check   print whether a build is needed, build nothing
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(root, 'dist', 'server', 'cli.js');
/** What the bundles are built from: the sources, the build script, the manifest (its version). */
const SOURCES = ['server/src', 'client/src', 'client/webview', 'scripts/build.mjs', 'package.json', 'package-lock.json'];

/** The newest modification time under `path` (a file or a folder, walked), 0 when absent. */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs; // a deleted file changes its folder's time
  for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Why a build is needed, or undefined when the bundle is up to date. */
export function staleReason() {
  if (!existsSync(BUNDLE)) return 'dist/server/cli.js is missing';
  const built = statSync(BUNDLE).mtimeMs;
  const changed = SOURCES.find((s) => newest(join(root, s)) > built);
  return changed ? `${changed} changed since the last build` : undefined;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const reason = staleReason();
  if (process.argv.includes('--check')) {
    console.log(reason ? `build needed: ${reason}` : 'up to date');
  } else if (reason) {
    execSync('node scripts/build.mjs', { stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
  }
}
