// Small PubTator files written from a few facts, and a comparison's counts as
// plain data, for hand-counted cases.
import { compareFiles } from '../../../server/src/service/compare/compareFiles';
import type { Counts, Level } from '../../../server/src/service/compare/model';
import type { ScorerOptions } from '../../../server/src/service/compare/scorer';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';

/** A mention: start, end, text, type, id (the id may be omitted: a 5-column row). */
export type M = [number, number, string, string, string?];
/** A relation: type, id1, id2, extra columns. */
export type R = [string, string, string, ...string[]];

export const TITLE = 'Lidocaine-induced cardiac asystole and methyl dopa.';
export const ABSTRACT = 'Depression after lidocaine; hypertension treated with methyl dopa.';

/** One document: title and abstract lines, then its mention and relation rows. */
export function doc(id: string, mentions: M[], relations: R[] = [], title = TITLE, abstract = ABSTRACT): string {
  const rows = [`${id}|t|${title}`, `${id}|a|${abstract}`];
  for (const [s, e, text, type, cid] of mentions) rows.push([id, s, e, text, type, ...(cid === undefined ? [] : [cid])].join('\t'));
  for (const r of relations) rows.push([id, ...r].join('\t'));
  return rows.join('\n');
}

export function file(...docs: string[]): string {
  return docs.join('\n\n') + '\n';
}

export function compare(gold: string, predicted: string, options: ScorerOptions = {}) {
  return compareFiles(parsePubtator(gold), parsePubtator(predicted), options);
}

/** `{ "mention Disease": {tp, fp, fn}, "mention *": ... }` of every level and type with any count. */
export function countsOf(gold: string, predicted: string, options: ScorerOptions = {}): Record<string, Counts> {
  const out: Record<string, Counts> = {};
  for (const s of compare(gold, predicted, options).scorer.totals.scores()) {
    if (s.type === '*macro' || s.tp + s.fp + s.fn === 0) continue;
    out[`${s.level} ${s.type}`] = { tp: s.tp, fp: s.fp, fn: s.fn };
  }
  return out;
}

export function counts(tp: number, fp: number, fn: number): Counts {
  return { tp, fp, fn };
}

export function levelCounts(gold: string, predicted: string, level: Level, options: ScorerOptions = {}, type = '*'): Counts {
  return compare(gold, predicted, options).scorer.totals.counts(level, type);
}
