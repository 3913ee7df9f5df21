// Compact keys for "does this mention text name this record?": 32-bit hashes of
// every name and entry term after folding, so the index need not store all
// terms (a descriptor may have a hundred) to answer mesh-name-mismatch.
// Folding is analysis/textFolding.ts's (case, dashes, white space, Greek
// letters spelled out or by initial).

import { foldedForms, GREEK_NAMES } from '../../analysis/textFolding';

/** MeSH writes many entry terms inverted: `Pain, Burning` is also `Burning Pain`. */
function uninverted(term: string): string | undefined {
  const comma = term.indexOf(', ');
  if (comma < 0 || term.indexOf(',', comma + 1) >= 0) return undefined;
  return term.slice(comma + 2) + ' ' + term.slice(0, comma);
}

// MeSH spells Greek letters out (`Tumor Necrosis Factor-alpha`) where a
// producer may have written TNF-α or TNF-a: the letter form folds to both.
const SPELLED_GREEK = new RegExp(
  `(?<![a-z])(${Object.values(GREEK_NAMES).filter((n, i, all) => all.indexOf(n) === i).join('|')})(?![a-z])`,
  'gi',
);
const GREEK_LETTER: Record<string, string> = Object.fromEntries(
  Object.entries(GREEK_NAMES).filter(([letter]) => letter !== 'ς').map(([letter, name]) => [name, letter]),
);

function withGreekLetters(term: string): string | undefined {
  SPELLED_GREEK.lastIndex = 0;
  if (!SPELLED_GREEK.test(term)) return undefined;
  return term.replace(SPELLED_GREEK, (name) => GREEK_LETTER[name.toLowerCase()] ?? name);
}

/** FNV-1a over UTF-16 code units. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Keys of a mention text: match any of a record's keys and the text names it. */
export function mentionKeys(text: string): number[] {
  return foldedForms(text).map(hash32);
}

/** Sorted, distinct keys of all the names a record goes by. */
export function termKeys(terms: Iterable<string>): Uint32Array {
  const keys = new Set<number>();
  for (const term of terms) {
    const u = uninverted(term);
    for (const t of u ? [term, u] : [term]) {
      for (const f of foldedForms(t)) keys.add(hash32(f));
      const greek = withGreekLetters(t);
      if (greek) for (const f of foldedForms(greek)) keys.add(hash32(f));
    }
  }
  return Uint32Array.from(keys).sort();
}
