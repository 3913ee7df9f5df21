// The order of a BioC check's diagnostics, as checkBioc.ts sorts them: by XML
// position; at one place, the XML's errors, then what projecting found, then
// BioC's own checks, then the PubTator checks in the projection's order (a
// row's settled verdicts after its others, as validateFile orders them).

import type { Diagnostic } from '../types';

export interface Ranked {
  d: Diagnostic;
  /** 0 not well-formed, 1 found while projecting, 2 BioC's checks, 3 PubTator's. */
  rank: number;
  /** PubTator's: the projection position (line, character); 0 for the others. */
  line: number;
  character: number;
  settled: boolean;
}

export function order(list: Ranked[]): Diagnostic[] {
  const indexed = list.map((r, i) => ({ r, i }));
  indexed.sort((x, y) => {
    const a = x.r;
    const b = y.r;
    return a.d.range.start.line - b.d.range.start.line || a.d.range.start.character - b.d.range.start.character
      || a.rank - b.rank || a.line - b.line || a.character - b.character || Number(a.settled) - Number(b.settled) || x.i - y.i;
  });
  return indexed.map((x) => x.r.d);
}
