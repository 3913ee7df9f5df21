// The command line to a command, or to a usage error with a message that says
// what to type instead. No I/O.

import { parseArgs } from 'node:util';
import { isSeverityName, type SeveritySettings } from '../service/checks/check';
import { CHECK_CODES as PUBTATOR_CODES } from '../service/checks/index';
import { BIOC_CHECKS } from '../service/bioc/biocChecks';
import type { OffsetUnit } from '../service/types';
import { agreeCommand, type AgreeCommand } from './agreeArgs';
import { mergeCommand, type MergeCommand } from './mergeArgs';
import { COMPARE_OPTION_NAMES, COMPARE_OPTIONS, compareCommand, type CompareCommand } from './compareArgs';
import { joinNegativeValues, parseError, unknownCommand } from './usageErrors';

/** How `check` prints what it finds. */
export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];

export interface CheckCommand {
  kind: 'check';
  paths: string[];
  format: OutputFormat;
  /** `--offsets`; absent: the corpus schema's unit, else code points. */
  unit?: OffsetUnit;
  severities: SeveritySettings;
  /** `--schema PATH`: the corpus schema for every input (else each input's nearest pubtator.schema.json). */
  schema?: string;
  /** `--quiet`: report errors only (ESLint's meaning). */
  quiet: boolean;
  /** `--max-warnings N`: exit 1 when more warnings than this; -1 for no limit. */
  maxWarnings: number;
  mesh?: string[];
  /** `--fix` writes the fixed files; `--fix-dry-run` prints the diff instead. */
  fix?: 'write' | 'dry-run';
  /** `--output PATH` (with --fix, one input): where the fixed text goes; - for stdout. */
  output?: string;
  /** `--jobs N`: threads that check chunks; the number of cores when not given. */
  jobs?: number;
  /** `--include GLOB`: file names a folder walk checks whatever their name. */
  include?: string[];
  /** `--color` / `--no-color`: severities in colour or not, whatever the terminal. */
  color?: boolean;
}

/** `pubtator stats`: what the files hold, as a table or JSON. */
export interface StatsCommand {
  kind: 'stats';
  paths: string[];
  json: boolean;
  unit?: OffsetUnit;
  severities: SeveritySettings;
  jobs?: number;
  schema?: string;
  include?: string[];
}

/** `pubtator schema FILE`: the file's conventions as a pubtator.schema.json. */
export interface SchemaCommand {
  kind: 'schema';
  path: string;
}

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'checks'; json: boolean }
  | CheckCommand
  | StatsCommand
  | SchemaCommand
  | CompareCommand
  | AgreeCommand
  | MergeCommand
  | { kind: 'usage'; message: string };

const LEVELS = 'error, warning, information, hint, off';
/** What --severity may name: the PubTator checks and BioC's own (docs/bioc.md). */
const CHECK_CODES: readonly string[] = [...PUBTATOR_CODES, ...Object.keys(BIOC_CHECKS)];

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
  json: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  severity: { type: 'string', multiple: true },
  offsets: { type: 'string' },
  mesh: { type: 'string', multiple: true },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  output: { type: 'string', short: 'o' },
  jobs: { type: 'string', short: 'j' },
  schema: { type: 'string' },
  include: { type: 'string', multiple: true },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  ...COMPARE_OPTIONS,
} as const;

export function parseCommandLine(argv: readonly string[]): Command {
  // Commands with options of their own parse them themselves.
  if (argv[0] === 'agree') return agreeCommand(argv.slice(1));
  if (argv[0] === 'merge') return mergeCommand(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(argv, OPTIONS),
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (err) {
    return usage(parseError(err, OPTIONS));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) return usage('no command given.');
  const compareOnly = COMPARE_OPTION_NAMES.filter((name) => values[name.slice(2) as keyof typeof values] !== undefined);
  if (command === 'compare') {
    if (values.severity || values.offsets || values.mesh || values.schema) return usage('--severity, --offsets, --mesh and --schema apply to \'check\' only.');
    const checkOnly = ['format', 'quiet', 'max-warnings', 'fix', 'fix-dry-run', 'output', 'jobs'].filter((o) => values[o as keyof typeof values] !== undefined);
    if (checkOnly.length) return usage(`--${checkOnly[0]} applies to 'check' only.`);
    return compareCommand(values, rest);
  }
  if (compareOnly.length) return usage(`${compareOnly.join(', ')} apply to 'compare' only.`);
  const format = outputFormat(values.json ?? false, values.format);
  if (typeof format !== 'string') return format;
  if (command === 'checks') {
    if (rest.length) return usage(`'checks' takes no arguments (got ${JSON.stringify(rest[0])}).`);
    if (values.severity || values.offsets || values.mesh) return usage('--severity, --offsets and --mesh apply to \'check\' only.');
    if (format !== 'text' && format !== 'json') return usage('\'checks\' prints text or JSON only.');
    return { kind: 'checks', json: format === 'json' };
  }
  if (command === 'schema') {
    if (rest.length !== 1) return usage('\'schema\' takes one PubTator file (or - for stdin), whose conventions it writes as a schema.');
    const given = ['severity', 'offsets', 'mesh', 'schema', 'json', 'format', 'quiet', 'max-warnings', 'fix', 'fix-dry-run', 'output', 'jobs', 'include']
      .filter((o) => values[o as keyof typeof values] !== undefined);
    if (given.length) return usage(`'schema' takes no options (got --${given[0]}).`);
    return { kind: 'schema', path: rest[0] };
  }
  if (command !== 'check' && command !== 'stats') return usage(unknownCommand(command));
  if (rest.length === 0) return usage(`'${command}' needs at least one file or folder (or - for stdin).`);
  // No --offsets: the corpus schema's unit, else code points.
  const unit = values.offsets;
  if (unit !== undefined && unit !== 'codepoint' && unit !== 'utf16') {
    return usage(`--offsets must be codepoint or utf16, not ${JSON.stringify(unit)}.`);
  }
  const severities: SeveritySettings = {};
  for (const setting of values.severity ?? []) {
    const eq = setting.indexOf('=');
    const code = eq < 0 ? setting : setting.slice(0, eq);
    const level = eq < 0 ? '' : setting.slice(eq + 1);
    if (!CHECK_CODES.includes(code)) {
      return usage(`--severity: unknown check code ${JSON.stringify(code)}. Valid codes: ${CHECK_CODES.join(', ')}.`);
    }
    if (!isSeverityName(level)) {
      return usage(`--severity ${code}=${level}: the level must be one of ${LEVELS}. Valid codes: ${CHECK_CODES.join(', ')}.`);
    }
    severities[code] = level;
  }
  const maxWarnings = values['max-warnings'] === undefined ? -1 : Number(values['max-warnings']);
  if (!Number.isSafeInteger(maxWarnings) || maxWarnings < -1 || values['max-warnings']?.trim() === '') {
    return usage(`--max-warnings takes a whole number (0 or more; -1 for no limit), not ${JSON.stringify(values['max-warnings'])}.`);
  }
  const mesh = values.mesh?.filter((p) => p !== '');
  if (values.mesh && !mesh?.length) return usage('--mesh needs a path: a MeSH index, or NLM\'s MeSH files.');
  if (values.fix && values['fix-dry-run']) return usage('--fix writes the fixes, --fix-dry-run only shows them: give one of the two.');
  const fix = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined;
  if (values.output !== undefined) {
    if (fix !== 'write') return usage('--output names where --fix writes the fixed text; it goes with --fix only.');
    if (values.output === '') return usage('--output needs a path (or - for stdout).');
    if (rest.length !== 1) return usage('--output takes the fixed text of one input; name exactly one file (or - for stdin).');
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isSafeInteger(jobs) || jobs < 1 || jobs > 256 || values.jobs!.trim() === '')) {
    return usage(`--jobs takes a number of threads from 1 to 256, not ${JSON.stringify(values.jobs)}.`);
  }
  if (values.schema === '') return usage('--schema needs the path of a pubtator.schema.json.');
  const include = values.include?.filter((g) => g !== '');
  if (values.include && !include?.length) return usage('--include needs a file name pattern, such as \'*.txt\'.');
  if (command === 'stats') {
    const checkOnly = ['fix', 'fix-dry-run', 'output', 'quiet', 'max-warnings', 'mesh'].filter((o) => values[o as keyof typeof values] !== undefined);
    if (checkOnly.length) return usage(`--${checkOnly[0]} applies to 'check' only.`);
    if (format !== 'text' && format !== 'json') return usage('\'stats\' prints a table or JSON (--json).');
    const stats: StatsCommand = { kind: 'stats', paths: rest, json: format === 'json', severities };
    if (unit) stats.unit = unit;
    if (jobs !== undefined) stats.jobs = jobs;
    if (values.schema) stats.schema = values.schema;
    if (include) stats.include = include;
    return stats;
  }
  const check: CheckCommand = { kind: 'check', paths: rest, format, severities, quiet: values.quiet ?? false, maxWarnings };
  if (unit) check.unit = unit;
  if (jobs !== undefined) check.jobs = jobs;
  if (values.schema) check.schema = values.schema;
  if (mesh) check.mesh = mesh;
  if (fix) check.fix = fix;
  if (values.output !== undefined) check.output = values.output;
  if (include) check.include = include;
  if (values.color && values['no-color']) return usage('--color and --no-color: give one of the two.');
  if (values.color || values['no-color']) check.color = values.color === true;
  return check;
}

/** `--format NAME`, with `--json` as another way to say `--format json`. */
function outputFormat(json: boolean, named: string | undefined): OutputFormat | { kind: 'usage'; message: string } {
  if (named === undefined) return json ? 'json' : 'text';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(named)) {
    return usage(`--format must be one of ${OUTPUT_FORMATS.join(', ')}, not ${JSON.stringify(named)}.`);
  }
  if (json && named !== 'json') return usage(`--json means --format json; it cannot go with --format ${named}.`);
  return named as OutputFormat;
}

function usage(message: string): { kind: 'usage'; message: string } {
  return { kind: 'usage', message };
}
