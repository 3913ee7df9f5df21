// Constant memory on inputs of any size. The checker streams and keeps little,
// but V8 lets its heap grow to gigabytes before it bothers collecting, so a
// multi-GB run would still show a large resident size. The CLI therefore runs
// itself with a heap limit: a parent process re-starts the same script with
// --max-old-space-size and passes its exit status through. A run on small
// inputs does without (budgetNeed.ts).

import { spawn } from 'node:child_process';

/** Old-space limit in MB; PUBTATOR_HEAP_MB overrides it, 0 lifts it. */
const DEFAULT_HEAP_MB = 128;

/** PUBTATOR_HEAP_MB as set: a limit in MB, 0 when it lifts the budget (0, or not a positive number); undefined when unset. */
export function heapSetting(env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (env.PUBTATOR_HEAP_MB === undefined) return undefined;
  const heap = Number(env.PUBTATOR_HEAP_MB);
  return heap > 0 ? heap : 0;
}

/** The old-space limit of the checker and of each of its threads, in MB (0: none). */
export function heapBudgetMb(env: NodeJS.ProcessEnv = process.env): number {
  return heapSetting(env) ?? DEFAULT_HEAP_MB;
}

/**
 * The young generation beside the old space, in MB (three semi-spaces of 16).
 * Node sets it from the machine, not from the old space: 48 MB in Node 20 and
 * 22, 192 MB in Node 24, where the "128 MB" budget was then a 320 MB heap
 * (`--jobs 1` on 200 MB under Node 24: 192-211 MB peak RSS, 170-180 MB pinned,
 * no slower). Pinned, the budget means the same on every Node.
 */
export const YOUNG_GENERATION_MB = 48;
const MARK = 'PUBTATOR_HEAP_LIMITED';

/** Whether this process already runs under a heap limit: the re-started checker, or Node given one. */
export function underBudgetAlready(): boolean {
  return Boolean(process.env[MARK]) || process.execArgv.some((a) => a.startsWith('--max-old-space-size'));
}

/**
 * Runs the script again under the budget (whether a run needs it: budgetNeed.ts)
 * and resolves with its exit status.
 */
export function rerunUnderBudget(script: string, args: readonly string[]): Promise<number> {
  const heap = heapBudgetMb() || DEFAULT_HEAP_MB;
  const child = spawn(process.execPath, [`--max-old-space-size=${heap}`, `--max-semi-space-size=${YOUNG_GENERATION_MB / 3}`, script, ...args], {
    stdio: 'inherit',
    env: { ...process.env, [MARK]: '1' },
  });
  return new Promise((resolve) => {
    child.on('error', (err) => {
      process.stderr.write(`pubtator: could not start the checker: ${err.message}\n`);
      resolve(3);
    });
    child.on('exit', (code, signal) => {
      // V8 aborts when a single document does not fit in the budget.
      if (signal === 'SIGABRT' || code === 134) {
        process.stderr.write(`pubtator: a single document did not fit in the checker's ${heap} MB memory budget; `
          + 'run again with PUBTATOR_HEAP_MB=0 (no limit) or a larger number.\n');
        resolve(3);
      } else {
        resolve(code ?? 3);
      }
    });
  });
}
