// `pubtator agree A B [C ...] [options]`: the command line to an agree
// command, or a usage error. The options that say what counts are compare's
// (compareArgs.ts), so both commands score the same items. No I/O.

import { parseArgs } from 'node:util';
import { COMPARE_OPTIONS, compareCommand, type CompareCommand } from './compareArgs';

export interface AgreeCommand {
  kind: 'agree';
  paths: string[];
  json: boolean;
  byDocument: boolean;
  match: CompareCommand['match'];
  documents: CompareCommand['documents'];
  entityTypes?: string[];
  relationTypes?: string[];
  symmetric?: string[];
  directed?: string[];
}

export function agreeCommand(argv: readonly string[]): AgreeCommand | { kind: 'usage'; message: string } {
  const usage = (message: string) => ({ kind: 'usage' as const, message });
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv], allowPositionals: true, strict: true,
      options: { ...COMPARE_OPTIONS, json: { type: 'boolean' }, 'by-document': { type: 'boolean' } },
    });
  } catch (err) {
    return usage(`agree: ${err instanceof Error ? err.message : String(err)}`);
  }
  const { values, positionals } = parsed;
  if (values.details) return usage('--details applies to \'compare\' only; \'agree\' --by-document gives figures per document.');
  if (positionals.length < 2) return usage(`'agree' takes two or more annotators' files (got ${positionals.length}).`);
  if (positionals.filter((p) => p === '-').length > 1) return usage('only one input can be - (stdin).');
  // compare checks the shared options on the first two files.
  const checked = compareCommand(values, positionals.slice(0, 2));
  if (checked.kind === 'usage') return checked;
  const command: AgreeCommand = {
    kind: 'agree', paths: positionals, json: checked.json, byDocument: values['by-document'] ?? false,
    match: checked.match, documents: checked.documents,
  };
  for (const key of ['entityTypes', 'relationTypes', 'symmetric', 'directed'] as const) {
    if (checked[key]) command[key] = checked[key];
  }
  return command;
}
