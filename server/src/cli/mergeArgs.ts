// `pubtator merge A B -o OUT [--prefer a|b|both|neither]` and
// `pubtator merge --git BASE OURS THEIRS [PATH]`: the command line to a merge
// command, or a usage error. No I/O.

import { parseArgs } from 'node:util';
import type { Prefer } from '../service/merge/mergeFiles';

export type MergeCommand =
  | { kind: 'merge'; mode: 'two'; a: string; b: string; output: string; prefer: Prefer; json: boolean }
  | { kind: 'merge'; mode: 'git'; base: string; ours: string; theirs: string; path?: string };

const PREFER: readonly Prefer[] = ['a', 'b', 'both', 'neither'];

export function mergeCommand(argv: readonly string[]): MergeCommand | { kind: 'usage'; message: string } {
  const usage = (message: string) => ({ kind: 'usage' as const, message });
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv], allowPositionals: true, strict: true,
      options: { git: { type: 'boolean' }, output: { type: 'string', short: 'o' }, prefer: { type: 'string' }, json: { type: 'boolean' } },
    });
  } catch (err) {
    return usage(`merge: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { values, positionals } = parsed;
  if (values.git) {
    if (values.output !== undefined || values.prefer !== undefined || values.json) {
      return usage('merge --git writes the result into OURS and leaves conflicts marked: it takes no --output, --prefer or --json.');
    }
    if (positionals.length !== 3 && positionals.length !== 4) {
      return usage(`merge --git takes BASE OURS THEIRS (git's %O %A %B), and optionally the path (%P); got ${positionals.length} arguments.`);
    }
    const [base, ours, theirs, path] = positionals;
    return path === undefined ? { kind: 'merge', mode: 'git', base, ours, theirs } : { kind: 'merge', mode: 'git', base, ours, theirs, path };
  }
  if (positionals.length !== 2) return usage(`'merge' takes two files, A and B (got ${positionals.length}); for git, merge --git BASE OURS THEIRS.`);
  if (values.output === undefined || values.output === '') return usage('merge needs -o OUT: where the merged file goes (- for stdout).');
  const prefer = values.prefer ?? 'neither';
  if (!(PREFER as readonly string[]).includes(prefer)) return usage(`--prefer must be a, b, both or neither, not ${JSON.stringify(prefer)}.`);
  return { kind: 'merge', mode: 'two', a: positionals[0], b: positionals[1], output: values.output, prefer: prefer as Prefer, json: values.json ?? false };
}
