// The checks of a BioC file for `pubtator stats`, run as `check` runs them:
// streamed, document by document (biocInput.ts, service/bioc/checkBiocStream.ts:
// BioC's own bioc-* checks, and the PubTator checks on the projection without
// those a BioC file cannot fail), so that stats counts the same problems
// check reports, on a file of any size, in the memory of a few documents.
// Rows with problems are the projection's rows the diagnostics stand for (a
// finding about a passage: its passage row; one about the file: a row of its
// own).

import type { Diagnostic } from '../service/types';
import type { ValidationOptions } from '../service/validate';
import { checkBiocInput, type BiocRun, type RowOf } from './biocInput';
import type { InputFile } from './discover';
import { ProblemRows } from './problemRows';

/** Hands each diagnostic `check` gives a BioC file to `found`; gives the rows they fall on. Rejects with the read error. */
export async function biocStatsChecks(input: InputFile, options: ValidationOptions, run: BiocRun, found: (list: Diagnostic[]) => void): Promise<ProblemRows> {
  const rows = new ProblemRows();
  let alone = -1;
  await checkBiocInput(input, options, { raw: 0, text: 0 }, (list: Diagnostic[], rowOf?: RowOf) => {
    found(list);
    // Each on its row, in row order (as a PubTator file's diagnostics come).
    const placed = list.map((d) => {
      const row = rowOf?.(d) ?? alone--;
      return { ...d, range: { start: { line: row, character: 0 }, end: { line: row, character: 0 } } };
    }).sort((a, b) => a.range.start.line - b.range.start.line);
    placed.forEach((d) => rows.add(d));
  }, { ...run, rows: true });
  return rows;
}
