// Counts of each concept across the whole file, for hovers that say how often
// a concept occurs "in the file". Built in one pass on first use and cached
// per parsed file, so later requests only look a key up; the pass parses one
// document at a time and releases it, as validation does. Edits carry the
// counts over, adjusting only for the documents they touched.

import { conceptKeys as keysOf, isIdentifying, type ConceptAtom, type ConceptRef } from '../parse/conceptIds';
import type { ParsedFile, PubtatorDocument } from '../parse/model';

export interface FileCounts {
  /** Mention rows carrying the concept. */
  mentions: number;
  /** Documents with at least one such mention. */
  documents: number;
  /** Relation rows naming the concept. */
  relations: number;
}

const indexes = new WeakMap<ParsedFile, Map<string, FileCounts>>();

/** Adds (sign 1) or removes (sign -1) one document's occurrences. */
function count(index: Map<string, FileCounts>, doc: PubtatorDocument, sign: 1 | -1): void {
  // Documents parse lazily: give back the rows of those nobody had open.
  const wasParsed = doc.materialized;
  const entry = (key: string): FileCounts => {
    let e = index.get(key);
    if (!e) {
      e = { mentions: 0, documents: 0, relations: 0 };
      index.set(key, e);
    }
    return e;
  };
  const seen = new Set<string>();
  for (const m of doc.mentions) {
    for (const key of keysOf(m.concept)) {
      const e = entry(key);
      e.mentions += sign;
      if (!seen.has(key)) {
        seen.add(key);
        e.documents += sign;
      }
    }
  }
  for (const r of doc.relations) {
    const first = keysOf(r.concepts[0]);
    for (const key of first) entry(key).relations += sign;
    // A key both ids name counts once for the relation.
    for (const key of keysOf(r.concepts[1])) if (!first.includes(key)) entry(key).relations += sign;
  }
  if (!wasParsed) doc.release();
}

function indexOf(file: ParsedFile): Map<string, FileCounts> {
  let index = indexes.get(file);
  if (!index) {
    index = new Map();
    for (const doc of file.documents) count(index, doc, 1);
    indexes.set(file, index);
  }
  return index;
}

/** Counts the whole file now (the server does it when idle, so no hover waits for it). */
export function prepareFileCounts(file: ParsedFile): void {
  indexOf(file);
}

/** How often the concept `key` occurs in the whole file (zeros when never). */
export function fileCounts(file: ParsedFile, key: string): FileCounts {
  const e = indexOf(file).get(key);
  return e ? { ...e } : { mentions: 0, documents: 0, relations: 0 };
}

/**
 * After an edit, moves the counts of the old parse to the new one: the
 * documents the edit replaced are taken out and their replacements put in,
 * instead of counting the whole file again. (No counts yet: nothing to do.)
 */
export function carryFileCounts(from: ParsedFile, to: ParsedFile, removed: PubtatorDocument[], added: PubtatorDocument[]): void {
  const index = indexes.get(from);
  if (!index) return;
  for (const doc of removed) count(index, doc, -1);
  for (const doc of added) count(index, doc, 1);
  indexes.delete(from);
  indexes.set(to, index);
}

/**
 * The field a variant is best counted by across the file: its rs number, else
 * its HGVS name, else its tmVar key (the most stable first).
 */
export function variantCountingAtom(ref: ConceptRef): ConceptAtom | undefined {
  const ids = ref.atoms.filter(isIdentifying);
  return ids.find((a) => a.namespace === 'dbsnp') ?? ids.find((a) => a.namespace === 'hgvs') ?? ids[0];
}
