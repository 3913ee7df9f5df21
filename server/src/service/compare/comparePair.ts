// One pair of document groups (or a group only one side has) to counts per
// level and type, the items that differ, and notes that say what is close to
// each difference on the other side (a wrong type, a boundary, a reversed
// relation), for the editor's messages and `--details`.

import { partitionPoint } from '../sortedSearch';
import { extractItems, relationKey, type ConceptItem, type Extraction, type GroupItems, type MentionItem, type RelationItem } from './items';
import { matchKeys, matchMentions } from './match';
import type { CompareDiagnostic } from './diagnosticModel';
import type { Difference, DocumentGroup, IdMismatch, Level, Note } from './model';
import { groupKey } from './model';
import { Tally } from './tally';

export interface PairResult {
  id: string;
  group: string;
  gold?: DocumentGroup;
  predicted?: DocumentGroup;
  tally: Tally;
  /** False positives and false negatives, each level in line order. */
  differences: Difference[];
  idMismatches: IdMismatch[];
  /** Mention rows each side left out of the mention level (unusable offsets). */
  unusable: { gold: number; predicted: number };
  /** The editor's diagnostics for the pair, when computed with it (compareFiles' `view`). */
  diagnostics?: CompareDiagnostic[];
}

const EMPTY: GroupItems = { mentions: new Map(), concepts: new Map(), relations: new Map(), unusableOffsets: 0 };

/**
 * Compares two groups with the same key; either may be missing (a document
 * only one file has: all its items are false negatives, or false positives).
 * Parses the groups' rows; the caller releases them.
 */
export function comparePair(
  gold: DocumentGroup | undefined, predicted: DocumentGroup | undefined, x: Extraction, match: 'exact' | 'overlap',
): PairResult {
  const any = (gold ?? predicted)!;
  const g = gold ? extractItems(gold, x) : EMPTY;
  const p = predicted ? extractItems(predicted, x) : EMPTY;
  const tally = new Tally();
  const differences: Difference[] = [];
  const base = { document: any.id, group: groupKey(any) };

  const mentions = matchMentions(g.mentions, p.mentions, match);
  for (const [gm] of mentions.pairs) tally.add('mention', gm.type, 'tp');
  const mentionNote = notesFor(mentions.fp, mentions.fn);
  for (const m of mentions.fp) differences.push(mentionDifference('fp', m, base, mentionNote(m)));
  for (const m of mentions.fn) differences.push(mentionDifference('fn', m, base, mentionNote(m)));

  const concepts = matchKeys(g.concepts, p.concepts);
  for (const [gc] of concepts.pairs) tally.add('concept', gc.type, 'tp');
  for (const c of concepts.fp) differences.push(conceptDifference('fp', c, base));
  for (const c of concepts.fn) differences.push(conceptDifference('fn', c, base));

  const relations = matchKeys(g.relations, p.relations);
  for (const [gr] of relations.pairs) tally.add('relation', gr.type, 'tp');
  const relationNote = relationNotes(relations.fp, relations.fn);
  for (const r of relations.fp) differences.push(relationDifference('fp', r, base, relationNote(r)));
  for (const r of relations.fn) differences.push(relationDifference('fn', r, base, relationNote(r)));

  for (const d of differences) tally.add(d.level, d.type, d.kind);

  const idMismatches: IdMismatch[] = [];
  for (const [gm, pm] of mentions.pairs) {
    if (sameConcepts(gm.concepts, pm.concepts)) continue;
    idMismatches.push({ type: gm.type, ...base, predictedLine: pm.line, goldLine: gm.line, predictedId: pm.id, goldId: gm.id });
  }
  return {
    id: any.id, group: base.group, gold, predicted, tally, differences, idMismatches,
    unusable: { gold: g.unusableOffsets, predicted: p.unusableOffsets },
  };
}

function sameConcepts(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((k) => b.includes(k));
}

type Base = { document: string; group: string };

function mentionDifference(kind: 'fp' | 'fn', m: MentionItem, base: Base, note: Note | undefined): Difference {
  const d: Difference = {
    level: 'mention', kind, type: m.type, line: m.line, ...base,
    block: m.block, start: m.start, end: m.end, text: m.text, id: m.id,
  };
  if (note) d.note = note;
  return d;
}

function conceptDifference(kind: 'fp' | 'fn', c: ConceptItem, base: Base): Difference {
  return { level: 'concept' satisfies Level, kind, type: c.type, line: c.line, ...base, id: c.id, text: c.text };
}

function relationDifference(kind: 'fp' | 'fn', r: RelationItem, base: Base, note: Note | undefined): Difference {
  const d: Difference = { level: 'relation', kind, type: r.type, line: r.line, ...base, ids: r.ids };
  if (note) d.note = note;
  return d;
}

/**
 * What each unpaired mention has close on the other side: a mention on the
 * same span with another type, else an overlapping one of the same type (a
 * boundary difference), else an overlapping one of another type. The most
 * overlapping wins; ties go to the first in position.
 */
function notesFor(fp: MentionItem[], fn: MentionItem[]): (m: MentionItem) => Note | undefined {
  if (fp.length === 0 || fn.length === 0) return () => undefined;
  const index = (items: MentionItem[]) => {
    const sorted = [...items].sort((a, b) => a.block - b.block || a.start - b.start || a.end - b.end);
    return { sorted, longest: sorted.reduce((n, m) => Math.max(n, m.end - m.start), 0) };
  };
  const ofFp = index(fp);
  const ofFn = index(fn);
  const fpSet = new Set(fp);
  return (m) => {
    const { sorted, longest } = fpSet.has(m) ? ofFn : ofFp;
    let best: MentionItem | undefined;
    let bestRank = 0;
    const upper = partitionPoint(sorted.length, (i) => sorted[i].block < m.block || (sorted[i].block === m.block && sorted[i].start < m.end));
    for (let i = upper - 1; i >= 0; i--) {
      const o = sorted[i];
      if (o.block !== m.block || o.start + longest < m.start) break;
      const shared = Math.min(o.end, m.end) - Math.max(o.start, m.start);
      const sameSpan = o.start === m.start && o.end === m.end;
      if (shared <= 0 && !sameSpan) continue;
      // Rank: same span (another type) > same type overlapping > other type overlapping; then overlap size.
      const rank = (sameSpan ? 3e9 : o.type === m.type ? 2e9 : 1e9) + shared;
      if (rank >= bestRank) {
        best = o;
        bestRank = rank;
      }
    }
    if (!best) return undefined;
    if (best.start === m.start && best.end === m.end) return { kind: 'wrong-type', otherType: best.type, otherLine: best.line };
    if (best.type === m.type) return { kind: 'boundary', start: best.start, end: best.end, text: best.text, otherLine: best.line };
    return { kind: 'overlap', otherType: best.type, start: best.start, end: best.end, otherLine: best.line };
  };
}

/** A directed relation the other side has reversed, else the same pair under another type. */
function relationNotes(fp: RelationItem[], fn: RelationItem[]): (r: RelationItem) => Note | undefined {
  if (fp.length === 0 || fn.length === 0) return () => undefined;
  const byPair = (items: RelationItem[]) => {
    const map = new Map<string, RelationItem[]>();
    for (const r of items) {
      const k = r.a <= r.b ? `${r.a}\t${r.b}` : `${r.b}\t${r.a}`;
      const list = map.get(k);
      if (list) list.push(r);
      else map.set(k, [r]);
    }
    return map;
  };
  const fpPairs = byPair(fp);
  const fnPairs = byPair(fn);
  const fpSet = new Set(fp);
  return (r) => {
    const others = (fpSet.has(r) ? fnPairs : fpPairs).get(r.a <= r.b ? `${r.a}\t${r.b}` : `${r.b}\t${r.a}`) ?? [];
    const reversed = others.find((o) => o.type === r.type && !r.symmetric && relationKey(o.type, o.b, o.a, false) === r.key);
    if (reversed) return { kind: 'reversed', otherLine: reversed.line };
    const retyped = others.find((o) => o.type !== r.type
      && (o.a === r.a && o.b === r.b || ((o.symmetric || r.symmetric) && o.a === r.b && o.b === r.a)));
    return retyped ? { kind: 'other-relation-type', otherType: retyped.type, otherLine: retyped.line } : undefined;
  };
}
