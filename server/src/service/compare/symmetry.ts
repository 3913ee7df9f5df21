// Whether a relation type joins an ordered pair (CID: chemical -> disease) or
// an unordered one (BioRED's types are annotated per pair of concepts, in no
// particular order). The one place that decides it: explicit choices first
// (command-line options, editor settings), then what a corpus schema declares,
// then the known families; any other type counts as ordered, the stricter
// reading.

import type { SymmetryRule } from './model';

/** BioRED's relation types: one annotation per unordered pair of concepts. */
const KNOWN_SYMMETRIC = [
  'Association', 'Positive_Correlation', 'Negative_Correlation', 'Bind', 'Cotreatment',
  'Comparison', 'Drug_Interaction', 'Conversion',
];
/** BioCreative V CDR: chemical-induced disease, chemical first. */
const KNOWN_DIRECTED = ['CID'];

export type Direction = 'symmetric' | 'directed';

export interface SymmetryDeclarations {
  /** Relation types to treat as unordered pairs, as typed by the user (exact names). */
  symmetric?: Iterable<string>;
  /** Relation types to treat as ordered pairs (exact names). */
  directed?: Iterable<string>;
  /** What a corpus schema says of a type, undefined when it says nothing. */
  schema?: (relationType: string) => Direction | undefined;
}

const known = new Map<string, Direction>([
  ...KNOWN_SYMMETRIC.map((t): [string, Direction] => [t.toLowerCase(), 'symmetric']),
  ...KNOWN_DIRECTED.map((t): [string, Direction] => [t.toLowerCase(), 'directed']),
]);

/** The direction of each relation type under the given declarations. */
export function relationDirection(relationType: string, declarations: SymmetryDeclarations = {}): Direction {
  const explicit = new Set(declarations.symmetric ?? []);
  if (explicit.has(relationType)) return 'symmetric';
  if (new Set(declarations.directed ?? []).has(relationType)) return 'directed';
  return declarations.schema?.(relationType) ?? known.get(relationType.toLowerCase()) ?? 'directed';
}

/** A rule for the comparison, with the declarations read once and each type decided once. */
export function symmetryRule(declarations: SymmetryDeclarations = {}): SymmetryRule {
  const symmetric = new Set(declarations.symmetric ?? []);
  const directed = new Set(declarations.directed ?? []);
  const fixed = { symmetric, directed, schema: declarations.schema };
  const decided = new Map<string, boolean>();
  return (type) => {
    let s = decided.get(type);
    if (s === undefined) {
      s = relationDirection(type, fixed) === 'symmetric';
      decided.set(type, s);
    }
    return s;
  };
}
