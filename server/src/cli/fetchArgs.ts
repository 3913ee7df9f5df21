// `pubtator fetch ID... [-o OUT] [--format pubtator|bioc-xml|bioc-json] [--ids-from FILE]
// [--no-cache | --cache-dir DIR] [--cache-max-age DAYS]`: its own options, parsed apart from check's. No I/O.

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
  /** False with --no-cache: every id asked of the API, nothing kept. */
  cache: boolean;
  /** --cache-dir: where answers are kept (else PUBTATOR_CACHE_DIR or the user's cache folder). */
  cacheDir?: string;
  /** --cache-max-age in days, as milliseconds: older answers are asked again. */
  cacheMaxAgeMs?: number;
}

export function parseFetchArgs(argv: readonly string[]): FetchCommand | { kind: 'usage'; message: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv], allowPositionals: true, strict: true,
      options: {
        output: { type: 'string', short: 'o' }, format: { type: 'string', short: 'f' }, 'ids-from': { type: 'string', multiple: true },
        'no-cache': { type: 'boolean' }, 'cache-dir': { type: 'string' }, 'cache-max-age': { type: 'string' },
      },
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
  if (values['no-cache'] && values['cache-dir'] !== undefined) return { kind: 'usage', message: '--no-cache and --cache-dir cannot go together.' };
  if (values['cache-dir'] === '') return { kind: 'usage', message: '--cache-dir needs a folder.' };
  const c: FetchCommand = { kind: 'fetch', ids: positionals, idsFrom, format: format as FetchFormat, cache: values['no-cache'] !== true };
  if (values['cache-dir'] !== undefined) c.cacheDir = values['cache-dir'];
  if (values['cache-max-age'] !== undefined) {
    const days = Number(values['cache-max-age']);
    if (values['cache-max-age'].trim() === '' || !Number.isFinite(days) || days < 0) return { kind: 'usage', message: `--cache-max-age takes a number of days (0 or more), not ${JSON.stringify(values['cache-max-age'])}.` };
    c.cacheMaxAgeMs = days * 24 * 3600 * 1000;
  }
  if (values.output !== undefined && values.output !== '-') c.output = values.output;
  return c;
}
