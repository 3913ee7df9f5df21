// Grades a difference between a row's text and what its span covers: producers
// normalise text (TNF-a for TNF-α, ASCII hyphens for dashes, collapsed spaces),
// which an annotator wants told apart from a span that is simply wrong.

export const GREEK_NAMES: Record<string, string> = {
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ζ: 'zeta', η: 'eta', θ: 'theta',
  ι: 'iota', κ: 'kappa', λ: 'lambda', μ: 'mu', ν: 'nu', ξ: 'xi', ο: 'omicron', π: 'pi', ρ: 'rho',
  σ: 'sigma', ς: 'sigma', τ: 'tau', υ: 'upsilon', φ: 'phi', χ: 'chi', ψ: 'psi', ω: 'omega',
};
const GREEK = /[α-ω]/g;
const DASHES = /[\u2010-\u2015\u2212\u00ad\ufe58\ufe63\uff0d]/g;
const SPACES = /\s+/g;

function foldCommon(s: string): string {
  return s.toLowerCase().replace(DASHES, '-').replace(SPACES, ' ').trim();
}

/** Spellings a producer may have used for the same text (also the MeSH index's term keys). */
export function foldedForms(s: string): string[] {
  const base = foldCommon(s);
  const spelled = base.replace(GREEK, (g) => GREEK_NAMES[g] ?? g);
  const initials = base.replace(GREEK, (g) => (GREEK_NAMES[g] ?? g)[0]);
  return spelled === initials ? [spelled] : [spelled, initials];
}

/** Whether two texts differ only in case, Greek spelling, dashes or white space. */
export function equalAfterFolding(a: string, b: string): boolean {
  const fa = foldedForms(a);
  const fb = foldedForms(b);
  return fa.some((x) => fb.includes(x));
}

// Separators a producer may write differently: white space, hyphens and
// dashes (a dash written as a space, or dropped: `CXCR-1`, `cxcr 1`, `CXCR1`).
const SEPARATORS = /[\s\-\u2010-\u2015\u2212\u00ad\ufe58\ufe63\uff0d]+/g;

/**
 * Looser spellings than foldedForms: separators dropped as well. Kept apart
 * from foldedForms, whose output keys the MeSH index files on disk.
 */
function looseForms(s: string): string[] {
  return foldedForms(s).map((f) => f.replace(SEPARATORS, ''));
}

/**
 * Whether two texts differ only in case, Greek spelling, dashes or white
 * space, in any combination (`CXCR-1` and `cxcr 1`, `TNF-a` and `TNF-α`).
 * Texts that differ only by dropping separators must still hold a letter or
 * digit, so that "-" and " " are not the same mention.
 */
export function equalLoosely(a: string, b: string): boolean {
  if (equalAfterFolding(a, b)) return true;
  const la = looseForms(a);
  if (la.every((f) => f === '')) return false;
  const lb = looseForms(b);
  return la.some((x) => x !== '' && lb.includes(x));
}

/** Greek letters, and dashes or spaces outside ASCII: what a producer writing ASCII spells otherwise. */
const UNICODE_SPELLED = /[α-ω\u2010-\u2015\u2212\u00ad\ufe58\ufe63\uff0d\u00a0\u2000-\u200a\u202f]/;

/** Whether a covered text holds a character that an ASCII text column spells otherwise. */
export function hasUnicodeSpelling(covered: string): boolean {
  // The regular expression alone, not a charCodeAt loop to skip ASCII text
  // first: covered texts come in every string representation V8 has (one or
  // two bytes a character, sliced or flat), and once a process has met several,
  // the optimised loop takes V8's generic path. After the real corpora, the
  // conventions' facts of a 50 MB file took 70 ms instead of 28, and the whole
  // check 9% longer; the regular expression engine has code for each kind.
  return UNICODE_SPELLED.test(covered);
}

/**
 * Whether the row's text is the covered text written in ASCII, and nothing
 * else: Greek letters spelled out (`alpha` or `a`), dashes as hyphens, odd
 * spaces as spaces; case kept.
 */
export function asciiSpellingOf(row: string, covered: string): boolean {
  if (!hasUnicodeSpelling(covered) || row === covered) return false;
  const plain = (t: string) => t.replace(DASHES, '-').replace(SPACES, ' ').trim();
  const spelled = plain(covered.replace(GREEK, (g) => GREEK_NAMES[g] ?? g));
  const initials = plain(covered.replace(GREEK, (g) => (GREEK_NAMES[g] ?? g)[0]));
  const r = plain(row);
  return r === spelled || r === initials;
}

/** One kind of difference a producer's normalisation makes, and how to undo it. */
const KINDS: [name: string, undo: (s: string) => string][] = [
  ['case', (s) => s.toLowerCase()],
  ['Greek letter spelling', (s) => s.replace(GREEK, (g) => GREEK_NAMES[g] ?? g)],
  ['dashes or white space', (s) => s.replace(SEPARATORS, '')],
];

/** Says in a few words how two texts that fold equal (loosely) differ. */
export function describeMinorDifference(row: string, covered: string): string {
  const same = (f: (s: string) => string) => f(row) === f(covered);
  if (same((s) => s.toLowerCase())) return 'only in case';
  if (same((s) => s.replace(SPACES, ' ').trim())) return 'only in white space';
  if (same((s) => s.replace(DASHES, '-'))) return 'only in the kind of hyphen or dash';
  if (same((s) => s.replace(GREEK, (g) => GREEK_NAMES[g] ?? g).toLowerCase())) return 'only in how Greek letters are spelled';
  // Several kinds at once: name each whose undoing the others cannot do without.
  const undoAll = (except: number) => (s: string) => KINDS.reduce((t, [, undo], k) => (k === except ? t : undo(t)), s);
  const needed = KINDS.filter((_, k) => !same(undoAll(k))).map(([name]) => name);
  return `only in ${joinWords(needed.length ? needed : KINDS.map(([name]) => name))}`;
}

function joinWords(words: string[]): string {
  return words.length <= 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}
