import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, file, row } from '../../support/build';
import { check, codes, only } from '../../support/validate';

const TITLE = 'Application of Ketamine in Pain Management';
const ABSTRACT = 'Since ketamine was approved, TNF-α levels and pain relief improved.';
const mention = (s: number | string, e: number | string, text: string, type = 'Chemical', id = 'MESH:D007649') =>
  row(37622028, s, e, text, type, id);
const one = (...rows: string[]) => file(doc('37622028', TITLE, ABSTRACT, ...rows));

test('a clean document has no diagnostics', () => {
  assert.deepEqual(check(one(mention(15, 23, 'Ketamine'), mention(49, 57, 'ketamine'), mention(72, 77, 'TNF-α', 'Gene', '7124'))), []);
});

test('text-mismatch: says what the span covers, what the row says, and where the text is', () => {
  const [d] = only(one(mention(16, 24, 'Ketamine')), 'text-mismatch');
  assert.equal(d.message, 'Offsets 16-24 cover "etamine " but the row says "Ketamine"; "Ketamine" occurs at 15-23 (1 earlier).');
  assert.equal(d.severity, 1);
  assert.deepEqual(d.range, { start: { line: 2, character: 9 }, end: { line: 2, character: 14 } }, 'points at the offsets');
  assert.deepEqual(d.data, { start: 15, end: 23, covered: 'etamine ' });
  const [absent] = only(one(mention(15, 23, 'Propofol')), 'text-mismatch');
  assert.match(absent.message, /"Propofol" does not occur in the document/);
});

test('case, Greek spelling, dashes and spaces: named as such, and errors in a file that writes the covered text verbatim', () => {
  const minor = (text: string, s: number, e: number) => only(one(mention(s, e, text)), 'text-mismatch');
  assert.match(minor('ketamine', 15, 23)[0].message, /differ only in case\)\. The text column holds the covered text verbatim/);
  assert.equal(minor('TNF-a', 72, 77).length, 1, 'TNF-a for TNF-α');
  assert.equal(minor('TNF-alpha', 72, 77).length, 1, 'TNF-alpha for TNF-α');
  assert.match(minor('TNF–α', 72, 77)[0].message, /differ only in the kind of hyphen or dash/, 'en dash for hyphen');
  assert.match(minor('Pain  Management', 27, 42)[0].message, /differ only in white space/);
  assert.equal(minor('ketamine', 15, 23)[0].severity, 1);
  assert.deepEqual(codes(one(mention(15, 23, 'ketamine'))), ['text-mismatch']);
});

test('offset-drift: a growing shift is reported once, not row by row', () => {
  const text = 'alpha beta gamma delta epsilon zeta eta theta iota kappa';
  const words = ['beta', 'delta', 'zeta', 'theta', 'kappa'];
  const rows = words.map((w, i) => {
    const at = text.indexOf(w) + 4; // the title "T" and a space come first
    return row(1, at - i - 1, at - i - 1 + w.length, w, 'Other', '-');
  });
  const diags = check(file(doc('1', 'Tit', text, ...rows)));
  assert.deepEqual(diags.map((d) => d.code), ['offset-drift']);
  assert.match(diags[0].message, /drift by \+1, growing to \+5 characters from offset 9 on: 5 spans/);
  assert.equal(diags[0].relatedInformation?.length, 5);
});

test('offset-drift: UTF-8 byte offsets are named as such', () => {
  const abstract = 'The Müller cell expresses GFAP and the Schwann cell expresses S100.';
  const rows = ['GFAP', 'S100'].map((w) => {
    const at = 4 + abstract.indexOf(w) + 1; // ü is 2 bytes in UTF-8
    return row(2, at, at + w.length, w, 'Gene', '-');
  });
  const diags = check(file(doc('2', 'Tit', abstract, ...rows)));
  assert.deepEqual(diags.map((d) => d.code), ['offset-drift']);
  assert.match(diags[0].message, /count UTF-8 bytes/);
});

test('offset-out-of-range, bad-offsets and span-crosses-title-abstract', () => {
  assert.match(only(one(mention(105, 113, 'Ketamine')), 'offset-out-of-range')[0].message, /Offsets 105-113 run past the end of the text, which is 110 characters long; "Ketamine" occurs at 15-23/);
  assert.match(only(one(mention('x15', 23, 'Ketamine')), 'bad-offsets')[0].message, /start offset "x15" is not a whole number/);
  assert.match(only(one(mention(23, 15, 'Ketamine')), 'bad-offsets')[0].message, /Start 23 is after end 15/);
  assert.match(only(one(mention(15, 15, 'Ketamine')), 'bad-offsets')[0].message, /empty; for "Ketamine" the end would be 23/);
  assert.match(only(one(mention(15, '9007199254740993', 'Ketamine')), 'bad-offsets')[0].message, /too large/);
  const cross = only(one(mention(27, 48, 'Pain Management Since', 'Disease')), 'span-crosses-title-abstract');
  assert.equal(cross.length, 1);
  assert.deepEqual(codes(one(mention(27, 48, 'Pain Management Since', 'Disease'))), ['span-crosses-title-abstract']);
});

test('offsets in UTF-16 units are honoured when asked for', () => {
  const text = file(doc('3', 'An 𝛼 test', 'ATP binds.', row(3, 11, 14, 'ATP', 'Chemical', 'D000255')));
  assert.deepEqual(codes(text), ['text-mismatch']);
  assert.deepEqual(codes(text, { unit: 'utf16' }), []);
});

test('severities are configurable per code, and off removes the check', () => {
  const text = one(mention(16, 24, 'Ketamine'));
  assert.equal(check(text, { severities: { 'text-mismatch': 'warning' } })[0].severity, 2);
  assert.deepEqual(check(text, { severities: { 'text-mismatch': 'off' } }), []);
});
