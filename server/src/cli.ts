// `pubtator`: the command-line checker. Argument handling and exit status
// only; the work is in cli/.

import { parseCommandLine } from './cli/args';
import { formatChecks, HELP, USAGE_LINE } from './cli/help';
import { runCheck } from './cli/runCheck';
import { runFix } from './cli/runFix';
import { runStats } from './cli/runStats';
import { runCompare } from './cli/runCompare';
import { runAgree } from './cli/runAgree';
import { runMerge } from './cli/runMerge';
import { runSchema } from './cli/runSchema';
import { parseConvertArgs } from './cli/convertArgs';
import { runConvert } from './cli/runConvert';
import { parseFetchArgs } from './cli/fetchArgs';
import { runFetch } from './cli/runFetch';
import { rerunUnderBudget, underBudgetAlready } from './cli/memoryBudget';
import { needsHeapBudget, type AnyCommand } from './cli/budgetNeed';
import { packageVersion } from './cli/version';
import { isMainThread } from 'node:worker_threads';
// Loaded for its side: in a worker thread it serves chunk tasks.
import './cli/workerPool';

function parse(argv: readonly string[]): AnyCommand {
  // `convert` and `fetch` have options of their own (convertArgs.ts, fetchArgs.ts).
  return argv[0] === 'convert' ? parseConvertArgs(argv.slice(1)) : argv[0] === 'fetch' ? parseFetchArgs(argv.slice(1)) : parseCommandLine(argv);
}

/** The command, here or (for large inputs) in a re-started process under the heap budget. */
async function run(argv: readonly string[]): Promise<number> {
  const command = parse(argv);
  if (!underBudgetAlready() && await needsHeapBudget(command)) return rerunUnderBudget(process.argv[1], argv);
  return main(command);
}

async function main(command: AnyCommand): Promise<number> {
  switch (command.kind) {
    case 'help':
      process.stdout.write(HELP);
      return 0;
    case 'version':
      process.stdout.write(`${packageVersion()}\n`);
      return 0;
    case 'checks':
      process.stdout.write(formatChecks(command.json));
      return 0;
    case 'usage':
      process.stderr.write(`pubtator: ${command.message}\n${USAGE_LINE}\nRun 'pubtator --help' for usage.\n`);
      return 2;
    case 'check':
      return command.fix ? runFix({ ...command, fix: command.fix }) : runCheck(command);
    case 'stats':
      return runStats(command);
    case 'schema':
      return runSchema(command.path);
    case 'compare':
      return runCompare(command);
    case 'agree':
      return runAgree(command);
    case 'merge':
      return runMerge(command);
    case 'convert':
      return runConvert(command);
    case 'fetch':
      return runFetch(command);
  }
}

// A worker thread loads this same script to check chunks (cli/workerPool.ts): it runs no command.
if (isMainThread) start();

function start(): void {
  // Output piped into a reader that stops early (head) is not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
  run(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => {
      process.stderr.write(`pubtator: internal error: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
      process.exitCode = 3;
    },
  );
}
