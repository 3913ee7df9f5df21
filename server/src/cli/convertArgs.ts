// `pubtator convert IN [-o OUT] [--to pubtator|bioc-xml|bioc-json] [--quiet]`: its own
// options, parsed apart from check's. No I/O.

import { parseArgs } from 'node:util';
import type { FileFormat } from '../service/bioc/detect';
import type { BiocUnit } from '../service/bioc/units';

export interface ConvertCommand {
  kind: 'convert';
  input: string;
  /** Absent or `-`: stdout. */
  output?: string;
  /** Absent: BioC XML from PubTator, PubTator from BioC. */
  to?: FileFormat;
  /** What the BioC offsets written count (UTF-16 units by default). */
  unit?: BiocUnit;
  /** What the PubTator input's offsets count (code points by default). */
  offsets?: 'codepoint' | 'utf16';
  source?: string;
  date?: string;
  key?: string;
  /** --quiet: no progress bar and no note on the offset unit; warnings and errors are still told. */
  quiet?: boolean;
  /** --jobs N: threads converting BioC XML to PubTator (biocConvertSplit.ts); absent: runners.ts defaultConvertJobs. */
  jobs?: number;
}

const FORMATS: FileFormat[] = ['pubtator', 'bioc-xml', 'bioc-json'];
const UNITS: BiocUnit[] = ['utf16', 'codepoint', 'utf8'];

export function parseConvertArgs(argv: readonly string[]): ConvertCommand | { kind: 'usage'; message: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv], allowPositionals: true, strict: true,
      options: {
        output: { type: 'string', short: 'o' }, to: { type: 'string' }, unit: { type: 'string' }, offsets: { type: 'string' },
        source: { type: 'string' }, date: { type: 'string' }, key: { type: 'string' }, quiet: { type: 'boolean', short: 'q' },
        jobs: { type: 'string', short: 'j' },
      },
    });
  } catch (err) {
    return { kind: 'usage', message: err instanceof Error ? err.message : String(err) };
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return { kind: 'usage', message: '\'convert\' takes one input file (or - for stdin); -o names the output.' };
  const to = values.to;
  if (to !== undefined && !(FORMATS as string[]).includes(to)) return { kind: 'usage', message: `--to must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(to)}.` };
  if (values.unit !== undefined && !(UNITS as string[]).includes(values.unit)) return { kind: 'usage', message: `--unit must be one of ${UNITS.join(', ')}, not ${JSON.stringify(values.unit)}.` };
  if (values.offsets !== undefined && values.offsets !== 'codepoint' && values.offsets !== 'utf16') return { kind: 'usage', message: `--offsets must be codepoint or utf16, not ${JSON.stringify(values.offsets)}.` };
  if (values.output === '') return { kind: 'usage', message: '--output needs a path (or - for stdout).' };
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isSafeInteger(jobs) || jobs < 1 || jobs > 256 || values.jobs!.trim() === '')) {
    return { kind: 'usage', message: `--jobs takes a number of threads from 1 to 256, not ${JSON.stringify(values.jobs)}.` };
  }
  const c: ConvertCommand = { kind: 'convert', input: positionals[0] };
  if (values.output !== undefined && values.output !== '-') c.output = values.output;
  if (to) c.to = to as FileFormat;
  if (values.unit) c.unit = values.unit as BiocUnit;
  if (values.offsets) c.offsets = values.offsets as 'codepoint' | 'utf16';
  if (values.source !== undefined) c.source = values.source;
  if (values.date !== undefined) c.date = values.date;
  if (values.key !== undefined) c.key = values.key;
  if (values.quiet) c.quiet = true;
  if (jobs !== undefined) c.jobs = jobs;
  return c;
}
