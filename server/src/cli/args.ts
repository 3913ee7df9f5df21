// The command line to a command, or to a usage error with a message that says
// what to type instead. No I/O.

import { parseArgs } from 'node:util';
import { isSeverityName, type SeveritySettings } from '../service/checks/check';
import { CHECK_CODES } from '../service/checks/index';
import type { OffsetUnit } from '../service/types';
import { COMPARE_OPTION_NAMES, COMPARE_OPTIONS, compareCommand, type CompareCommand } from './compareArgs';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'checks'; json: boolean }
  | { kind: 'check'; paths: string[]; json: boolean; unit: OffsetUnit; severities: SeveritySettings; mesh?: string[] }
  | CompareCommand
  | { kind: 'usage'; message: string };

const LEVELS = 'error, warning, information, hint, off';

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
        json: { type: 'boolean' },
        severity: { type: 'string', multiple: true },
        offsets: { type: 'string' },
        mesh: { type: 'string', multiple: true },
        ...COMPARE_OPTIONS,
      },
    });
  } catch (err) {
    return usage(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) return usage('no command given.');
  const json = values.json ?? false;
  const compareOnly = COMPARE_OPTION_NAMES.filter((name) => values[name.slice(2) as keyof typeof values] !== undefined);
  if (command === 'compare') {
    if (values.severity || values.offsets || values.mesh) return usage('--severity, --offsets and --mesh apply to \'check\' only.');
    return compareCommand(values, rest);
  }
  if (compareOnly.length) return usage(`${compareOnly.join(', ')} apply to 'compare' only.`);
  if (command === 'checks') {
    if (rest.length) return usage(`'checks' takes no arguments (got ${JSON.stringify(rest[0])}).`);
    if (values.severity || values.offsets || values.mesh) return usage('--severity, --offsets and --mesh apply to \'check\' only.');
    return { kind: 'checks', json };
  }
  if (command !== 'check') {
    return usage(`unknown command ${JSON.stringify(command)}; did you mean 'pubtator check ${command}'?`);
  }
  if (rest.length === 0) return usage('\'check\' needs at least one file or folder (or - for stdin).');
  const unit = values.offsets ?? 'codepoint';
  if (unit !== 'codepoint' && unit !== 'utf16') {
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
  const mesh = values.mesh?.filter((p) => p !== '');
  if (values.mesh && !mesh?.length) return usage('--mesh needs a path: a MeSH index, or NLM\'s MeSH files.');
  return mesh ? { kind: 'check', paths: rest, json, unit, severities, mesh } : { kind: 'check', paths: rest, json, unit, severities };
}

function usage(message: string): Command {
  return { kind: 'usage', message };
}
