// `pubtator compare GOLD PREDICTED [options]`: the options args.ts parsed, to
// a compare command or a usage error. No I/O.

import type { DocumentScope } from '../service/compare/scorer';

export interface CompareCommand {
  kind: 'compare';
  gold: string;
  predicted: string;
  json: boolean;
  details: boolean;
  match: 'exact' | 'overlap';
  documents: DocumentScope;
  entityTypes?: string[];
  relationTypes?: string[];
  symmetric?: string[];
  directed?: string[];
  /** `--include`: globs of file names a folder walk checks whatever their name. */
  include?: string[];
}

/** The options only `compare` takes, for parseArgs. */
export const COMPARE_OPTIONS = {
  details: { type: 'boolean' },
  match: { type: 'string' },
  documents: { type: 'string' },
  'entity-types': { type: 'string', multiple: true },
  'relation-types': { type: 'string', multiple: true },
  symmetric: { type: 'string', multiple: true },
  directed: { type: 'string', multiple: true },
} as const;

export const COMPARE_OPTION_NAMES = Object.keys(COMPARE_OPTIONS).map((n) => `--${n}`);

export interface CompareValues {
  json?: boolean;
  details?: boolean;
  match?: string;
  documents?: string;
  'entity-types'?: string[];
  'relation-types'?: string[];
  symmetric?: string[];
  directed?: string[];
  include?: string[];
}

/** Comma-separated names, repeatable: `--entity-types Disease,Chemical --entity-types Gene`. */
function names(values: string[] | undefined): string[] | undefined {
  if (!values) return undefined;
  return [...new Set(values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean))];
}

export function compareCommand(values: CompareValues, positionals: string[]): CompareCommand | { kind: 'usage'; message: string } {
  const usage = (message: string) => ({ kind: 'usage' as const, message });
  if (positionals.length !== 2) {
    return usage(`'compare' takes two files or folders, GOLD then PREDICTED (got ${positionals.length}).`);
  }
  const [gold, predicted] = positionals;
  if (gold === '-' && predicted === '-') return usage('only one of GOLD and PREDICTED can be - (stdin).');
  const match = values.match ?? 'exact';
  if (match !== 'exact' && match !== 'overlap') return usage(`--match must be exact or overlap, not ${JSON.stringify(match)}.`);
  const documents = values.documents ?? 'all';
  if (documents !== 'all' && documents !== 'intersection') {
    return usage(`--documents must be all or intersection, not ${JSON.stringify(documents)}.`);
  }
  const command: CompareCommand = { kind: 'compare', gold, predicted, json: values.json ?? false, details: values.details ?? false, match, documents };
  if (values.include?.length) command.include = values.include;
  const lists = {
    entityTypes: names(values['entity-types']),
    relationTypes: names(values['relation-types']),
    symmetric: names(values.symmetric),
    directed: names(values.directed),
  };
  for (const [key, list] of Object.entries(lists)) {
    if (list === undefined) continue;
    if (list.length === 0) return usage(`--${key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())} needs at least one name (comma-separated).`);
    command[key as keyof typeof lists] = list;
  }
  const both = (lists.symmetric ?? []).filter((t) => lists.directed?.includes(t));
  if (both.length) return usage(`${both.map((t) => JSON.stringify(t)).join(', ')} cannot be both --symmetric and --directed.`);
  return command;
}
