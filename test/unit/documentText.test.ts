import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePubtator } from '../../server/src/service/parse/parseFile';
import { mentionSpan, positionOf, rangesOfSpan, textLength, toIndex, toOffset } from '../../server/src/service/parse/documentText';
import { doc, row } from '../support/build';

// "𝛼" (U+1D6FC) is one code point but two UTF-16 units.
const ASTRAL = doc('1', 'The 𝛼 helix', 'binds ATP.', row(1, 18, 21, 'ATP', 'Chemical', 'D000255'), row(1, 19, 22, 'ATP', 'Chemical', 'D000255'));

test('code point offsets (the default) and UTF-16 offsets both map to the text', () => {
  const d = parsePubtator(ASTRAL).documents[0];
  assert.equal(d.astral, true);
  assert.equal(textLength(d, 'codepoint'), d.text.length - 1);
  assert.equal(textLength(d, 'utf16'), d.text.length);
  assert.equal(mentionSpan(d, d.mentions[0], 'codepoint')?.covered, 'ATP');
  assert.equal(mentionSpan(d, d.mentions[1], 'utf16')?.covered, 'ATP');
  assert.equal(toOffset(d, toIndex(d, 18, 'codepoint')!, 'codepoint'), 18);
});

test('text positions map back to the passage lines', () => {
  const d = parsePubtator(ASTRAL).documents[0];
  const ai = d.text.indexOf('binds');
  assert.deepEqual(positionOf(d, ai), { line: 1, character: 4 });
  const ranges = rangesOfSpan(d, 4, ai + 5);
  assert.equal(ranges.length, 2, 'a span across title and abstract gives one range per line');
  assert.deepEqual(ranges[1], { start: { line: 1, character: 4 }, end: { line: 1, character: 9 } });
});
