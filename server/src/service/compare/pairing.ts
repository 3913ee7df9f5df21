// Pairs document groups of two streams by key, holding as little as it can.
// It says which stream to read next: one group from each in turn while they
// list documents in the same order, so a pair is complete as soon as both
// halves are read and memory holds one pair (plus any documents one stream
// lacks, until the other passes them). When more than `holdLimit` groups wait
// for a partner the streams are not in the same order: it then reads one
// stream (the one given as `loadSide`, the smaller) to its end, holding its
// groups, and streams the other against them, and says so once.
// Groups nobody pairs come out alone when the other stream has ended.

import type { DocumentGroup, Side } from './model';
import { groupKey } from './model';

export type PairHandler = (gold: DocumentGroup | undefined, predicted: DocumentGroup | undefined) => void;

export interface FallbackNotice {
  /** The stream now read to its end and held in memory. */
  loading: Side;
  /** Groups waiting for a partner when the order was given up. */
  waiting: number;
  /** Two keys that came in different order, for the message. */
  example?: { gold: string; predicted: string };
}

export interface PairerOptions {
  holdLimit?: number;
  loadSide?: Side;
  onFallback?: (notice: FallbackNotice) => void;
}

const other = (side: Side): Side => (side === 'gold' ? 'predicted' : 'gold');

export class DocumentPairer {
  private readonly waiting: Record<Side, Map<string, DocumentGroup>> = { gold: new Map(), predicted: new Map() };
  private readonly ended: Record<Side, boolean> = { gold: false, predicted: false };
  private turn: Side = 'gold';
  private loading: Side | undefined;
  private readonly holdLimit: number;
  private last: Record<Side, string | undefined> = { gold: undefined, predicted: undefined };
  /** Most groups held at once, for reports and tests. */
  peakWaiting = 0;

  constructor(private readonly onPair: PairHandler, private readonly options: PairerOptions = {}) {
    this.holdLimit = options.holdLimit ?? 256;
  }

  /** The stream to read a group from next; undefined when both have ended. */
  next(): Side | undefined {
    if (this.ended.gold && this.ended.predicted) return undefined;
    if (this.loading && !this.ended[this.loading]) return this.loading;
    if (this.ended[this.turn]) return other(this.turn);
    return this.turn;
  }

  get holding(): number {
    return this.waiting.gold.size + this.waiting.predicted.size;
  }

  /** Whether the streams were found out of order (one is being, or was, read ahead). */
  get outOfOrder(): boolean {
    return this.loading !== undefined;
  }

  add(side: Side, group: DocumentGroup): void {
    this.turn = other(side);
    const key = groupKey(group);
    this.last[side] = key;
    const partner = this.waiting[other(side)].get(key);
    if (partner) {
      this.waiting[other(side)].delete(key);
      this.emit(side, group, partner);
      return;
    }
    if (this.ended[other(side)]) {
      this.emit(side, group, undefined);
      return;
    }
    this.waiting[side].set(key, group);
    this.peakWaiting = Math.max(this.peakWaiting, this.holding);
    if (!this.loading && this.holding > this.holdLimit) {
      this.loading = this.options.loadSide ?? 'gold';
      const example = this.last.gold !== undefined && this.last.predicted !== undefined
        ? { gold: this.last.gold, predicted: this.last.predicted } : undefined;
      this.options.onFallback?.({ loading: this.loading, waiting: this.holding, ...(example ? { example } : {}) });
    }
  }

  /** A stream has no more groups: what waits for it will never be paired. */
  end(side: Side): void {
    if (this.ended[side]) return;
    this.ended[side] = true;
    const orphans = this.waiting[other(side)];
    for (const group of orphans.values()) this.emit(other(side), group, undefined);
    orphans.clear();
    if (this.ended[other(side)]) {
      // Both ended: anything still held on this side has no partner either.
      for (const group of this.waiting[side].values()) this.emit(side, group, undefined);
      this.waiting[side].clear();
    }
  }

  private emit(side: Side, group: DocumentGroup, partner: DocumentGroup | undefined): void {
    if (side === 'gold') this.onPair(group, partner);
    else this.onPair(partner, group);
  }
}
