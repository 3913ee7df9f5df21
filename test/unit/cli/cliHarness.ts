// Runs the built CLI (dist/server/cli.js) as a child process, building it
// first if it is missing, and makes temporary folders for generated inputs.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fixturesDir, repoRoot } from '../../support/paths';

export const CLI = join(repoRoot, 'dist', 'server', 'cli.js');
export const CLI_FIXTURES = join(fixturesDir, 'cli');

export function ensureBuilt(): void {
  if (!existsSync(CLI)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: 'inherit' });
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  input?: string | Buffer;
  /** Run as this user and group (needs root). */
  uid?: number;
  /** Variables added to the environment. */
  env?: Record<string, string>;
}

/**
 * Another user may not be allowed into the repository (a clone in a private
 * temporary folder): give it a copy of the self-contained bundle in a folder
 * everyone can read, and start it there.
 */
function cliCopyForOtherUser(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-cli-bin-'));
  chmodSync(dir, 0o755);
  const copy = join(dir, 'cli.js');
  copyFileSync(CLI, copy);
  chmodSync(copy, 0o644);
  return copy;
}

export function run(args: string[], options: RunOptions = {}): Run {
  const cli = options.uid === undefined ? CLI : cliCopyForOtherUser();
  const cwd = options.cwd ?? (options.uid === undefined ? CLI_FIXTURES : dirname(cli));
  const r = spawnSync(process.execPath, [cli, ...args], {
    cwd, input: options.input, encoding: 'utf8', timeout: 120_000,
    // Threads start on a file of two chunks or more (not 32: runners.ts), so --jobs tests use them on small files.
    uid: options.uid, gid: options.uid, env: { ...process.env, PUBTATOR_THREAD_CHUNKS: '1', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (cli !== CLI) rmSync(dirname(cli), { recursive: true, force: true });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Diagnostic lines of a text-mode run (those before the summary). */
export function diagnosticLines(stdout: string): string[] {
  return stdout.split('\n').filter((l) => /^.+:\d+:\d+: (error|warning|information|hint) /.test(l));
}

export function tempDir(): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), 'pubtator-cli-'));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
