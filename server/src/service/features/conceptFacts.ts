// What the file itself says about a concept, from the mentions that carry it:
// how it is written (the most frequent surface form is its name) and typed.

import type { MentionRow } from '../parse/model';
import { entityFamily } from '../knowledge/entityTypes';

export interface Counted {
  value: string;
  count: number;
}

export interface ConceptFacts {
  /** Surface forms, most frequent first (ties: first seen first). */
  forms: Counted[];
  types: Counted[];
  /** Most carriers are species: a bare number is then a Taxonomy id. */
  species: boolean;
}

function tally(values: Iterable<string>): Counted[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Map keeps first-seen order and sort is stable, so ties stay in that order.
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count);
}

/**
 * How a mention writes one concept. BC5CDR composite mentions give the text of
 * each part in a 7th column (`|`-joined, one per id): use the part's own text.
 */
export function surfaceForm(m: MentionRow, atomKey?: string): string {
  const parts = m.extra[0]?.text.split('|');
  if (atomKey !== undefined && parts && m.concept.atoms.length > 1 && parts.length === m.concept.atoms.length) {
    const i = m.concept.atoms.findIndex((a) => a.key === atomKey);
    if (i >= 0 && parts[i].trim() !== '') return parts[i].trim();
  }
  return m.textField.text;
}

export function conceptFacts(carriers: MentionRow[], atomKey?: string): ConceptFacts {
  const forms = tally(carriers.map((m) => surfaceForm(m, atomKey)));
  const typed = carriers.filter((m) => m.typeField && m.typeField.text.trim() !== '');
  const types = tally(typed.map((m) => m.typeField!.text.trim()));
  const speciesCount = typed.filter((m) => entityFamily(m.typeField!.text) === 'species').length;
  return { forms, types, species: typed.length > 0 && speciesCount * 2 > typed.length };
}
