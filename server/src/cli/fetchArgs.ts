// `pubtator fetch ID... [-o OUT] [--format pubtator|bioc-xml|bioc-json] [--ids-from FILE]`:
// its own options, parsed apart from check's. No I/O.

import { parseArgs } from 'node:util';
import { FETCH_FORMATS, type FetchFormat } from '../service/fetch/exportRequests';

export interface FetchCommand {
  kind: 'fetch';
  /** Identifiers written on the command line. */
  ids: string[];
  /** Files (or - for stdin) listing more identifiers. */
  idsFrom: string[];
  /** Absent: stdout. */
  output?: string;
  format: FetchFormat;
}

export function parseFetchArgs(argv: readonly string[]): FetchCommand | { kind: 'usage'; message: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv], allowPositionals: true, strict: true,
      options: { output: { type: 'string', short: 'o' }, format: { type: 'string', short: 'f' }, 'ids-from': { type: 'string', multiple: true } },
    });
  } catch (err) {
    return { kind: 'usage', message: err instanceof Error ? err.message : String(err) };
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'pubtator';
  if (!(FETCH_FORMATS as readonly string[]).includes(format)) return { kind: 'usage', message: `--format must be one of ${FETCH_FORMATS.join(', ')}, not ${JSON.stringify(format)}.` };
  const idsFrom = values['ids-from'] ?? [];
  if (positionals.length === 0 && idsFrom.length === 0) return { kind: 'usage', message: '\'fetch\' needs PMIDs (or PMCIDs) on the command line or --ids-from FILE.' };
  if (values.output === '') return { kind: 'usage', message: '--output needs a path (or - for stdout).' };
  const c: FetchCommand = { kind: 'fetch', ids: positionals, idsFrom, format: format as FetchFormat };
  if (values.output !== undefined && values.output !== '-') c.output = values.output;
  return c;
}
