// not-utf8: a file read with invalid bytes replaced by U+FFFD gets one error,
// at the first, and no span hint built on the replacement characters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doc, file, row } from '../../support/build';
import { check, only } from '../../support/validate';

/** Text as an editor or the CLI reads Latin-1 bytes: each invalid byte becomes U+FFFD. */
function readAsUtf8(latin1: string): string {
  return new TextDecoder('utf-8').decode(Buffer.from(latin1, 'latin1'));
}

test('a Latin-1 file: one error, at the first invalid byte (line and column), counting the documents hit', () => {
  const text = readAsUtf8(file(
    doc('1', 'Plain title', 'Caf\u00e9 and na\u00efve rats.', row(1, 12, 16, 'Caf\u00e9', 'Chemical', 'D1')),
    doc('2', 'Ol\u00e9', 'x'),
  ));
  const d = only(text, 'not-utf8');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range, { start: { line: 1, character: 7 }, end: { line: 1, character: 8 } });
  assert.match(d[0].message, /not valid UTF-8: the first invalid byte is here \(line 2, column 8\), read as U\+FFFD, and 2 documents have such bytes/);
  assert.equal(d[0].severity, 1);
});

test('the first invalid byte may sit in a row, before the passages that follow it', () => {
  const text = readAsUtf8(['1|t|Title', row(1, 0, 5, 'Title', 'Dis\u00e9ase', 'D1'), '1|a|Na\u00efve', ''].join('\n'));
  const d = only(text, 'not-utf8');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, { line: 1, character: 15 }); // 1 TAB 0 TAB 5 TAB Title TAB Dis
  assert.doesNotMatch(d[0].message, /documents have/);
});

test('a clean UTF-8 file with accents is quiet; the check can be turned off', () => {
  const text = file(doc('1', 'Caf\u00e9', 'Na\u00efve', row(1, 0, 4, 'Caf\u00e9', 'Chemical', 'D1')));
  assert.deepEqual(check(text), []);
  const bad = readAsUtf8(text);
  assert.equal(only(bad, 'not-utf8').length, 1);
  assert.equal(only(bad, 'not-utf8', { severities: { 'not-utf8': 'off' } }).length, 0);
});

test('no hint that offsets count UTF-8 bytes when the byte counts run through replacement characters', () => {
  // "na\ufffdve Ketamine": counted as UTF-8 bytes, U+FFFD is 3 bytes, so 8-16 would "fit".
  const text = readAsUtf8(file(doc('1', 'na\u00efve Ketamine', 'x', row(1, 8, 16, 'Ketamine', 'Chemical', 'D1'))));
  const mismatch = only(text, 'text-mismatch');
  assert.equal(mismatch.length, 1);
  assert.doesNotMatch(mismatch[0].message, /UTF-8/);
  assert.equal(check(text).filter((d) => d.code === 'offset-drift').length, 0);
});

test('each document is searched for U+FFFD within its own text only: a replacement in one document marks that one, in a text with Greek letters (a two-byte string) and at the last character of a document', () => {
  const text = file(
    doc('1', 'TNF-\u03b1 in rats', 'Plain.'),
    doc('2', 'Second', 'Lost byte at the end \ufffd'),
    doc('3', 'IL-\u03b2 again', 'Plain too.'),
    doc('4', '\ufffdFirst character', 'x'),
  );
  const d = only(text, 'not-utf8');
  assert.equal(d.length, 1);
  assert.deepEqual(d[0].range.start, { line: 4, character: 25 }); // 2|a|Lost byte at the end U+FFFD
  assert.match(d[0].message, /and 2 documents have such bytes/);
  assert.deepEqual(only(file(doc('1', 'TNF-\u03b1', 'clean'), doc('2', 'IL-\u03b2', 'clean')), 'not-utf8'), []);
});
