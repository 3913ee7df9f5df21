// Which unit a BioC file's offsets count: the one under which the annotations'
// texts match their passages, where the units disagree (non-ASCII text before
// the annotation). UTF-16 when nothing tells (pure ASCII: all three agree).
// Learned from the first TELLING annotations that tell, in file order, so a
// streamed check (checkBiocStream.ts) learns it as a whole-file one does.

import type { BiocCollection, BiocDocument } from './model';
import { indexAfter, isAscii, type BiocUnit } from './units';

const UNITS: BiocUnit[] = ['utf16', 'codepoint', 'utf8'];

/** Annotations that tell after which the unit is decided. */
export const TELLING = 200;

/** Characters of documents a stream reads, waiting for the unit, before the votes so far decide (a whole-file read would look on). */
export const UNIT_SAMPLE_CHARS = 1 << 21;

export interface DetectedUnit {
  unit: BiocUnit;
  /** Whether some annotation told it (else UTF-16, assumed). */
  told: boolean;
  /** Every unit that fits as well as the one chosen (ties). */
  fits: BiocUnit[];
}

/** Votes of the annotations seen so far, document by document. */
export class UnitVotes {
  private readonly votes = new Map<BiocUnit, number>(UNITS.map((u) => [u, 0]));
  private telling = 0;

  /** Whether enough annotations told: later documents do not change the result. */
  get decided(): boolean {
    return this.telling >= TELLING;
  }

  /** `ascii`: the document is known to be all ASCII (isAsciiDocument): nothing in it tells. */
  add(d: BiocDocument, ascii = false): void {
    if (ascii) return;
    for (const p of d.passages) {
      if (this.decided) return;
      if (p.text === undefined || p.offset === undefined || isAscii(p.text)) continue;
      for (const a of p.annotations) {
        const loc = a.locations[0];
        if (!loc || loc.offset === undefined || loc.length === undefined || a.text === undefined || a.locations.length > 1) continue;
        const hits = UNITS.filter((u) => {
          const s = indexAfter(p.text!, loc.offset! - p.offset!, u, false);
          const e = s === undefined ? undefined : indexAfter(p.text!, loc.offset! - p.offset! + loc.length!, u, false);
          return s !== undefined && e !== undefined && p.text!.slice(s, e) === a.text;
        });
        if (hits.length === 0 || hits.length === UNITS.length) continue;
        this.telling++;
        for (const u of hits) this.votes.set(u, this.votes.get(u)! + 1);
        if (this.decided) return;
      }
    }
  }

  result(): DetectedUnit {
    if (this.telling === 0) return { unit: 'utf16', told: false, fits: UNITS };
    let best: BiocUnit = 'utf16';
    for (const u of UNITS) if (this.votes.get(u)! > this.votes.get(best)!) best = u;
    return { unit: best, told: true, fits: UNITS.filter((u) => this.votes.get(u) === this.votes.get(best)) };
  }
}

/** The unit, whether the file told it, and every unit that fits as well as it (ties). */
export function detectUnit(c: BiocCollection): DetectedUnit {
  const votes = new UnitVotes();
  for (const d of c.documents) {
    if (votes.decided) break;
    votes.add(d);
  }
  return votes.result();
}
