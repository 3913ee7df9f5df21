// Which unit a BioC file's offsets count: the one under which the annotations'
// texts match their passages, where the units disagree (non-ASCII text before
// the annotation). UTF-16 when nothing tells (pure ASCII: all three agree).

import type { BiocCollection } from './model';
import { indexAfter, isAscii, type BiocUnit } from './units';

const UNITS: BiocUnit[] = ['utf16', 'codepoint', 'utf8'];

/** The unit, whether the file told it, and every unit that fits as well as it (ties). */
export function detectUnit(c: BiocCollection): { unit: BiocUnit; told: boolean; fits: BiocUnit[] } {
  const votes = new Map<BiocUnit, number>(UNITS.map((u) => [u, 0]));
  let telling = 0;
  for (const d of c.documents) {
    for (const p of d.passages) {
      if (p.text === undefined || isAscii(p.text) || p.offset === undefined) continue;
      for (const a of p.annotations) {
        const loc = a.locations[0];
        if (!loc || loc.offset === undefined || loc.length === undefined || a.text === undefined || a.locations.length > 1) continue;
        const hits = UNITS.filter((u) => {
          const s = indexAfter(p.text!, loc.offset! - p.offset!, u, false);
          const e = s === undefined ? undefined : indexAfter(p.text!, loc.offset! - p.offset! + loc.length!, u, false);
          return s !== undefined && e !== undefined && p.text!.slice(s, e) === a.text;
        });
        if (hits.length === 0 || hits.length === UNITS.length) continue;
        telling++;
        for (const u of hits) votes.set(u, votes.get(u)! + 1);
        if (telling >= 200) break;
      }
    }
  }
  if (telling === 0) return { unit: 'utf16', told: false, fits: UNITS };
  let best: BiocUnit = 'utf16';
  for (const u of UNITS) if (votes.get(u)! > votes.get(best)!) best = u;
  return { unit: best, told: true, fits: UNITS.filter((u) => votes.get(u) === votes.get(best)) };
}
