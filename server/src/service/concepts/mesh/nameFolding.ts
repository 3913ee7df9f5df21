// How names are folded for search by what a user types: case, accents, Greek
// letters (spelled out, as MeSH writes them), apostrophes dropped, and every
// run of other punctuation, dashes or white space made one space, so that
// "covid 19" finds COVID-19 and "pain intract" finds "Pain, Intractable".
// Looser than foldedForms (analysis/textFolding.ts), whose output keys the
// name check and must not change: a search may find more, a check may not.

import { GREEK_NAMES } from '../../analysis/textFolding';

const MARKS = /\p{M}+/gu;
const GREEK = /[α-ω]/g;
const APOSTROPHES = /['\u2019\u02bc]/g;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

export function foldForSearch(s: string): string {
  return s.normalize('NFKD').replace(MARKS, '').toLowerCase()
    .replace(GREEK, (g) => GREEK_NAMES[g] ?? g)
    .replace(APOSTROPHES, '')
    .replace(SEPARATORS, ' ')
    .trim();
}

/** A word inside a name a search finds it by: where it starts in the name (UTF-16) and its folded rest. */
export interface InnerWord {
  at: number;
  folded: string;
}

/**
 * The words after the first that a name can be found by ("manag" finds Pain
 * Management): those starting with a letter (not the digits and locants of
 * chemical names), at most `max`. Each one's folded rest must be the end of
 * the folded name, so that the search, which folds the rest again, sorts it
 * where the build put it; a word for which that fails is left out.
 */
export function innerWords(name: string, folded: string, max: number): InnerWord[] {
  const words: InnerWord[] = [];
  for (let i = 1; i < name.length && words.length < max; i++) {
    if (!LETTER.test(name[i]) || WORD_CHAR.test(name[i - 1]) || /[\p{M}'\u2019\u02bc]/u.test(name[i - 1])) continue;
    const rest = foldForSearch(name.slice(i));
    if (rest && rest.length < folded.length && folded.endsWith(rest) && folded[folded.length - rest.length - 1] === ' ') {
      words.push({ at: i, folded: rest });
    }
  }
  return words;
}
