// Counts of what a file does, gathered document by document while it is
// checked and summed over the file: which entity types it uses and how often,
// which documents have an abstract line, how the text column relates to the
// covered text, whether relations are listed in both directions. learn.ts turns
// the sums into the file's habits. Facts of one document are small and
// independent of every other document, so they can be cached with it and
// summed again after an edit.

import type { DocumentAnalysis } from '../analysis/analyseDocument';
import { perConcept } from '../parse/conceptIds';
import type { PubtatorDocument } from '../parse/model';

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

/** The facts of one document, from its rows and its analysis. */
export function documentFacts(doc: PubtatorDocument, analysis: DocumentAnalysis): Facts {
  const facts = emptyFacts();
  // Every block with a title counts, continuation blocks of one id too: facts
  // are cached per document, and whether a block continues the one before can
  // change with an edit elsewhere.
  if (doc.title) {
    facts.titled = 1;
    if (doc.abstract) facts.withAbstract = 1;
  }
  facts.mentions = doc.mentions.length;
  for (const m of doc.mentions) {
    const type = m.typeField?.text.trim();
    if (type) facts.types.set(type, (facts.types.get(type) ?? 0) + 1);
  }
  for (const s of analysis.spans) {
    if (s.status === 'ok' || s.status === 'minor' || s.status === 'boundary' || s.status === 'mismatch') facts.spansInRange++;
    if (s.status === 'minor') facts.spansMinor++;
    else if (s.status === 'mismatch' && !s.shifted && !s.utf8) facts.spansUnexplained++;
  }
  if (doc.relations.length) tallyRelations(doc, facts.relations);
  return facts;
}

/** A relation row's two concepts as keys, or undefined when it has no two distinct ones. */
export const relationEnds = (row: PubtatorDocument['relations'][number]): [string, string] | undefined => {
  if (row.concepts.length < 2) return undefined;
  const a = conceptIdentity(row.concepts[0]);
  const b = conceptIdentity(row.concepts[1]);
  return a === '' || b === '' || a === b ? undefined : [a, b];
};

/** What makes two ids the same concept: their normalised keys (else the id as written). */
export const conceptIdentity = perConcept((ref) => ref.atoms.map((a) => a.key).join(';') || ref.raw.trim());

/** Key of a relation by type and ordered ends. */
export function directedKey(type: string, a: string, b: string): string {
  return type + '\t' + a + '\t' + b;
}

function tallyRelations(doc: PubtatorDocument, into: Map<string, RelationTally>): void {
  const keys = new Set<string>();
  for (const r of doc.relations) {
    const ends = relationEnds(r);
    if (ends) keys.add(directedKey(r.typeField.text.trim(), ends[0], ends[1]));
  }
  for (const r of doc.relations) {
    const ends = relationEnds(r);
    if (!ends) continue;
    const type = r.typeField.text.trim();
    let tally = into.get(type);
    if (!tally) into.set(type, (tally = { eligible: 0, paired: 0 }));
    tally.eligible++;
    if (keys.has(directedKey(type, ends[1], ends[0]))) tally.paired++;
  }
}
