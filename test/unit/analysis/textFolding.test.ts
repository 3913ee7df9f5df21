// Which covered texts an ASCII text column would spell otherwise (Greek letters,
// dashes and spaces outside ASCII): the file's conventions count them on every
// span; the answer agrees with the full list of characters on any text, in any
// of V8's string representations (a slice of a two-byte text holding only ASCII
// characters is still two bytes a character inside).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { asciiSpellingOf, hasUnicodeSpelling } from '../../../server/src/service/analysis/textFolding';

/** The characters, as the docs list them: Greek small letters, Unicode dashes, the soft hyphen, odd spaces. */
const SPELLED = /[α-ω\u2010-\u2015\u2212\u00ad\ufe58\ufe63\uff0d\u00a0\u2000-\u200a\u202f]/;

describe('hasUnicodeSpelling', () => {
  it('finds a Greek letter, a Unicode dash or an odd space anywhere in the text', () => {
    assert.equal(hasUnicodeSpelling('TNF-α'), true);
    assert.equal(hasUnicodeSpelling('IL\u20101'), true);
    assert.equal(hasUnicodeSpelling('5\u00a0mg'), true);
    assert.equal(hasUnicodeSpelling('\u00adx'), true);
    assert.equal(hasUnicodeSpelling('TNF-a'), false);
    assert.equal(hasUnicodeSpelling('café Müller'), false);
    assert.equal(hasUnicodeSpelling(''), false);
  });

  it('agrees with the list of characters on any text, flat or cut from a one- or two-byte text', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom('α', 'ω', 'Ω', '\u2010', '\u2015', '\u2016', '\u00a0', '\u009f', '\u202f', '\uff0d', 'é', '😀'));
    fc.assert(fc.property(fc.array(piece, { maxLength: 6 }), fc.constantFrom('', 'x'.repeat(20), 'ω'.repeat(20)), (parts, around) => {
      const text = parts.join('');
      const cut = (around + text + around).slice(around.length, around.length + text.length);
      assert.equal(cut, text);
      assert.equal(hasUnicodeSpelling(text), SPELLED.test(text));
      assert.equal(hasUnicodeSpelling(cut), SPELLED.test(text));
    }), { numRuns: 2000 });
  });

  it('still tells an ASCII spelling of the covered text', () => {
    assert.equal(asciiSpellingOf('TNF-alpha', 'TNF-α'), true);
    assert.equal(asciiSpellingOf('TNF-a', 'TNF-α'), true);
    assert.equal(asciiSpellingOf('TNF-a', 'TNF-a'), false);
  });
});
