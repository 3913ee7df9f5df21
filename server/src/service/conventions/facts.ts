// Counts of what a file does, gathered document by document while it is
// checked and summed over the file: which entity types it uses and how often,
// which documents have an abstract line, how the text column relates to the
// covered text, whether relations are listed in both directions. learn.ts turns
// the sums into the file's habits. Facts of one document are small and
// independent of every other document, so they can be cached with it and
// summed again after an edit.

import type { DocumentAnalysis } from '../analysis/analyseDocument';
import { asciiSpellingOf, hasUnicodeSpelling } from '../analysis/textFolding';
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
  /** Spans (matching or minor) whose covered text has a Greek letter, or a dash or space outside ASCII. */
  spansUnicode: number;
  /** Of those, rows that write the covered text in ASCII and differ in nothing else. */
  spansAscii: number;
  /** Per relation type. */
  relations: Map<string, RelationTally>;
}

export function emptyFacts(): Facts {
  return {
    titled: 0, withAbstract: 0, mentions: 0, types: new Map(),
    spansInRange: 0, spansMinor: 0, spansUnexplained: 0, spansUnicode: 0, spansAscii: 0, relations: new Map(),
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
  into.spansUnicode += more.spansUnicode;
  into.spansAscii += more.spansAscii;
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

/**
 * One document's facts, kept with its cached diagnostics while its text is
 * unchanged: plain numbers and the analysis's own short type lists, no maps
 * unless it has relations (a 50 MB file has tens of thousands of documents).
 */
export interface DocumentFacts {
  titled: number;
  withAbstract: number;
  mentions: number;
  spansInRange: number;
  spansMinor: number;
  spansUnexplained: number;
  spansUnicode: number;
  spansAscii: number;
  typeNames: readonly string[];
  typeCounts: readonly number[];
  /** Per relation type, flat: type, eligible rows, paired rows, type, … (absent without relations). */
  relations?: readonly (string | number)[];
}

/** Adds one document's facts into the file's (`sign` -1 takes them out again). */
export function addDocumentFacts(into: Facts, d: DocumentFacts, sign: 1 | -1 = 1): void {
  into.titled += sign * d.titled;
  into.withAbstract += sign * d.withAbstract;
  into.mentions += sign * d.mentions;
  into.spansInRange += sign * d.spansInRange;
  into.spansMinor += sign * d.spansMinor;
  into.spansUnexplained += sign * d.spansUnexplained;
  into.spansUnicode += sign * d.spansUnicode;
  into.spansAscii += sign * d.spansAscii;
  for (let k = 0; k < d.typeNames.length; k++) {
    const type = d.typeNames[k];
    const n = (into.types.get(type) ?? 0) + sign * d.typeCounts[k];
    if (n > 0) into.types.set(type, n);
    else into.types.delete(type);
  }
  const r = d.relations;
  if (r) {
    for (let k = 0; k < r.length; k += 3) {
      const type = r[k] as string;
      let tally = into.relations.get(type);
      if (!tally) into.relations.set(type, (tally = { eligible: 0, paired: 0 }));
      tally.eligible += sign * (r[k + 1] as number);
      tally.paired += sign * (r[k + 2] as number);
      if (tally.eligible <= 0 && tally.paired <= 0) into.relations.delete(type);
    }
  }
}

/** A copy that can be changed without changing `facts`. */
export function copyFacts(facts: Facts): Facts {
  const out = emptyFacts();
  addFacts(out, facts);
  return out;
}

// Type names recur in every document: one string each, not one per document
// (a type cut from a row keeps that row's text alive). Bounded, for files with
// junk in the type column.
const interned = new Map<string, string>();
const MAX_INTERNED = 10000;

function intern(name: string): string {
  let s = interned.get(name);
  if (s === undefined) {
    if (interned.size >= MAX_INTERNED) interned.clear();
    s = (' ' + name).slice(1);
    interned.set(s, s);
  }
  return s;
}

// Most documents of a file use the same few types: one list of names each such set.
const internedLists = new Map<string, readonly string[]>();

function internList(names: readonly string[]): readonly string[] {
  if (names.length === 0) return NO_NAMES;
  const key = names.join('\u0000');
  let list = internedLists.get(key);
  if (!list) {
    if (internedLists.size >= MAX_INTERNED) internedLists.clear();
    list = Object.freeze(names.map(intern));
    internedLists.set(key, list);
  }
  return list;
}

const NO_NAMES: readonly string[] = Object.freeze([]);

/** The facts of one document, from its rows and its analysis. */
export function documentFacts(doc: PubtatorDocument, analysis: DocumentAnalysis): DocumentFacts {
  const d: DocumentFacts = {
    // Every block with a title counts, continuation blocks of one id too: facts
    // are cached per document, and whether a block continues the one before can
    // change with an edit elsewhere.
    titled: doc.title ? 1 : 0,
    withAbstract: doc.title && doc.abstract ? 1 : 0,
    mentions: doc.mentions.length,
    spansInRange: 0, spansMinor: 0, spansUnexplained: 0, spansUnicode: 0, spansAscii: 0,
    typeNames: internList(analysis.types.names),
    typeCounts: analysis.types.counts,
  };
  for (const s of analysis.spans) {
    const status = s.status;
    if (status === 'ok') {
      d.spansInRange++;
      if (hasUnicodeSpelling(s.span!.covered)) d.spansUnicode++;
    } else if (status === 'minor') {
      d.spansInRange++;
      d.spansMinor++;
      if (hasUnicodeSpelling(s.span!.covered)) {
        d.spansUnicode++;
        if (asciiSpellingOf(s.mention.textField.text, s.span!.covered)) d.spansAscii++;
      }
    } else if (status === 'boundary') d.spansInRange++;
    else if (status === 'mismatch') {
      d.spansInRange++;
      if (!s.shifted && !s.utf8) d.spansUnexplained++;
    }
  }
  if (doc.relations.length) {
    const flat: (string | number)[] = [];
    for (const [type, t] of relationKeys(doc).tallies) flat.push(intern(type), t.eligible, t.paired);
    if (flat.length) d.relations = flat;
  }
  return d;
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
  return cached(doc, RELATION_KEYS, computeRelationKeys);
}

function computeRelationKeys(doc: PubtatorDocument): DocumentRelations {
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
}

/** Key of a relation by type and ordered ends. */
export function directedKey(type: string, a: string, b: string): string {
  return type + '\t' + a + '\t' + b;
}
