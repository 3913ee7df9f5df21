// What `pubtator agree` prints: per pair of files the scores per level and
// type, then the token agreement (kappa) per type; as aligned tables, or one
// JSON object a line in compare's shape with the two files added.

import type { AgreementReport, PairScores, TokenAgreement } from '../service/agreement/agreeFiles';
import { MACRO, MICRO, type Score } from '../service/compare/tally';
import { printable } from './format';

/** `{"level","type","a","b","tp","fp","fn","precision","recall","f1"}` (+ `document` per document). */
export function pairJson(paths: readonly string[], p: PairScores, s: Score, document?: string): string {
  return JSON.stringify({
    level: s.level, type: s.type, ...(document === undefined ? {} : { document }), a: paths[p.a], b: paths[p.b],
    tp: s.tp, fp: s.fp, fn: s.fn, precision: s.precision, recall: s.recall, f1: s.f1,
  });
}

/** `{"level":"token","type","measure","tokens","observed","expected","kappa"}` (+ `document`). */
export function tokenJson(t: TokenAgreement, document?: string): string {
  const a = t.agreement;
  return JSON.stringify({
    level: 'token', type: t.type, ...(document === undefined ? {} : { document }),
    measure: t.measure, tokens: a.items, observed: a.observed, expected: a.expected, kappa: a.kappa,
  });
}

export function reportJson(paths: readonly string[], r: AgreementReport): string[] {
  const out: string[] = [];
  const figures = (pairs: PairScores[], tokens: TokenAgreement[], document?: string) => {
    for (const p of pairs) for (const s of p.scores) out.push(pairJson(paths, p, s, document));
    for (const t of tokens) out.push(tokenJson(t, document));
  };
  for (const d of r.documents ?? []) figures(d.pairs, d.tokens, d.document);
  figures(r.pairs, r.tokens);
  return out;
}

/** A, B, C ... for the tables. */
export function letter(i: number): string {
  return i < 26 ? String.fromCharCode(65 + i) : `F${i + 1}`;
}

function cell(value: number | null): string {
  return value === null ? '-' : value.toFixed(4);
}

function align(head: string[], rows: string[][], left: number): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)];
}

const typeName = (t: string) => (t === MICRO ? 'all (micro)' : t === MACRO ? 'all (macro)' : printable(t));

/** Per pair, level and type: both (TP), only the first (FN), only the second (FP), F1. */
export function pairTable(pairs: PairScores[]): string[] {
  const rows = pairs.flatMap((p) => p.scores.map((s) => [
    s.level, typeName(s.type), `${letter(p.a)}-${letter(p.b)}`,
    ...(s.type === MACRO ? ['', '', ''] : [String(s.tp), String(s.fn), String(s.fp)]),
    cell(s.f1),
  ]));
  return align(['level', 'type', 'pair', 'both', 'only 1st', 'only 2nd', 'F1'], rows, 3);
}

export function tokenTable(tokens: TokenAgreement[]): string[] {
  const kappa = tokens[0]?.measure === 'fleiss' ? "Fleiss' kappa" : "Cohen's kappa";
  const rows = tokens.map((t) => [
    t.type === MICRO ? 'all types' : printable(t.type), String(t.agreement.items),
    cell(t.agreement.observed), cell(t.agreement.expected), cell(t.agreement.kappa),
  ]);
  return align(['token label', 'tokens', 'observed', 'chance', kappa], rows, 1);
}

export function reportText(paths: readonly string[], r: AgreementReport): string {
  const out = paths.map((p, i) => `${letter(i)} = ${printable(p)} (${r.documentCounts[i]} document${r.documentCounts[i] === 1 ? '' : 's'})`);
  for (const d of r.documents ?? []) {
    out.push('', `document ${printable(d.document)}`, ...pairTable(d.pairs), '', ...tokenTable(d.tokens));
  }
  if (r.documents) out.push('', 'all documents');
  out.push('', ...pairTable(r.pairs), '', ...tokenTable(r.tokens));
  return out.join('\n') + '\n';
}
