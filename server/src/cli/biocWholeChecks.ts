// The checks of a BioC file for `pubtator stats`, exactly as `check` runs
// them (service/bioc/checkBioc.ts: BioC's own bioc-* checks, and the PubTator
// checks on the projection without those a BioC file cannot fail), so that
// stats counts the same problems check reports. stats reads a BioC file
// through its streamed projection for the counts; these need it whole, so a
// file too large for the memory budget is not checked here and the caller
// says so. Rows with problems are the projection's rows the diagnostics stand
// for (a finding about a passage: its passage row).

import { getHeapStatistics } from 'node:v8';
import { checkBioc } from '../service/bioc/checkBioc';
import type { Projection } from '../service/bioc/project';
import type { Diagnostic } from '../service/types';
import type { ValidationOptions } from '../service/validate';
import type { InputFile } from './discover';
import { ProblemRows } from './problemRows';
import { readInput } from './readInput';

/**
 * Heap a BioC file checked whole takes per byte of it: about 15 for XML, about 50 for JSON (its
 * syntax tree; a 7.5 MB JSON file ran a 128 MB budget out of memory at 15); a .gz is taken to hold
 * 5 times its size.
 */
const MEMORY_PER_BYTE = { xml: 15, json: 50 };

export type WholeChecks = { diagnostics: Diagnostic[]; rows: ProblemRows } | { tooLarge: string };

/** The diagnostics `check` gives a BioC file, and the rows they fall on; rejects with the read error. */
export async function biocWholeChecks(input: InputFile, options: ValidationOptions): Promise<WholeChecks> {
  const limit = getHeapStatistics().heap_size_limit;
  const perByte = /\.json(?:\.gz)?$/i.test(input.path) ? MEMORY_PER_BYTE.json : MEMORY_PER_BYTE.xml;
  const need = input.size === undefined ? 0 : (input.gzip ? 5 : 1) * input.size * perByte;
  if (need > limit) {
    return { tooLarge: `counted without its BioC checks (bioc-*): they need the file whole, about ${Math.ceil(need / 1e6)} MB, more than the ${Math.round(limit / 1e6)} MB memory budget (PUBTATOR_HEAP_MB=0 lifts it)` };
  }
  const parts: string[] = [];
  const decoder = new TextDecoder('utf-8');
  await readInput(input, { raw: 0, text: 0 }, (bytes) => { parts.push(decoder.decode(bytes, { stream: true })); });
  parts.push(decoder.decode());
  const checked = checkBioc(parts.join(''), options);
  const rowOf = rowFinder(checked.projection);
  // Each diagnostic on the row it stands for; one no row holds (the collection's) counts alone.
  let alone = -1;
  const placed = checked.diagnostics.map((d) => {
    const row = rowOf(checked.index.offset(d.range.start)) ?? alone--;
    return { ...d, range: { start: { line: row, character: 0 }, end: { line: row, character: 0 } } };
  }).sort((a, b) => a.range.start.line - b.range.start.line);
  const rows = new ProblemRows();
  placed.forEach((d) => rows.add(d));
  return { diagnostics: checked.diagnostics, rows };
}

/** The projection's row whose element holds a file offset, the innermost; undefined outside every row. */
function rowFinder(p: Projection): (offset: number) => number | undefined {
  const rows = p.lines.flatMap((l, n) => (l ? [{ n, start: l.src.start, end: l.src.end }] : [])).sort((a, b) => a.start - b.start);
  return (offset) => {
    let lo = 0;
    let hi = rows.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid].start <= offset) { last = mid; lo = mid + 1; } else hi = mid - 1;
    }
    // Rows nest (a passage holds its annotations): the innermost holding the offset starts last, a few rows back at most.
    let best: { n: number; size: number } | undefined;
    for (let i = last; i >= 0 && i > last - 256; i--) {
      const r = rows[i];
      if (offset <= r.end && (!best || r.end - r.start < best.size)) best = { n: r.n, size: r.end - r.start };
    }
    return best?.n;
  };
}
