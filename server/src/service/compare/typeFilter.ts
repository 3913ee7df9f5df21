// What --entity-types and --relation-types can be told about the files: a
// type named that neither file has (a typo: "Diseas") makes every score
// empty, so it is an error that lists the types the files do have; and a type
// the gold file has but the predicted file never uses is why a micro F1 is
// low, said under the table.

import { closeSpelling } from '../conventions/spelling';
import type { DocumentGroup, Side } from './model';
import { MACRO, MICRO, type Score } from './tally';

type Seen = Record<Side, Set<string>>;

/** The entity and relation types each side uses, before any filter. */
export class TypesSeen {
  readonly entity: Seen = { gold: new Set(), predicted: new Set() };
  readonly relation: Seen = { gold: new Set(), predicted: new Set() };

  add(side: Side, group: DocumentGroup): void {
    for (const doc of group.blocks) {
      // A group may wait for its partner: rows parsed here are dropped again, as they were not there before.
      const parsed = doc.materialized;
      for (const m of doc.mentions) if (m.typeField) this.entity[side].add(m.typeField.text.trim());
      for (const r of doc.relations) this.relation[side].add(r.typeField.text.trim());
      if (!parsed) doc.release();
    }
  }
}

/** One message per name that neither side uses (`what`: "type" or "relation type"). */
export function unknownTypes(requested: readonly string[] | undefined, seen: Seen, what: string): string[] {
  if (!requested) return [];
  const all = [...new Set([...seen.gold, ...seen.predicted])].filter(Boolean).sort();
  const have = all.length ? `they have: ${all.join(', ')}` : `they have no ${what}s at all`;
  return requested.filter((t) => !seen.gold.has(t) && !seen.predicted.has(t)).map((t) => {
    const near = all.find((a) => closeSpelling(t, a));
    return `no ${what} '${t}' in either file (${have})${near ? `; did you mean '${near}'?` : ''}`;
  });
}

/** Notes on types the gold side has and the predicted side never predicts (mention and relation levels). */
export function missingOnPredicted(scores: readonly Score[], n: (count: number) => string = String): string[] {
  const notes: string[] = [];
  for (const s of scores) {
    if (s.type === MICRO || s.type === MACRO || s.level === 'concept') continue;
    if (s.tp + s.fp === 0 && s.fn > 0) {
      const items = s.level === 'mention' ? 'mentions' : 'relations';
      notes.push(`PREDICTED has no ${s.type} ${items} (GOLD has ${n(s.fn)}): all are false negatives, which lowers the micro scores.`);
    }
  }
  return notes;
}
