// Agreement figures on cases small enough to count by hand: the tokens, the
// labels, Cohen's and Fleiss' kappa (textbook tables and a document where
// kappa is far below raw agreement), pairwise F1 per level and type, and the
// per-document figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { agreeFiles, pairScore, type AgreementReport } from '../../../server/src/service/agreement/agreeFiles';
import { CohenTally, FleissTally } from '../../../server/src/service/agreement/kappa';
import { groupTokens, tokenise, tokenLabels } from '../../../server/src/service/agreement/tokens';
import { groupsOf } from '../../../server/src/service/compare/groups';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { doc, file } from '../compare/support';

const close = (actual: number | null | undefined, expected: number, what = '') =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 1e-12, `${what}: ${actual} != ${expected}`);

test('tokens: runs of letters and digits, every other visible character alone, code point offsets', () => {
  const t = tokenise('IL-2 (α𝛂β) x');
  assert.deepEqual(t.map((k) => [k.start, k.end]), [[0, 2], [2, 3], [3, 4], [5, 6], [6, 9], [9, 10], [11, 12]]);
  assert.deepEqual(tokenise('  '), []);
});

// TITLE: Lidocaine(0-9) -(9) induced(10-17) cardiac(18-25) asystole(26-34) and(35-38) methyl(39-45) dopa(46-50) .(50)
// ABSTRACT from 52: Depression(52-62) after lidocaine ;(78) hypertension treated with methyl dopa . : 19 tokens.
const A = file(doc('1', [[0, 9, 'Lidocaine', 'Chemical', 'D008012'], [18, 34, 'cardiac asystole', 'Disease', 'D006323'],
  [39, 50, 'methyl dopa', 'Chemical', 'D008750']], [['CID', 'D008012', 'D006323']]));
const B = file(doc('1', [[0, 9, 'Lidocaine', 'Chemical', 'D008012'], [26, 34, 'asystole', 'Disease', 'D006323'],
  [52, 62, 'Depression', 'Disease', 'D003866']], [['CID', 'D008012', 'D006323']]));

test('labels: the type of the mention covering the token, else none', () => {
  const g = groupsOf(parsePubtator(A))[0];
  const tokens = groupTokens(g);
  assert.equal(tokens.length, 19);
  const labels = tokenLabels(tokens, g);
  assert.deepEqual(labels.map((l, i) => (l ? `${i}:${l}` : '')).filter(Boolean), ['0:Chemical', '3:Disease', '4:Disease', '6:Chemical', '7:Chemical']);
  // A span covering part of a token labels it; where two types cover one token the first starting wins.
  const part = groupsOf(parsePubtator(file(doc('1', [[12, 14, 'du', 'Chemical'], [10, 25, 'induced cardiac', 'Disease']]))))[0];
  assert.deepEqual(tokenLabels(tokens, part).slice(2, 4), ['Disease', 'Disease']);
});

test('Cohen\'s kappa: the textbook table (po 0.7, pe 0.5, kappa 0.4)', () => {
  const t = new CohenTally();
  const add = (a: string, b: string, n: number) => { for (let i = 0; i < n; i++) t.add(a, b); };
  add('yes', 'yes', 20); add('yes', 'no', 5); add('no', 'yes', 10); add('no', 'no', 15);
  const r = t.result();
  close(r.observed, 0.7, 'po'); close(r.expected, 0.5, 'pe'); close(r.kappa, 0.4, 'kappa');
  assert.equal(r.items, 50);
});

test('Fleiss\' kappa: the textbook table (10 subjects, 14 raters, 5 categories: 0.2099)', () => {
  const table = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
  ];
  const t = new FleissTally(14);
  for (const row of table) t.add(row.flatMap((n, c) => Array<string>(n).fill(String(c))));
  const r = t.result();
  // P and Pe by their definitions, straight from the table.
  const P = table.map((row) => (row.reduce((s, n) => s + n * n, 0) - 14) / (14 * 13)).reduce((a, b) => a + b) / 10;
  const pj = [0, 1, 2, 3, 4].map((c) => table.reduce((s, row) => s + row[c], 0) / 140);
  const Pe = pj.reduce((s, p) => s + p * p, 0);
  close(r.observed, P, 'P'); close(r.expected, Pe, 'Pe');
  assert.equal(r.kappa!.toFixed(3), '0.210');
});

test('kappa is undefined when chance agreement is certain, and when there is nothing to count', () => {
  const t = new CohenTally();
  t.add('', ''); t.add('', '');
  assert.equal(t.result().kappa, null);
  assert.equal(new FleissTally(3).result().kappa, null);
});

function token(r: Pick<AgreementReport, 'tokens'>, type = '*') {
  return r.tokens.find((t) => t.type === type)!;
}

test('two files: Cohen\'s kappa 27/65 where raw agreement is 15/19; per type 16/35 and 15/34', () => {
  const r = agreeFiles([parsePubtator(A), parsePubtator(B)]);
  const all = token(r);
  assert.equal(all.measure, 'cohen');
  assert.equal(all.agreement.items, 19);
  // Agree on Lidocaine, asystole and 13 unlabelled tokens; A's counts Chemical 3, Disease 2, none 14; B's 1, 2, 16.
  close(all.agreement.observed, 15 / 19, 'po');
  close(all.agreement.expected, (3 * 1 + 2 * 2 + 14 * 16) / 361, 'pe');
  close(all.agreement.kappa, 27 / 65, 'kappa');
  close(token(r, 'Chemical').agreement.kappa, 16 / 35, 'Chemical');
  close(token(r, 'Disease').agreement.kappa, 15 / 34, 'Disease');
  assert.deepEqual(r.tokens.map((t) => t.type), ['*', 'Chemical', 'Disease']);
});

test('two files: F1 per level and type, exact and overlapping spans', () => {
  const [p] = agreeFiles([parsePubtator(A), parsePubtator(B)]).pairs;
  assert.deepEqual([p.a, p.b], [0, 1]);
  close(pairScore(p, 'mention', 'Chemical')?.f1, 2 / 3, 'mention Chemical');
  close(pairScore(p, 'mention', 'Disease')?.f1, 0, 'mention Disease');
  close(pairScore(p, 'mention')?.f1, 1 / 3, 'mention *');
  close(pairScore(p, 'concept')?.f1, 2 / 3, 'concept *');
  close(pairScore(p, 'relation', 'CID')?.f1, 1, 'relation CID');
  const [o] = agreeFiles([parsePubtator(A), parsePubtator(B)], { match: 'overlap' }).pairs;
  close(pairScore(o, 'mention', 'Disease')?.f1, 2 / 3, 'overlap Disease');
  close(pairScore(o, 'mention')?.f1, 2 / 3, 'overlap *');
  // A type filter applies to the spans and to the tokens.
  const chem = agreeFiles([parsePubtator(A), parsePubtator(B)], { entityTypes: new Set(['Chemical']) });
  assert.deepEqual(chem.tokens.map((t) => t.type), ['*', 'Chemical']);
  close(token(chem).agreement.kappa, 16 / 35, 'Chemical only');
});

test('three files: Fleiss\' kappa 193/307, and F1 for each of the three pairs', () => {
  const r = agreeFiles([parsePubtator(A), parsePubtator(B), parsePubtator(A)]);
  const all = token(r);
  assert.equal(all.measure, 'fleiss');
  // Six tokens: four 2-to-1 splits (1/3 of pairs agree), two unanimous; 13 unlabelled unanimous.
  close(all.agreement.observed, 49 / 57, 'P');
  close(all.agreement.expected, (7 * 7 + 6 * 6 + 44 * 44) / (57 * 57), 'Pe');
  close(all.agreement.kappa, 193 / 307, 'kappa');
  assert.deepEqual(r.pairs.map((p) => [p.a, p.b]), [[0, 1], [0, 2], [1, 2]]);
  close(pairScore(r.pairs[1], 'mention')?.f1, 1, 'A-A');
  close(pairScore(r.pairs[2], 'mention')?.f1, 1 / 3, 'B-A');
});

test('per document: each document\'s figures, and a document one file lacks counts as unlabelled there', () => {
  const second = doc('2', [[0, 9, 'Lidocaine', 'Chemical', 'D008012']]);
  const r = agreeFiles([parsePubtator(file(A.trim(), second)), parsePubtator(B)], { byDocument: true });
  assert.deepEqual(r.documents!.map((d) => d.document), ['1', '2']);
  close(token(r.documents![0]).agreement.kappa, 27 / 65, 'document 1');
  const d2 = r.documents![1];
  // One labelled token of 19 that B (no document 2) leaves unlabelled: pe = 18/19, po = 18/19: kappa 0.
  close(d2.tokens[0].agreement.kappa, 0, 'document 2');
  close(pairScore(d2.pairs[0], 'mention')?.f1, 0, 'document 2 F1');
  assert.equal(token(r).agreement.items, 38);
  const shared = agreeFiles([parsePubtator(file(A.trim(), second)), parsePubtator(B)], { documents: 'intersection' });
  assert.equal(token(shared).agreement.items, 19);
});

test('property: a file agrees with itself perfectly (F1 1, kappa 1 or undefined), whatever its mentions', () => {
  const text = 'Lidocaine-induced cardiac asystole and methyl dopa.';
  const span = fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom('Chemical', 'Disease'))
    .filter(([s, e]) => s < e).map(([s, e, type]) => [s, e, text.slice(s, e), type] as [number, number, string, string]);
  fc.assert(fc.property(fc.array(span, { maxLength: 6 }), (mentions) => {
    const f = parsePubtator(file(doc('9', mentions, [], text, 'x')));
    const r = agreeFiles([f, f]);
    const k = token(r).agreement.kappa;
    assert.ok(k === null || Math.abs(k - 1) < 1e-12);
    if (mentions.length) assert.equal(pairScore(r.pairs[0], 'mention')?.f1, 1);
  }));
});
