// Counts of what a file does, gathered document by document while it is
// checked and summed over the file: which entity types it uses and how often,
// which documents have an abstract line, how the text column relates to the
// covered text, whether relations are listed in both directions. learn.ts turns
// the sums into the file's habits. Facts of one document are small and
// independent of every other document, so they can be cached with it and
// summed again after an edit.

import type { DocumentAnalysis } from '../analysis/analyseDocument';
import { perConcept } from '../parse/conceptIds';
import { cached, type PubtatorDocument, type RelationRow } from '../parse/model';

export interface RelationTally {
  /** Rows joining two different concepts (the only ones that have a reverse). */
  eligible: number;
  /** Of those, rows whose reverse (same type, ids swapped) is in the same document. */
  paired: number;
}

export interface Facts {
  /** Documents with a title line. */
  titled: number;
  /** Of those, documents with an abstract line. */
  withAbstract: number;
  mentions: number;
  /** Mention rows per entity type, as written (trimmed). */
  types: Map<string, number>;
  /** Spans inside the text, whether or not their text matches. */
  spansInRange: number;
  /** Spans whose covered text differs from the row only as producers normalise. */
  spansMinor: number;
  /** Spans whose covered text differs and no shift of a few characters explains it. */
  spansUnexplained: number;
  /** Per relation type. */
  relations: Map<string, RelationTally>;
}

export function emptyFacts(): Facts {
  return {
    titled: 0, withAbstract: 0, mentions: 0, types: new Map(),
    spansInRange: 0, spansMinor: 0, spansUnexplained: 0, relations: new Map(),
  };
}

/** Adds `more` into `into`. */
export function addFacts(into: Facts, more: Facts): void {
  into.titled += more.titled;
  into.withAbstract += more.withAbstract;
  into.mentions += more.mentions;
  into.spansInRange += more.spansInRange;
  into.spansMinor += more.spansMinor;
  into.spansUnexplained += more.spansUnexplained;
  for (const [type, n] of more.types) into.types.set(type, (into.types.get(type) ?? 0) + n);
  for (const [type, t] of more.relations) {
    const tally = into.relations.get(type);
    if (tally) {
      tally.eligible += t.eligible;
      tally.paired += t.paired;
    } else {
      into.relations.set(type, { ...t });
    }
  }
}

/** Takes `less` (facts added before) out of `from` again. */
export function subtractFacts(from: Facts, less: Facts): void {
  from.titled -= less.titled;
  from.withAbstract -= less.withAbstract;
  from.mentions -= less.mentions;
  from.spansInRange -= less.spansInRange;
  from.spansMinor -= less.spansMinor;
  from.spansUnexplained -= less.spansUnexplained;
  for (const [type, n] of less.types) {
    const left = (from.types.get(type) ?? 0) - n;
    if (left > 0) from.types.set(type, left);
    else from.types.delete(type);
  }
  for (const [type, t] of less.relations) {
    const tally = from.relations.get(type);
    if (!tally) continue;
    tally.eligible -= t.eligible;
    tally.paired -= t.paired;
    if (tally.eligible <= 0 && tally.paired <= 0) from.relations.delete(type);
  }
}

/** A copy that can be changed without changing `facts`. */
export function copyFacts(facts: Facts): Facts {
  const out = emptyFacts();
  addFacts(out, facts);
  return out;
}

/** The facts of one document, from its rows and its analysis, added into `into` (a fresh object when absent). */
export function documentFacts(doc: PubtatorDocument, analysis: DocumentAnalysis, into: Facts = emptyFacts()): Facts {
  // Every block with a title counts, continuation blocks of one id too: facts
  // are cached per document, and whether a block continues the one before can
  // change with an edit elsewhere.
  if (doc.title) {
    into.titled++;
    if (doc.abstract) into.withAbstract++;
  }
  into.mentions += doc.mentions.length;
  const { names, counts } = analysis.types;
  for (let k = 0; k < names.length; k++) into.types.set(names[k], (into.types.get(names[k]) ?? 0) + counts[k]);
  for (const s of analysis.spans) {
    const status = s.status;
    if (status === 'ok') into.spansInRange++;
    else if (status === 'minor') {
      into.spansInRange++;
      into.spansMinor++;
    } else if (status === 'boundary') into.spansInRange++;
    else if (status === 'mismatch') {
      into.spansInRange++;
      if (!s.shifted && !s.utf8) into.spansUnexplained++;
    }
  }
  if (doc.relations.length) {
    for (const [type, t] of relationKeys(doc).tallies) {
      const tally = into.relations.get(type);
      if (tally) {
        tally.eligible += t.eligible;
        tally.paired += t.paired;
      } else {
        into.relations.set(type, { ...t });
      }
    }
  }
  return into;
}

/** What makes two ids the same concept: their normalised keys (else the id as written). */
export const conceptIdentity = perConcept((ref) => ref.atoms.map((a) => a.key).join(';') || ref.raw.trim());

/** A relation row's type and concept keys, worked out once per document for the checks that compare rows. */
export interface RelationKey {
  row: RelationRow;
  type: string;
  a: string;
  b: string;
  /** Type and both ends in a fixed order: the same for a row and its reverse. */
  pair: string;
  /** Whether the row lists its ends in the fixed order (a ≤ b). */
  forward: boolean;
  /** Whether the row's reverse (same type, ends swapped, different ends) is in the document. */
  paired: boolean;
}

/** A document's relation rows with their keys, and per type the rows between different concepts and how many have their reverse. */
export interface DocumentRelations {
  rows: RelationKey[];
  tallies: Map<string, RelationTally>;
}

const RELATION_KEYS = {};
const NO_RELATIONS: DocumentRelations = { rows: [], tallies: new Map() };

/** The relation rows of a document that have two concepts, with their keys (cached until the rows are released). */
export function relationKeys(doc: PubtatorDocument): DocumentRelations {
  if (doc.relations.length === 0) return NO_RELATIONS;
  return cached(doc, RELATION_KEYS, () => {
    const rows: RelationKey[] = [];
    // Per pair: 1 when listed forward, 2 backward, 3 both.
    const directions = new Map<string, number>();
    for (const row of doc.relations) {
      if (row.concepts.length < 2) continue;
      const type = row.typeField.text.trim();
      const a = conceptIdentity(row.concepts[0]);
      const b = conceptIdentity(row.concepts[1]);
      const forward = a <= b;
      const pair = forward ? directedKey(type, a, b) : directedKey(type, b, a);
      directions.set(pair, (directions.get(pair) ?? 0) | (forward ? 1 : 2));
      rows.push({ row, type, a, b, pair, forward, paired: false });
    }
    const tallies = new Map<string, RelationTally>();
    for (const r of rows) {
      if (r.a === r.b) continue;
      r.paired = directions.get(r.pair) === 3;
      let tally = tallies.get(r.type);
      if (!tally) tallies.set(r.type, (tally = { eligible: 0, paired: 0 }));
      tally.eligible++;
      if (r.paired) tally.paired++;
    }
    return { rows, tallies };
  });
}

/** Key of a relation by type and ordered ends. */
export function directedKey(type: string, a: string, b: string): string {
  return type + '\t' + a + '\t' + b;
}
