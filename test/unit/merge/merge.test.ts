// Merging annotation files as sets per document: a file merged with itself
// comes back byte for byte; two-way policies settle each disagreement as
// counted by hand; three-way merges apply both sides' changes, and the same
// span given two readings is one conflict, marked around whole rows, which
// the checker reports once. Real corpora: seeded copies changed on different
// documents merge to the union (skipped without ../shared/corpora).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { mergeThree, mergeTwo } from '../../../server/src/service/merge/mergeFiles';
import { parsePubtator } from '../../../server/src/service/parse/parseFile';
import { validateFile } from '../../../server/src/service/validate';
import { corporaDir, corporaSkip } from '../../support/paths';
import { TWO_DOCUMENTS } from './fixtures';

const BASE = TWO_DOCUMENTS;

const edit = (text: string, from: string, to: string) => {
  assert.ok(text.includes(from), from);
  return text.replace(from, to);
};

test('a file merged with itself is the file, byte for byte (LF, CRLF, BOM, odd spacing, no final newline)', () => {
  const variants = [BASE, BASE.replace(/\n/g, '\r\n'), '\ufeff' + BASE, BASE.replace('\tD001241\n', '\t D001241 \n'), BASE.trimEnd(), ''];
  for (const text of variants) {
    for (const prefer of ['a', 'b', 'both', 'neither'] as const) assert.equal(mergeTwo(text, text, prefer).text, text);
    assert.equal(mergeThree(text, text, text).text, text);
    assert.equal(mergeThree('', text, text).text, text);
  }
});

test('property: any small file merged with itself is itself, and three-way with an unchanged side is the other side\'s set', () => {
  const row = fc.tuple(fc.nat(20), fc.nat(20), fc.constantFrom('Chemical', 'Disease'), fc.constantFrom('D1', 'D2', '-'))
    .map(([s, e, type, id]) => `7\t${s}\t${s + e}\tx\t${type}\t${id}`);
  fc.assert(fc.property(fc.array(row, { maxLength: 8 }), fc.array(row, { maxLength: 8 }), (r1, r2) => {
    const f1 = ['7|t|Some title text here.', '7|a|x', ...r1, ''].join('\n');
    const f2 = ['7|t|Some title text here.', '7|a|x', ...r2, ''].join('\n');
    assert.equal(mergeTwo(f1, f1, 'neither').text, f1);
    // Base = ours: the result says what theirs says (as a set of rows).
    const r = mergeThree(f1, f1, f2);
    assert.equal(r.conflicts, 0);
    const rows = (t: string) => [...new Set(t.split('\n').filter((l) => l.startsWith('7\t')))].sort();
    assert.deepEqual(rows(r.text), rows(f2));
  }));
});

// A and B disagree in three ways: A alone has the CID relation; the span 12-16 is Disease in A, Symptom in B;
// B alone has "headache" (39-47). Document 2 they agree on.
const A = BASE;
const B = edit(edit(BASE, '1\tCID\tD001241\tD010146\n', ''), '1\t12\t16\tpain\tDisease\tD010146',
  '1\t12\t16\tpain\tSymptom\tD010146\n1\t39\t47\theadache\tDisease\tD006261');

test('two-way: what both have, plus each disagreement as the policy says, every one reported', () => {
  const neither = mergeTwo(A, B, 'neither');
  assert.deepEqual(neither.decisions.map((d) => [d.document, d.a.length, d.b.length, d.kept]), [
    ['1', 1, 1, 'neither'], ['1', 1, 0, 'neither'], ['1', 0, 1, 'neither'],
  ]);
  assert.equal(neither.text, edit(edit(BASE, '1\t12\t16\tpain\tDisease\tD010146\n', ''), '1\tCID\tD001241\tD010146\n', ''));
  const a = mergeTwo(A, B, 'a');
  assert.equal(a.text, A);
  assert.ok(a.decisions.every((d) => d.kept === (d.a.length ? 'a' : 'neither')));
  const b = mergeTwo(A, B, 'b');
  // B's rows go where B has them: Symptom where A's Disease was, headache after it.
  assert.equal(b.text, edit(edit(BASE, '1\tCID\tD001241\tD010146\n', ''), '1\t12\t16\tpain\tDisease\tD010146',
    '1\t12\t16\tpain\tSymptom\tD010146\n1\t39\t47\theadache\tDisease\tD006261'));
  const both = mergeTwo(A, B, 'both');
  assert.equal(both.text, edit(BASE, '1\t12\t16\tpain\tDisease\tD010146',
    '1\t12\t16\tpain\tDisease\tD010146\n1\t12\t16\tpain\tSymptom\tD010146\n1\t39\t47\theadache\tDisease\tD006261'));
  assert.deepEqual(both.decisions.map((d) => d.kept), ['both', 'a', 'b']);
});

test('two-way: a document only one file has is kept and reported; B\'s go where B has them', () => {
  const three = '3|t|Cough.\n3|a|y\n3\t0\t5\tCough\tDisease\tD003371\n';
  const r = mergeTwo(A, three + '\n' + BASE, 'neither');
  assert.equal(r.text, three + '\n' + BASE);
  assert.deepEqual(r.decisions.map((d) => [d.kind, d.document, d.kept]), [['document', '3', 'b']]);
});

test('three-way: changes on different rows of one document merge cleanly; the same span read two ways is one conflict', () => {
  const ours = edit(BASE, '1\t0\t7\tAspirin\tChemical\tD001241', '1\t0\t7\tAspirin\tChemical\tMESH:D001241');
  const theirs = edit(BASE, '2\t0\t5\tFever\tDisease\tD005334', '2\t0\t5\tFever\tDisease\tD005334\n2\t9\t17\tchildren\tSpecies\t9606');
  const clean = mergeThree(BASE, ours, theirs);
  assert.equal(clean.conflicts, 0);
  assert.equal(clean.text, edit(ours, '2\t0\t5\tFever\tDisease\tD005334', '2\t0\t5\tFever\tDisease\tD005334\n2\t9\t17\tchildren\tSpecies\t9606'));
  // Both add a reading of 12-16 (each replacing the base's): a conflict around whole rows.
  const o2 = edit(BASE, '1\t12\t16\tpain\tDisease\tD010146', '1\t12\t16\tpain\tSymptom\tD010146');
  const t2 = edit(BASE, '1\t12\t16\tpain\tDisease\tD010146', '1\t12\t16\tpain\tDisease\tD059350');
  const r = mergeThree(BASE, o2, t2);
  assert.equal(r.conflicts, 1);
  assert.equal(r.text, edit(BASE, '1\t12\t16\tpain\tDisease\tD010146',
    '<<<<<<< ours\n1\t12\t16\tpain\tSymptom\tD010146\n=======\n1\t12\t16\tpain\tDisease\tD059350\n>>>>>>> theirs'));
  // The checker: one problem for the conflict, no malformed line for its markers.
  const diagnostics = validateFile(parsePubtator(r.text));
  assert.deepEqual(diagnostics.filter((d) => d.code === 'malformed-line'), []);
  const conflicts = diagnostics.filter((d) => d.code === 'merge-conflict');
  assert.equal(conflicts.length, 1, JSON.stringify(diagnostics));
  assert.equal(conflicts[0].range.start.line, 3);
  assert.match(conflicts[0].message, /Unresolved merge conflict: ours has 1 row, theirs 1 row/);
});

test('three-way: documents added, deleted, or deleted on one side and changed on the other', () => {
  const three = '3|t|Cough.\n3|a|y\n3\t0\t5\tCough\tDisease\tD003371';
  const withThree = BASE.replace('\n\n2|t|', `\n\n${three}\n\n2|t|`);
  assert.equal(mergeThree(BASE, BASE, withThree).text, withThree);
  const withoutTwo = BASE.slice(0, BASE.indexOf('2|t|'));
  assert.equal(mergeThree(BASE, BASE, withoutTwo).text, withoutTwo);
  // Theirs' new document goes after ours' last (ours' blank line at the end stays at the end).
  assert.equal(mergeThree(BASE, withoutTwo, withThree).text, withoutTwo.replace(/\n\n$/, `\n\n${three}\n\n`));
  const changedTwo = edit(BASE, 'D005334', 'D000001');
  const r = mergeThree(BASE, changedTwo, withoutTwo);
  assert.equal(r.conflicts, 1);
  assert.match(r.text, /<<<<<<< ours\n2\|t\|Fever\.\n[^]*D000001\n=======\n>>>>>>> theirs\n/);
});

/** Seeded edits of a corpus on chosen documents: drop every third mention row, retype every fifth. */
function seeded(text: string, docs: Set<string>): string {
  let n = 0;
  return text.split('\n').flatMap((line) => {
    const f = line.split('\t');
    if (f.length < 6 || !docs.has(f[0]) || !/^\d+$/.test(f[1])) return [line];
    n++;
    if (n % 3 === 0) return [];
    if (n % 5 === 0) return [[...f.slice(0, 5), 'MESH:seeded' + n, ...f.slice(6)].join('\t')];
    return [line];
  }).join('\n');
}

test('real corpus: two seeded copies changed on different documents merge to the union, no conflict', { skip: corporaSkip }, () => {
  const base = readFileSync(join(corporaDir, 'bc5cdr/CDR_TestSet.PubTator.txt'), 'utf8');
  assert.equal(mergeTwo(base, base, 'neither').text, base);
  assert.equal(mergeThree(base, base, base).text, base);
  const ids = [...new Set(base.split('\n').map((l) => /^(\d+)\|t\|/.exec(l)?.[1]).filter((x): x is string => !!x))];
  const even = new Set(ids.filter((_, i) => i % 2 === 0).slice(0, 100));
  const odd = new Set(ids.filter((_, i) => i % 2 === 1).slice(0, 100));
  const ours = seeded(base, even);
  const theirs = seeded(base, odd);
  assert.notEqual(ours, base);
  const r = mergeThree(base, ours, theirs);
  assert.equal(r.conflicts, 0);
  // Edits in place on disjoint documents: the union is exactly both edits applied.
  assert.equal(r.text, seeded(ours, odd));
  // Two-way, --prefer both, of the two copies: each document as its editor left it plus the other's dropped rows back.
  assert.equal(mergeTwo(ours, theirs, 'a').text, ours);
});
