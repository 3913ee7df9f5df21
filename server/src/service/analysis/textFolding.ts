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

/** Says in a few words how two texts that fold equal differ. */
export function describeMinorDifference(row: string, covered: string): string {
  const same = (f: (s: string) => string) => f(row) === f(covered);
  if (same((s) => s.toLowerCase())) return 'only in case';
  if (same((s) => s.replace(SPACES, ' ').trim())) return 'only in white space';
  if (same((s) => s.replace(DASHES, '-'))) return 'only in the kind of hyphen or dash';
  if (same((s) => s.replace(GREEK, (g) => GREEK_NAMES[g] ?? g).toLowerCase())) return 'only in how Greek letters are spelled';
  return 'only in case, Greek letters, dashes or white space';
}
