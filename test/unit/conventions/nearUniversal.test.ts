// A habit is held to row by row only where it is near universal in the file
// (conventions/nearUniversal.ts): a difference a verbatim file never makes is an
// error there, and a habit much of the file departs from gives no row warnings.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check, codes, only } from '../../support/validate';
import { doc, file, row } from '../../support/build';
import { Severity } from '../../../server/src/service/types';
import { nearUniversal } from '../../../server/src/service/conventions/nearUniversal';

const TEXT = 'Ketamine and PPIX raised nitrogen-fixing in rats.';
const at = (word: string) => TEXT.indexOf(word);
interface Mention { start: number; end: number; text: string; type: string; id: string }
const WORDS: Mention[] = [
  { start: at('Ketamine'), end: at('Ketamine') + 8, text: 'Ketamine', type: 'Chemical', id: 'D1' },
  { start: at('PPIX'), end: at('PPIX') + 4, text: 'PPIX', type: 'Chemical', id: 'D2' },
  { start: at('nitrogen'), end: at('nitrogen') + 8, text: 'nitrogen', type: 'Chemical', id: 'D3' },
  { start: at('rats'), end: at('rats') + 4, text: 'rats', type: 'Species', id: '10116' },
];

/** A document of TEXT with its four mentions, each changed as `change` says, and `more` rows. */
function verbatimDoc(id: number, change: (m: Mention) => Mention = (m) => m, ...more: string[]): string {
  return doc(String(id), TEXT, '', ...WORDS.map(change).map((m) => row(id, m.start, m.end, m.text, m.type, m.id)), ...more);
}

function lineOf(text: string, id: number, m: Mention): number {
  return text.split('\n').indexOf(row(id, m.start, m.end, m.text, m.type, m.id));
}

test('near universal: all but 1% of the rows, or all but a handful', () => {
  assert.equal(nearUniversal(0, 0), true);
  assert.equal(nearUniversal(100, 10000), true);
  assert.equal(nearUniversal(101, 10000), false);
  assert.equal(nearUniversal(5, 10), true);
  assert.equal(nearUniversal(6, 100), false);
  assert.equal(nearUniversal(6, 600), true);
  // 86% of 3,243 relations listed both ways: 454 rows without their reverse are no handful.
  assert.equal(nearUniversal(454, 3243), false);
  fc.assert(fc.property(fc.nat(10000), fc.nat(10000), fc.nat(100), (d, rows, more) => {
    // Fewer departures, or more rows, never turn a near-universal habit into one that is not.
    if (nearUniversal(d + 1, rows)) assert.ok(nearUniversal(d, rows));
    if (nearUniversal(d, rows)) assert.ok(nearUniversal(d, rows + more));
  }));
});

test('a file that writes the covered text verbatim: seeded one-character boundary and case defects are errors', () => {
  const seeds = new Map<number, (m: Mention) => Mention>([
    // The end swallows the dash after the words.
    [10, (m) => (m.text === 'nitrogen' ? { ...m, end: m.end + 1 } : m)],
    // Case only.
    [20, (m) => (m.text === 'PPIX' ? { ...m, text: 'PPIx' } : m)],
    [30, (m) => (m.text === 'Ketamine' ? { ...m, text: 'ketamine' } : m)],
    // One character short at the end, and at the start.
    [40, (m) => (m.text === 'rats' ? { ...m, end: m.end - 1 } : m)],
    [50, (m) => (m.text === 'PPIX' ? { ...m, start: m.start + 1 } : m)],
  ]);
  const docs = Array.from({ length: 300 }, (_, i) => verbatimDoc(i + 1, seeds.get(i + 1)));
  const text = file(...docs);
  const found = check(text);
  assert.deepEqual(found.map((d) => [d.code, d.severity, d.range.start.line]), [
    ['span-boundary', Severity.Error, lineOf(text, 10, { ...WORDS[2], end: WORDS[2].end + 1 })],
    ['text-mismatch', Severity.Error, lineOf(text, 20, { ...WORDS[1], text: 'PPIx' })],
    ['text-mismatch', Severity.Error, lineOf(text, 30, { ...WORDS[0], text: 'ketamine' })],
    ['span-boundary', Severity.Error, lineOf(text, 40, { ...WORDS[3], end: WORDS[3].end - 1 })],
    ['span-boundary', Severity.Error, lineOf(text, 50, { ...WORDS[1], start: WORDS[1].start + 1 })],
  ]);
  const dash = found[0];
  assert.match(dash.message, /^Offsets 25-34 cover "nitrogen-", running past the row's text "nitrogen", which ends at 33\. The file writes the covered text verbatim \(in all but 3 of its 1200 spans\)/);
  // The fix moves the end back before the dash.
  assert.deepEqual({ kind: dash.data?.kind, start: dash.data?.start, end: dash.data?.end }, { kind: 'end', start: 25, end: 33 });
  assert.match(found[1].message, /cover "PPIX" but the row says "PPIx" \(they differ only in case\)\. The file writes the covered text verbatim/);
});

test('the same corpus with a normalised text column gets one note, and its seeded case rows are part of the habit', () => {
  const lower = (m: Mention) => ({ ...m, text: m.text.toLowerCase() });
  const text = file(...Array.from({ length: 300 }, (_, i) => verbatimDoc(i + 1, lower)));
  const found = check(text);
  assert.deepEqual(found.map((d) => [d.code, d.severity]), [['normalised-text-column', Severity.Information]]);
});

test('case differences too many to be slips and too few to be a habit: one note with the count, no row errors', () => {
  // 30 of 1,200 spans (2.5%) differ in case only.
  const text = file(...Array.from({ length: 300 }, (_, i) => verbatimDoc(i + 1, (m) => (i % 10 === 0 && m.text === 'PPIX' ? { ...m, text: 'ppix' } : m))));
  const found = check(text);
  assert.deepEqual(found.map((d) => [d.code, d.severity]), [['text-mismatch-minor', Severity.Information]]);
  assert.match(found[0].message, /^30 of the 1200 spans of this file differ from their row's text only in case, dashes, spaces or Greek spelling \(this is the first\)/);
  assert.equal(found[0].relatedInformation?.length, 20);
});

/** Relation rows of one type between D1, D2, D3 and 10116: three pairs both ways, and `oneWay` more listed one way. */
function relations(id: number, oneWay: boolean): string[] {
  const both = [['D1', 'D2'], ['D1', 'D3'], ['D2', '10116']].flatMap(([a, b]) => [row(id, 'Association', a, b), row(id, 'Association', b, a)]);
  return oneWay ? [...both, row(id, 'Association', 'D3', '10116')] : both;
}

test('a file listing 86% of its relations both ways gets no row warning for the others', () => {
  // 100 documents with 6 rows in pairs and 1 one way: 600 of 700 rows (85.7%) have their reverse.
  const docs = Array.from({ length: 100 }, (_, i) => verbatimDoc(i + 1, undefined, ...relations(i + 1, true)));
  assert.deepEqual(check(file(...docs)), []);
  // Where all but one relation has its reverse, the one is reported.
  const nearly = Array.from({ length: 100 }, (_, i) => verbatimDoc(i + 1, undefined, ...relations(i + 1, i === 41)));
  const text = file(...nearly);
  const oneWay = check(text);
  assert.deepEqual(oneWay.map((d) => [d.code, d.severity, d.range.start.line]),
    [['one-way-relation', Severity.Warning, text.split('\n').indexOf(row(42, 'Association', 'D3', '10116'))]]);
  assert.match(oneWay[0].message, /\(600 of its 601 Association rows have their reverse\)/);
});

test('a file listing most relations once, with many also reversed, gets no duplicate warning for the reversed ones', () => {
  const once = (id: number, reversed: boolean) => [row(id, 'Association', 'D1', 'D2'), row(id, 'Association', 'D1', 'D3'), row(id, 'Association', 'D2', '10116'),
    ...(reversed ? [row(id, 'Association', 'D2', 'D1')] : [])];
  // 30 of 100 documents list one of their relations both ways: 60 of 330 rows paired, neither habit near universal.
  assert.deepEqual(codes(file(...Array.from({ length: 100 }, (_, i) => verbatimDoc(i + 1, undefined, ...once(i + 1, i % 10 < 3))))), []);
  // Two reversed rows in a file that lists relations once: duplicates, as before.
  const text = file(...Array.from({ length: 100 }, (_, i) => verbatimDoc(i + 1, undefined, ...once(i + 1, i === 7 || i === 70))));
  assert.deepEqual(only(text, 'duplicate-relation').map((d) => d.range.start.line),
    [text.split('\n').indexOf(row(8, 'Association', 'D2', 'D1')), text.split('\n').indexOf(row(71, 'Association', 'D2', 'D1'))]);
});

test('a file where one document in ten has no abstract line is not told so ten times', () => {
  const docs = (missing: (i: number) => boolean) => Array.from({ length: 100 }, (_, i) => (missing(i)
    ? doc(String(i + 1), TEXT, undefined, ...WORDS.map((m) => row(i + 1, m.start, m.end, m.text, m.type, m.id)))
    : verbatimDoc(i + 1)));
  assert.deepEqual(check(file(...docs((i) => i % 10 === 0))), []);
  const one = only(file(...docs((i) => i === 55)), 'missing-abstract');
  assert.equal(one.length, 1);
  assert.match(one[0].message, /^Document 56 has no abstract line/);
});
