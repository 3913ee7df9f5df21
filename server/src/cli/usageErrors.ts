// Usage mistakes in words a user can act on: an unknown command or option
// with the nearest real one, an option missing its value, and negative
// numbers taken as values (`--max-warnings -1`), not as options.

import { closeSpelling } from '../service/conventions/spelling';

export const COMMANDS = ['check', 'stats', 'compare', 'schema', 'checks'] as const;

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
}

/** `--opt -1` to `--opt=-1` for options that take a value: a negative number is a value, not an option. */
export function joinNegativeValues(argv: readonly string[], options: Record<string, OptionSpec>): string[] {
  const takesValue = new Set<string>();
  for (const [name, spec] of Object.entries(options)) {
    if (spec.type !== 'string') continue;
    takesValue.add(`--${name}`);
    if (spec.short) takesValue.add(`-${spec.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (argv[i] === '--') {
      out.push(...argv.slice(i));
      break;
    }
    if (takesValue.has(argv[i]) && next !== undefined && /^-\d/.test(next)) {
      out.push(argv[i].startsWith('--') ? `${argv[i]}=${next}` : `${argv[i]}${next}`);
      i++;
    } else {
      out.push(argv[i]);
    }
  }
  return out;
}

/** The nearest of `names` to `given` (a letter or two off, or another case), if any. */
function nearest(given: string, names: readonly string[]): string | undefined {
  const prefix = given.replace(/^-+/, '').length >= 3;
  return names.find((n) => prefix && n.startsWith(given)) ?? names.find((n) => closeSpelling(given, n));
}

/** parseArgs' error, reworded. */
export function parseError(err: unknown, options: Record<string, OptionSpec>): string {
  const e = err as { code?: string; message?: string };
  const message = e?.message ?? String(err);
  const option = /Option '(?:-\w, )?(--?[^' ]+)/.exec(message)?.[1] ?? /Unknown option '([^']+)'/.exec(message)?.[1];
  if (e?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const longs = Object.keys(options).map((n) => `--${n}`);
    const near = option.startsWith('--') ? nearest(option.split('=')[0], longs) : undefined;
    return `unknown option ${option}${near ? `; did you mean ${near}?` : ''}`;
  }
  if (e?.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/does not take an argument/.test(message)) return `${option} takes no value.`;
    return `${option} needs a value.`;
  }
  return message.split('\n')[0];
}

/** An unknown command: the command it nearly spells, else the path it may be. */
export function unknownCommand(command: string): string {
  const near = nearest(command, COMMANDS);
  if (near) return `unknown command '${command}'; did you mean '${near}'?`;
  const pathLike = /[/\\.]/.test(command);
  return pathLike
    ? `unknown command '${command}'; to check it: pubtator check ${command}`
    : `unknown command '${command}'; the commands are ${COMMANDS.join(', ')}.`;
}
