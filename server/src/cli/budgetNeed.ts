// Whether a run needs the heap budget (memoryBudget.ts). The budget keeps
// memory flat on inputs of any size, but it costs a second Node process (its
// start and a second load of the checker) and, with a small old space, more
// full collections: on 2 cores `check` took 0.21 s instead of 0.10 s on the
// bundled samples and 0.73 s instead of 0.57 s on 18 MB. On an input known to
// be small, the heap cannot grow far whatever V8 does, so such a run stays in
// this process; what is large, compressed, streamed or unknown keeps the budget.

import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Command } from './args';
import type { ConvertCommand } from './convertArgs';
import type { FetchCommand } from './fetchArgs';
import { heapSetting } from './memoryBudget';
import { isGzipName } from '../service/knowledge/fileNames';

/**
 * Bytes on disk up to which a run needs no budget: the size below which one
 * thread checks (runners.ts), where 2 cores measured a peak of about 140 MB
 * without the budget against 120 MB with it.
 */
export const SMALL_RUN_BYTES = 32 * 2 ** 20;
/** Folder entries looked at before a walk gives up and keeps the budget (a folder that large is not a quick run). */
export const SMALL_RUN_ENTRIES = 2000;

/** Any command line, parsed (args.ts, convertArgs.ts, fetchArgs.ts). */
export type AnyCommand = Command | ConvertCommand | FetchCommand;

/** The files and folders a command reads; undefined when that is not known in advance (stdin, the network). */
function inputsOf(command: AnyCommand): string[] | undefined {
  switch (command.kind) {
    case 'help':
    case 'version':
    case 'checks':
    case 'usage':
      return [];
    case 'schema':
      return [command.path];
    case 'check':
      return command.paths.length > 0 ? [...command.paths, ...(command.mesh ?? [])] : undefined;
    case 'stats':
    case 'agree':
      return command.paths.length > 0 ? command.paths : undefined;
    case 'compare':
      return [command.gold, command.predicted];
    case 'merge':
      return command.mode === 'two' ? [command.a, command.b] : [command.base, command.ours, command.theirs];
    case 'convert':
      return [command.input];
    case 'fetch':
      return undefined;
  }
}

/**
 * True when every input is a plain file (or a folder of them) and together
 * they hold under `limit` bytes. Conservative: every file in a folder counts,
 * checked or not; stdin, a compressed file, or a walk past `entries` says no.
 * A path that cannot be read counts nothing: the command itself reports it.
 */
export async function inputsFitIn(paths: readonly string[], limit = SMALL_RUN_BYTES, entries = SMALL_RUN_ENTRIES): Promise<boolean> {
  let bytes = 0;
  let seen = 0;
  const visit = async (path: string): Promise<boolean> => {
    if (++seen > entries || path === '-' || isGzipName(path)) return false;
    let stat;
    try {
      stat = await fs.stat(path);
    } catch {
      return true;
    }
    if (stat.isDirectory()) {
      let names: string[];
      try {
        names = await fs.readdir(path);
      } catch {
        return true;
      }
      for (const name of names) if (!(await visit(join(path, name)))) return false;
      return true;
    }
    // A FIFO or device has no size to go by.
    if (!stat.isFile()) return false;
    bytes += stat.size;
    return bytes < limit;
  };
  for (const path of paths) if (!(await visit(path))) return false;
  return true;
}

/**
 * Whether `command` runs under the heap budget. PUBTATOR_HEAP_MB, when set,
 * decides alone (0: never; N: always, as the user asked); otherwise only a
 * run whose inputs are known to be small goes without.
 */
export async function needsHeapBudget(command: AnyCommand, env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  const set = heapSetting(env);
  if (set !== undefined) return set > 0;
  const inputs = inputsOf(command);
  return inputs === undefined || !(await inputsFitIn(inputs));
}
