// Which line of a document's projection a place in the BioC file stands for:
// the line whose element holds it, the innermost one (a passage's line holds
// its annotations' lines). `stats` counts a BioC finding on that row.

import type { LineMap } from './project';

/** Index in `lines` of the innermost line whose element holds `offset`; undefined when none does. */
export function rowOfOffset(lines: readonly (LineMap | undefined)[], offset: number): number | undefined {
  let best: number | undefined;
  let size = Infinity;
  lines.forEach((l, i) => {
    if (l && l.src.start <= offset && offset <= l.src.end && l.src.end - l.src.start < size) {
      best = i;
      size = l.src.end - l.src.start;
    }
  });
  return best;
}
