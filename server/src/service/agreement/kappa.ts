// Chance-corrected agreement over items each rater labelled with one
// category. Cohen's kappa for two raters: (po - pe) / (1 - pe), po the share
// of items both gave the same label, pe the chance of that from each rater's
// own label frequencies (sum over labels of pA(l) * pB(l)). Fleiss' kappa for
// n >= 2 raters: (P - Pe) / (1 - Pe), P the mean over items of the share of
// rater pairs that agree on it, Pe the sum over labels of the squared share
// of all labels given. Undefined (null) when chance agreement is certain
// (every rater gave one and the same label to everything) or there are no items.

export interface Agreement {
  /** Items counted. */
  items: number;
  /** Observed agreement (po, or Fleiss' P). */
  observed: number | null;
  /** Agreement expected by chance (pe, or Fleiss' Pe). */
  expected: number | null;
  kappa: number | null;
}

function kappaOf(observed: number, expected: number): number | null {
  return expected === 1 ? null : (observed - expected) / (1 - expected);
}

/** Counts, for a sequence of items, of how often each pair of labels co-occurs: enough for Cohen's kappa. */
export class CohenTally {
  items = 0;
  agree = 0;
  readonly a = new Map<string, number>();
  readonly b = new Map<string, number>();

  add(la: string, lb: string): void {
    this.items++;
    if (la === lb) this.agree++;
    this.a.set(la, (this.a.get(la) ?? 0) + 1);
    this.b.set(lb, (this.b.get(lb) ?? 0) + 1);
  }

  addAll(other: CohenTally): void {
    this.items += other.items;
    this.agree += other.agree;
    for (const [l, n] of other.a) this.a.set(l, (this.a.get(l) ?? 0) + n);
    for (const [l, n] of other.b) this.b.set(l, (this.b.get(l) ?? 0) + n);
  }

  result(): Agreement {
    if (this.items === 0) return { items: 0, observed: null, expected: null, kappa: null };
    const n = this.items;
    const observed = this.agree / n;
    let expected = 0;
    for (const [l, na] of this.a) expected += (na / n) * ((this.b.get(l) ?? 0) / n);
    return { items: n, observed, expected, kappa: kappaOf(observed, expected) };
  }
}

/** The same for any number of raters: per item, how many raters gave each label. */
export class FleissTally {
  items = 0;
  /** Sum over items of the share of agreeing rater pairs. */
  private pairShare = 0;
  readonly totals = new Map<string, number>();

  constructor(readonly raters: number) {
    if (raters < 2) throw new RangeError('Fleiss\' kappa needs at least two raters');
  }

  /** One item: the label each rater gave it. */
  add(labels: readonly string[]): void {
    const counts = new Map<string, number>();
    for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
    let pairs = 0;
    for (const [l, c] of counts) {
      pairs += c * (c - 1);
      this.totals.set(l, (this.totals.get(l) ?? 0) + c);
    }
    this.items++;
    this.pairShare += pairs / (this.raters * (this.raters - 1));
  }

  addAll(other: FleissTally): void {
    this.items += other.items;
    this.pairShare += other.pairShare;
    for (const [l, n] of other.totals) this.totals.set(l, (this.totals.get(l) ?? 0) + n);
  }

  result(): Agreement {
    if (this.items === 0) return { items: 0, observed: null, expected: null, kappa: null };
    const observed = this.pairShare / this.items;
    const all = this.items * this.raters;
    let expected = 0;
    for (const n of this.totals.values()) expected += (n / all) ** 2;
    return { items: this.items, observed, expected, kappa: kappaOf(observed, expected) };
  }
}
