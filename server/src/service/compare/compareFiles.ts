// Two parsed files compared whole, in memory: the editor's comparison and the
// tests'. Pairs come in the predicted file's order, then the groups only the
// reference has. A PairCache keeps each pair's result while neither group
// changes (the editor re-parses only edited documents, so after a keystroke
// one pair is compared again, and results of documents that only moved get
// their lines shifted).

import type { ParsedFile, PubtatorDocument } from '../parse/model';
import type { PairResult } from './comparePair';
import { pairDiagnostics, shiftDiagnostics } from './pairDiagnostics';
import { groupsOf } from './groups';
import type { Difference, DocumentGroup, IdMismatch } from './model';
import { groupKey } from './model';
import { Scorer, type ScorerOptions } from './scorer';
import type { OffsetUnit } from '../types';

export interface CompareFilesOptions extends ScorerOptions {
  /**
   * For the editor: each pair's diagnostics are made while its rows are parsed
   * (in this unit) and kept with it, and its list of differences is dropped
   * (the diagnostics say all of it, and a large comparison has many).
   */
  view?: { unit: OffsetUnit };
}

export interface FileComparison {
  scorer: Scorer;
  /** Every scored pair. */
  results: PairResult[];
  /** Ids of the documents only one file has, in file order. */
  only: { gold: string[]; predicted: string[] };
}

interface Kept {
  gold: readonly PubtatorDocument[];
  predicted: readonly PubtatorDocument[];
  goldStart: number;
  predictedStart: number;
  result: PairResult;
}

/** Results per pair of groups, valid while both groups hold the same documents under the same settings. */
export class PairCache {
  private readonly kept = new WeakMap<PubtatorDocument, Kept>();

  get(gold: DocumentGroup | undefined, predicted: DocumentGroup | undefined): PairResult | undefined {
    const k = this.kept.get(anchor(gold, predicted));
    if (!k || !sameBlocks(k.gold, gold) || !sameBlocks(k.predicted, predicted)) return undefined;
    const dGold = gold ? gold.blocks[0].startLine - k.goldStart : 0;
    const dPredicted = predicted ? predicted.blocks[0].startLine - k.predictedStart : 0;
    if (dGold !== 0 || dPredicted !== 0) {
      k.result = shiftResult(k.result, dGold, dPredicted);
      k.goldStart += dGold;
      k.predictedStart += dPredicted;
    }
    // The groups are the current ones (the same documents, maybe moved).
    return { ...k.result, gold, predicted };
  }

  set(gold: DocumentGroup | undefined, predicted: DocumentGroup | undefined, result: PairResult): void {
    this.kept.set(anchor(gold, predicted), {
      gold: gold?.blocks.slice() ?? [],
      predicted: predicted?.blocks.slice() ?? [],
      goldStart: gold?.blocks[0].startLine ?? 0,
      predictedStart: predicted?.blocks[0].startLine ?? 0,
      result,
    });
  }
}

function anchor(gold: DocumentGroup | undefined, predicted: DocumentGroup | undefined): PubtatorDocument {
  return (predicted ?? gold)!.blocks[0];
}

function sameBlocks(kept: readonly PubtatorDocument[], group: DocumentGroup | undefined): boolean {
  const now = group?.blocks ?? [];
  return kept.length === now.length && kept.every((d, i) => d === now[i]);
}

/** A result with the lines of each side moved (their documents moved in the file). */
export function shiftResult(r: PairResult, dGold: number, dPredicted: number): PairResult {
  const own = (kind: 'fp' | 'fn') => (kind === 'fp' ? dPredicted : dGold);
  const differences = r.differences.map((d): Difference => {
    const moved: Difference = { ...d, line: d.line + own(d.kind) };
    if (d.note) moved.note = { ...d.note, otherLine: d.note.otherLine + own(d.kind === 'fp' ? 'fn' : 'fp') };
    return moved;
  });
  const idMismatches = r.idMismatches.map((m): IdMismatch => ({ ...m, predictedLine: m.predictedLine + dPredicted, goldLine: m.goldLine + dGold }));
  const moved: PairResult = { ...r, differences, idMismatches };
  if (r.diagnostics) moved.diagnostics = shiftDiagnostics(r.diagnostics, dGold, dPredicted);
  return moved;
}

/** Compares one pair, parsing what it needs and giving back the rows of documents nobody had parsed. */
function comparePairReleasing(
  scorer: Scorer, gold: DocumentGroup | undefined, predicted: DocumentGroup | undefined, view: CompareFilesOptions['view'],
): PairResult | undefined {
  const blocks = [...(gold?.blocks ?? []), ...(predicted?.blocks ?? [])];
  const parsed = blocks.map((d) => d.materialized);
  try {
    const result = scorer.pair(gold, predicted);
    if (result && view) {
      result.diagnostics = pairDiagnostics(result, view.unit);
      result.differences = [];
    }
    return result;
  } finally {
    blocks.forEach((d, i) => { if (!parsed[i]) d.release(); });
  }
}

/** The pairs of two files: the predicted file's groups in order, then those only the reference has. */
export function pairsOf(gold: ParsedFile, predicted: ParsedFile): [DocumentGroup | undefined, DocumentGroup | undefined][] {
  const goldGroups = new Map(groupsOf(gold).map((g) => [groupKey(g), g]));
  const out: [DocumentGroup | undefined, DocumentGroup | undefined][] = [];
  for (const p of groupsOf(predicted)) {
    const key = groupKey(p);
    const g = goldGroups.get(key);
    goldGroups.delete(key);
    out.push([g, p]);
  }
  for (const g of goldGroups.values()) out.push([g, undefined]);
  return out;
}

export function compareFiles(gold: ParsedFile, predicted: ParsedFile, options: CompareFilesOptions = {}, cache?: PairCache): FileComparison {
  const steps = comparingFiles(gold, predicted, options, cache);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return step.value;
}

/** compareFiles one pair at a time: yields after each pair, so a caller can pause between them. */
export function* comparingFiles(gold: ParsedFile, predicted: ParsedFile, options: CompareFilesOptions = {}, cache?: PairCache): Generator<void, FileComparison> {
  const scorer = new Scorer(options);
  const results: PairResult[] = [];
  const only = { gold: [] as string[], predicted: [] as string[] };
  for (const [g, p] of pairsOf(gold, predicted)) {
    if (!p) only.gold.push(g!.id);
    if (!g) only.predicted.push(p!.id);
    const kept = cache?.get(g, p);
    if (kept) {
      scorer.countDocuments(g, p);
      scorer.add(kept);
      results.push(kept);
      continue;
    }
    const result = comparePairReleasing(scorer, g, p, options.view);
    if (result) {
      cache?.set(g, p, result);
      results.push(result);
    }
    yield;
  }
  return { scorer, results, only };
}
