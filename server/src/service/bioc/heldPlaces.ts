// Where the rows a streamed BioC check holds for the file's habits lie in the
// XML. The PubTator reducer settles them when the file ends (conventions/
// held.ts), long after their batch and its map back to the XML are gone: so
// each kept row's place is noted as its batch is taken. Only the rows the
// reducer keeps (HOLD_LIMIT a group) are noted, so this stays as small as
// what the reducer holds.

import { HOLD_LIMIT, type HeldGroupData } from '../conventions/held';
import type { Diagnostic, Range } from '../types';
import type { LineMap } from './project';
import { rangeKey } from './streamPlacing';

/** A batch as the notes need it: its projected lines, and their places in the XML. */
export interface BatchPlaces {
  /** The map of a projected line of the batch (absolute line), undefined outside it or on a blank line. */
  lineMap(line: number): LineMap | undefined;
  /** Whether a projected line lies in the batch. */
  holds(line: number): boolean;
  /** A projected range of the batch on the XML, as checkBioc moves it. */
  range(r: Range): Range | undefined;
  /** The XML line a projected line's element starts on. */
  xmlLine(map: LineMap): number;
}

interface Place {
  range: Range | undefined;
  /** The row is left out (its location lies outside every passage: bioc-location-outside-passage tells it). */
  skip: boolean;
}

export class HeldPlaces {
  private readonly places = new Map<string, Place>();
  /** Projected line to XML line, for "line N" in messages. */
  readonly lines = new Map<number, number>();
  private readonly flags = new Map<number, { fromNodes: boolean; noType: boolean; textless: boolean }>();
  private readonly kept = new Map<string, number>();

  /** Notes the places of a batch's held rows (and of their related rows) that the reducer will keep. */
  note(batch: BatchPlaces, held: readonly HeldGroupData[]): void {
    for (const g of held) {
      const key = `${g.kind}\u0000${g.key}`;
      let kept = this.kept.get(key) ?? 0;
      const r = g.ranges;
      for (let i = 0; i * 4 < r.length && kept < HOLD_LIMIT; i++, kept++) {
        this.noteRange(batch, { start: { line: r[i * 4], character: r[i * 4 + 1] }, end: { line: r[i * 4 + 2], character: r[i * 4 + 3] } });
        const extra = g.extras?.[i];
        if (extra && extra.related) for (const rel of extra.related) this.noteRange(batch, rel.range);
      }
      this.kept.set(key, kept);
    }
  }

  /**
   * A settled diagnostic on the XML: undefined when checkBioc leaves it out;
   * `unknown` when its row was not noted.
   */
  move(d: Diagnostic, lineNames: (message: string) => string, filter: (d: Diagnostic, map: { fromNodes?: boolean; noType?: boolean; textless?: boolean } | undefined) => boolean): Diagnostic | undefined | 'unknown' {
    if (!filter(d, this.flags.get(d.range.start.line))) return undefined;
    const place = this.places.get(rangeKey(d.range));
    if (!place) return 'unknown';
    if (place.skip || !place.range) return undefined;
    const moved: Diagnostic = { ...d, range: place.range, message: lineNames(d.message) };
    if (d.relatedInformation) {
      moved.relatedInformation = d.relatedInformation.flatMap((r) => {
        const at = this.places.get(rangeKey(r.range));
        return at?.range && !at.skip ? [{ ...r, range: at.range }] : [];
      });
    }
    return moved;
  }

  private noteRange(batch: BatchPlaces, r: Range): void {
    if (!batch.holds(r.start.line)) return;
    const line = batch.lineMap(r.start.line);
    const at = batch.range(r);
    this.places.set(rangeKey(r), { range: at, skip: !at || !!line?.outside });
    if (line) this.lines.set(r.start.line, batch.xmlLine(line));
    this.flags.set(r.start.line, { fromNodes: !!line?.fromNodes, noType: !!line?.noType, textless: !!line?.textless });
  }
}

