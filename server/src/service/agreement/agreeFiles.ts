// Agreement between two or more annotators' files of the same documents:
// pairwise `compare` scores (F1 is symmetric, so which file is the reference
// does not matter) per level and type, and chance-corrected agreement over
// tokens (tokens.ts): Cohen's kappa for two files, Fleiss' for more, over all
// labels (`*`) and per entity type (that type against anything else). Either
// for the whole files or per document.

import { compareFiles } from '../compare/compareFiles';
import { groupsOf } from '../compare/groups';
import { groupKey, type DocumentGroup } from '../compare/model';
import type { ScorerOptions } from '../compare/scorer';
import { MICRO, type Score } from '../compare/tally';
import type { ParsedFile } from '../parse/model';
import { CohenTally, FleissTally, type Agreement } from './kappa';
import { groupTokens, tokenLabels } from './tokens';

export interface PairScores {
  /** Indexes of the two files (a < b). */
  a: number;
  b: number;
  scores: Score[];
}

export interface TokenAgreement {
  /** An entity type, or `*` for all labels at once. */
  type: string;
  measure: 'cohen' | 'fleiss';
  agreement: Agreement;
}

export interface DocumentAgreement {
  document: string;
  group: string;
  pairs: PairScores[];
  tokens: TokenAgreement[];
}

export interface AgreementReport {
  pairs: PairScores[];
  tokens: TokenAgreement[];
  /** With `byDocument`: the same figures per document, in the order the documents first appear. */
  documents?: DocumentAgreement[];
  /** Documents each file has. */
  documentCounts: number[];
}

export interface AgreeOptions extends ScorerOptions {
  byDocument?: boolean;
}

/** Cohen's tally for two raters, Fleiss' for more, behind one shape. */
type LabelTally = { kind: 'cohen'; t: CohenTally } | { kind: 'fleiss'; t: FleissTally };

function labelTally(raters: number): LabelTally {
  return raters === 2 ? { kind: 'cohen', t: new CohenTally() } : { kind: 'fleiss', t: new FleissTally(raters) };
}

function addLabels(x: LabelTally, labels: readonly string[]): void {
  if (x.kind === 'cohen') x.t.add(labels[0], labels[1]);
  else x.t.add(labels);
}

function addTally(x: LabelTally, y: LabelTally): void {
  if (x.kind === 'cohen' && y.kind === 'cohen') x.t.addAll(y.t);
  else if (x.kind === 'fleiss' && y.kind === 'fleiss') x.t.addAll(y.t);
}

/** Per label type (and `*`), the tallies of some tokens. */
class TokenTallies {
  private readonly byType = new Map<string, LabelTally>();
  constructor(private readonly raters: number) {}

  tally(type: string): LabelTally {
    let t = this.byType.get(type);
    if (!t) this.byType.set(type, (t = labelTally(this.raters)));
    return t;
  }

  /** Tokens labelled by every rater (labels[rater][token]): all labels, and each type against the rest. */
  addTokens(labels: readonly string[][], types: readonly string[]): void {
    const perToken: string[] = new Array(this.raters);
    const n = labels[0].length;
    const all = this.tally(MICRO);
    for (let i = 0; i < n; i++) {
      for (let r = 0; r < this.raters; r++) perToken[r] = labels[r][i];
      addLabels(all, perToken);
    }
    for (const type of types) {
      const t = this.tally(type);
      for (let i = 0; i < n; i++) {
        for (let r = 0; r < this.raters; r++) perToken[r] = labels[r][i] === type ? type : '';
        addLabels(t, perToken);
      }
    }
  }

  addAll(other: TokenTallies): void {
    for (const [type, t] of other.byType) addTally(this.tally(type), t);
  }

  results(types: readonly string[]): TokenAgreement[] {
    const measure = this.raters === 2 ? 'cohen' : 'fleiss';
    return [MICRO, ...types].map((type) => ({ type, measure, agreement: this.tally(type).t.result() }));
  }
}

function sorted(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The tokens of one document as every file labels them: labels[file][token]. */
function documentLabels(groups: (DocumentGroup | undefined)[], options: AgreeOptions): string[][] {
  const tokens = groupTokens(groups.find((g) => g !== undefined)!);
  return groups.map((g) => tokenLabels(tokens, g, options.entityTypes));
}

export function agreeFiles(files: readonly ParsedFile[], options: AgreeOptions = {}): AgreementReport {
  if (files.length < 2) throw new RangeError('agreement needs at least two files');
  const raters = files.length;
  const pairs: PairScores[] = [];
  const perDocPairs = new Map<string, PairScores[]>();
  for (let a = 0; a < raters; a++) {
    for (let b = a + 1; b < raters; b++) {
      const c = compareFiles(files[a], files[b], options);
      pairs.push({ a, b, scores: c.scorer.totals.scores() });
      if (!options.byDocument) continue;
      for (const r of c.results) {
        const list = perDocPairs.get(r.group) ?? [];
        list.push({ a, b, scores: r.tally.scores() });
        perDocPairs.set(r.group, list);
      }
    }
  }

  // Documents: every group any file has, first file's order first; with `intersection`, those all files have.
  const groups = files.map((f) => new Map(groupsOf(f).map((g) => [groupKey(g), g])));
  const order: string[] = [];
  const listed = new Set<string>();
  for (const m of groups) for (const key of m.keys()) if (!listed.has(key)) { listed.add(key); order.push(key); }
  const keys = options.documents === 'intersection' ? order.filter((k) => groups.every((m) => m.has(k))) : order;

  const docs = keys.map((key) => {
    const gs = groups.map((m) => m.get(key));
    return { key, gs, labels: documentLabels(gs, options) };
  });
  // Per type: that type against anything else, for every type any file gives any token.
  const seen = new Set<string>();
  for (const d of docs) for (const ls of d.labels) for (const l of ls) if (l !== '') seen.add(l);
  const typeList = sorted(seen);
  const total = new TokenTallies(raters);
  const documents: DocumentAgreement[] = [];
  for (const d of docs) {
    const tallies = new TokenTallies(raters);
    tallies.addTokens(d.labels, typeList);
    total.addAll(tallies);
    if (options.byDocument) {
      const any = d.gs.find((g) => g !== undefined)!;
      documents.push({ document: any.id, group: d.key, pairs: perDocPairs.get(d.key) ?? [], tokens: tallies.results(typeList) });
    }
  }
  const report: AgreementReport = { pairs, tokens: total.results(typeList), documentCounts: groups.map((m) => m.size) };
  if (options.byDocument) report.documents = documents;
  return report;
}

/** The scores of a pair at one level and type. */
export function pairScore(p: PairScores, level: Score['level'], type = MICRO): Score | undefined {
  return p.scores.find((s) => s.level === level && s.type === type);
}
