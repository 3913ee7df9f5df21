// Pairs of document groups to running totals: the counts of every level and
// type, how many documents each side has and shares, and the mention rows
// left out. Documents only one side has are scored (their items are all
// false negatives, or false positives) unless only shared documents count.

import { comparePair, type PairResult } from './comparePair';
import { extraction, type Extraction } from './items';
import type { CompareOptions, DocumentGroup } from './model';
import { Tally } from './tally';

export type DocumentScope = 'all' | 'intersection';

export interface ScorerOptions extends CompareOptions {
  /** `all` (default): documents only one side has are scored too; `intersection`: shared documents only. */
  documents?: DocumentScope;
}

export interface DocumentCounts {
  gold: number;
  predicted: number;
  shared: number;
  onlyGold: number;
  onlyPredicted: number;
}

export class Scorer {
  readonly totals = new Tally();
  readonly documents: DocumentCounts = { gold: 0, predicted: 0, shared: 0, onlyGold: 0, onlyPredicted: 0 };
  readonly unusable = { gold: 0, predicted: 0 };
  readonly scope: DocumentScope;
  readonly match: 'exact' | 'overlap';
  private readonly x: Extraction;

  constructor(options: ScorerOptions = {}) {
    this.scope = options.documents ?? 'all';
    this.match = options.match ?? 'exact';
    this.x = extraction(options);
  }

  /** Whether a pair is scored at all (a document only one side has, under `intersection`, is not). */
  scores(gold: DocumentGroup | undefined, predicted: DocumentGroup | undefined): boolean {
    return (gold !== undefined && predicted !== undefined) || this.scope === 'all';
  }

  /** Counts the documents of a pair; compares them unless they are not scored. */
  pair(gold: DocumentGroup | undefined, predicted: DocumentGroup | undefined): PairResult | undefined {
    this.countDocuments(gold, predicted);
    if (!this.scores(gold, predicted)) return undefined;
    const result = comparePair(gold, predicted, this.x, this.match);
    this.add(result);
    return result;
  }

  countDocuments(gold: DocumentGroup | undefined, predicted: DocumentGroup | undefined): void {
    if (gold) this.documents.gold++;
    if (predicted) this.documents.predicted++;
    if (gold && predicted) this.documents.shared++;
    else if (gold) this.documents.onlyGold++;
    else if (predicted) this.documents.onlyPredicted++;
  }

  /** Adds a result computed before (the editor keeps results of unchanged documents). */
  add(result: PairResult): void {
    this.totals.addAll(result.tally);
    this.unusable.gold += result.unusable.gold;
    this.unusable.predicted += result.unusable.predicted;
  }

  /** The comparison settings of a pair's result, so a kept result is reused only under the same ones. */
  get extraction(): Extraction {
    return this.x;
  }
}
