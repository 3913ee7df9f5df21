// Counts of true positives, false positives and false negatives per level and
// type, and the scores computed from them: per type, micro (from the summed
// counts) and macro (the mean of the per-type scores).
//
// Zero denominators: precision is undefined (null) when nothing was predicted
// (tp + fp = 0), recall when the reference has nothing (tp + fn = 0). F1 is
// 2tp / (2tp + fp + fn), the harmonic mean of the two where both exist; it is
// 0 when only one side has items and undefined only when neither has any.
// The macro mean of a measure is taken over the types where it is defined.

import { LEVELS, type Counts, type Level } from './model';

export interface Score extends Counts {
  level: Level;
  /** An entity or relation type; `*` for the micro total, `*macro` for the macro mean. */
  type: string;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export const MICRO = '*';
export const MACRO = '*macro';

export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

export function scoreOf(level: Level, type: string, c: Counts): Score {
  return {
    level, type, tp: c.tp, fp: c.fp, fn: c.fn,
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
  };
}

function mean(values: (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length ? defined.reduce((a, b) => a + b, 0) / defined.length : null;
}

export class Tally {
  private readonly byLevel = new Map<Level, Map<string, Counts>>(LEVELS.map((l) => [l, new Map()]));

  private entry(level: Level, type: string): Counts {
    const types = this.byLevel.get(level)!;
    let c = types.get(type);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0 };
      types.set(type, c);
    }
    return c;
  }

  add(level: Level, type: string, kind: keyof Counts, n = 1): void {
    if (n !== 0) this.entry(level, type)[kind] += n;
  }

  addAll(other: Tally): void {
    for (const [level, types] of other.byLevel) {
      for (const [type, c] of types) {
        const e = this.entry(level, type);
        e.tp += c.tp;
        e.fp += c.fp;
        e.fn += c.fn;
      }
    }
  }

  /** Counts of one type, or of all types of the level (`*`). */
  counts(level: Level, type = MICRO): Counts {
    const types = this.byLevel.get(level)!;
    if (type !== MICRO) return { ...(types.get(type) ?? { tp: 0, fp: 0, fn: 0 }) };
    const sum = { tp: 0, fp: 0, fn: 0 };
    for (const c of types.values()) {
      sum.tp += c.tp;
      sum.fp += c.fp;
      sum.fn += c.fn;
    }
    return sum;
  }

  /** Types seen at a level, sorted. */
  types(level: Level): string[] {
    return [...this.byLevel.get(level)!.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Each level's per-type scores, then its micro total, then its macro mean (when it has types). */
  scores(): Score[] {
    const out: Score[] = [];
    for (const level of LEVELS) {
      const perType = this.types(level).map((t) => scoreOf(level, t, this.counts(level, t)));
      out.push(...perType, scoreOf(level, MICRO, this.counts(level)));
      if (perType.length) {
        out.push({
          ...scoreOf(level, MACRO, this.counts(level)),
          precision: mean(perType.map((s) => s.precision)),
          recall: mean(perType.map((s) => s.recall)),
          f1: mean(perType.map((s) => s.f1)),
        });
      }
    }
    return out;
  }
}
