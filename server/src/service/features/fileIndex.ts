// Counts of each concept across the whole file, for hovers that say how often
// a concept occurs "in the file". Built in one pass on first use and cached
// per parsed file, so later requests only look a key up; the pass parses one
// document at a time and releases it, as validation does.

import { isIdentifying, type ConceptAtom, type ConceptRef } from '../parse/conceptIds';
import type { ParsedFile } from '../parse/model';

export interface FileCounts {
  /** Mention rows carrying the concept. */
  mentions: number;
  /** Documents with at least one such mention. */
  documents: number;
  /** Relation rows naming the concept. */
  relations: number;
}

interface Entry extends FileCounts {
  lastDoc: number;
}

const indexes = new WeakMap<ParsedFile, Map<string, Entry>>();

/** Keys a reference names: all parts of a plain id, the identifying parts of a variant. */
function keysOf(ref: ConceptRef): string[] {
  if (ref.none) return [];
  const keys: string[] = [];
  for (const a of ref.atoms) {
    if ((!ref.variant || isIdentifying(a)) && !keys.includes(a.key)) keys.push(a.key);
  }
  return keys;
}

function build(file: ParsedFile): Map<string, Entry> {
  const index = new Map<string, Entry>();
  const entry = (key: string): Entry => {
    let e = index.get(key);
    if (!e) {
      e = { mentions: 0, documents: 0, relations: 0, lastDoc: -1 };
      index.set(key, e);
    }
    return e;
  };
  file.documents.forEach((doc, d) => {
    // Documents parse lazily: give back the rows of those nobody had open.
    const wasParsed = doc.materialized;
    for (const m of doc.mentions) {
      for (const key of keysOf(m.concept)) {
        const e = entry(key);
        e.mentions++;
        if (e.lastDoc !== d) {
          e.documents++;
          e.lastDoc = d;
        }
      }
    }
    for (const r of doc.relations) {
      const keys = new Set([...keysOf(r.concepts[0]), ...keysOf(r.concepts[1])]);
      for (const key of keys) entry(key).relations++;
    }
    if (!wasParsed) doc.release();
  });
  return index;
}

/** How often the concept `key` occurs in the whole file (zeros when never). */
export function fileCounts(file: ParsedFile, key: string): FileCounts {
  let index = indexes.get(file);
  if (!index) {
    index = build(file);
    indexes.set(file, index);
  }
  const e = index.get(key);
  return e ? { mentions: e.mentions, documents: e.documents, relations: e.relations } : { mentions: 0, documents: 0, relations: 0 };
}

/**
 * The field a variant is best counted by across the file: its rs number, else
 * its HGVS name, else its tmVar key (the most stable first).
 */
export function variantCountingAtom(ref: ConceptRef): ConceptAtom | undefined {
  const ids = ref.atoms.filter(isIdentifying);
  return ids.find((a) => a.namespace === 'dbsnp') ?? ids.find((a) => a.namespace === 'hgvs') ?? ids[0];
}
