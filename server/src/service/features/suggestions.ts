// What to suggest when the user types or picks an entity type or a concept:
// the types the file already uses (and the corpus flavour they belong to)
// first, and the document's own concepts with the names the file gives them.
// Shared by completion and the "Annotate selection" command.

import { isIdentifying } from '../parse/conceptIds';
import type { MentionRow, ParsedFile, PubtatorDocument } from '../parse/model';
import { ENTITY_TYPES_BY_FLAVOUR } from '../knowledge/entityTypes';
import { conceptFacts } from './conceptFacts';

/** Documents read to learn which types a file uses (the first ones, and the current one). */
const SAMPLE_DOCUMENTS = 50;

export interface RankedType {
  type: string;
  /** Why it is suggested, for the item's detail. */
  detail: string;
}

function sampleDocuments(file: ParsedFile, doc: PubtatorDocument | undefined): PubtatorDocument[] {
  const docs = file.documents.slice(0, SAMPLE_DOCUMENTS);
  if (doc && !docs.includes(doc)) docs.push(doc);
  return docs;
}

/** Reads every sampled document's rows, giving back the ones nobody had open. */
function forEachSampled(file: ParsedFile, doc: PubtatorDocument | undefined, visit: (d: PubtatorDocument) => void): void {
  for (const d of sampleDocuments(file, doc)) {
    const wasParsed = d.materialized;
    visit(d);
    if (!wasParsed) d.release();
  }
}

function tally(counts: Map<string, number>, value: string): void {
  const v = value.trim();
  if (v !== '' && !/[\t\r\n]/.test(v)) counts.set(v, (counts.get(v) ?? 0) + 1);
}

/** Entity types: those the file uses (most used first), then its flavour's, then every other flavour's. */
export function rankedEntityTypes(file: ParsedFile, doc: PubtatorDocument | undefined): RankedType[] {
  const used = new Map<string, number>();
  forEachSampled(file, doc, (d) => {
    for (const m of d.mentions) if (m.typeField) tally(used, m.typeField.text);
  });
  const covered = (f: { types: string[] }) => f.types.filter((t) => used.has(t)).length / f.types.length;
  const flavours = Object.entries(ENTITY_TYPES_BY_FLAVOUR).map(([name, types], order) => ({
    name, types, order, score: types.reduce((n, t) => n + (used.get(t) ?? 0), 0),
  }));
  // Most rows of the file's types first; on a tie, the flavour those types cover more of (BC5CDR
  // over PubTator3 for Chemical and Disease), then the listed order.
  flavours.sort((a, b) => b.score - a.score || covered(b) - covered(a) || a.order - b.order);
  const out: RankedType[] = [];
  const seen = new Set<string>();
  const push = (type: string, detail: string) => {
    if (seen.has(type)) return;
    seen.add(type);
    out.push({ type, detail });
  };
  const best = flavours[0].score > 0 ? flavours[0].name : undefined;
  for (const [type, n] of [...used].sort((a, b) => b[1] - a[1])) {
    push(type, `used ${n} time${n === 1 ? '' : 's'} in this file`);
  }
  for (const f of flavours) {
    for (const type of f.types) push(type, f.name === best ? `${f.name} type (this file's flavour)` : `${f.name} type`);
  }
  return out;
}

/** Relation types the file's relation rows use, most used first. */
export function usedRelationTypes(file: ParsedFile, doc: PubtatorDocument | undefined): string[] {
  const used = new Map<string, number>();
  forEachSampled(file, doc, (d) => {
    for (const r of d.relations) tally(used, r.typeField.text);
  });
  return [...used].sort((a, b) => b[1] - a[1]).map(([t]) => t);
}

export interface DocumentConcept {
  /** The id as a row would write it (a variant's whole id, else one part of an id). */
  id: string;
  /** Most frequent surface form in the document. */
  name: string;
  type?: string;
  /** Mentions carrying it. */
  count: number;
  carriers: MentionRow[];
}

/** The concepts the document's mentions carry, most mentioned first (ties: first seen first). */
export function documentConcepts(doc: PubtatorDocument): DocumentConcept[] {
  const byKey = new Map<string, { id: string; atomKey?: string; carriers: MentionRow[] }>();
  for (const m of doc.mentions) {
    const c = m.concept;
    if (c.none) continue;
    const add = (key: string, id: string, atomKey?: string) => {
      const entry = byKey.get(key);
      if (entry) {
        if (entry.carriers[entry.carriers.length - 1] !== m) entry.carriers.push(m);
      } else {
        byKey.set(key, { id, atomKey, carriers: [m] });
      }
    };
    if (c.variant) {
      const keys = c.atoms.filter(isIdentifying).map((a) => a.key).sort();
      add('variant\t' + (keys.length ? keys.join('\t') : c.raw.trim()), c.raw.trim());
    } else {
      for (const a of c.atoms) add(a.key, a.raw, a.key);
    }
  }
  const list = [...byKey.values()].map((e) => {
    const facts = conceptFacts(e.carriers, e.atomKey);
    return { id: e.id, name: facts.forms[0]?.value ?? '', type: facts.types[0]?.value, count: e.carriers.length, carriers: e.carriers };
  });
  // Array.prototype.sort is stable: equal counts keep first-seen order.
  return list.sort((a, b) => b.count - a.count);
}
