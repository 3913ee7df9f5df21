// How this file writes what a curation edit adds, learnt from the file itself
// (never from a corpus name): the no-id marker (empty, `-` or `-1`), whether
// mention rows keep offset order, the order a relation type takes its two
// concepts in, and the extra columns its relation rows carry (BioRED novelty).

import type { MentionRow, ParsedFile, PubtatorDocument, RelationRow } from '../../parse/model';
import type { CorpusSchema } from '../../schema/schema';

/** Documents read to learn a convention: the first ones, and the current one. */
const SAMPLE = 200;

/** Visits the sampled documents, giving back the rows of those nobody had parsed. */
export function forSampled(file: ParsedFile, doc: PubtatorDocument | undefined, visit: (d: PubtatorDocument) => void): void {
  const docs = file.documents.slice(0, SAMPLE);
  if (doc && !docs.includes(doc)) docs.push(doc);
  for (const d of docs) {
    const wasParsed = d.materialized;
    visit(d);
    if (!wasParsed) d.release();
  }
}

function mostCommon<T>(counts: Map<T, number>): T | undefined {
  let best: T | undefined;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

function bump<T>(counts: Map<T, number>, v: T): void {
  counts.set(v, (counts.get(v) ?? 0) + 1);
}

/** The no-id marker the file's rows use most (empty when none says). */
export function emptyIdMarker(file: ParsedFile, doc?: PubtatorDocument): string {
  const counts = new Map<string, number>();
  forSampled(file, doc, (d) => {
    for (const m of d.mentions) if (m.concept.none) bump(counts, m.idField?.text.trim() ?? '');
  });
  return mostCommon(counts) ?? '';
}

function sorted(mentions: readonly MentionRow[]): boolean {
  for (let i = 1; i < mentions.length; i++) {
    const a = mentions[i - 1];
    const b = mentions[i];
    if (a.start === undefined || b.start === undefined) return false;
    if (b.start < a.start) return false;
  }
  return true;
}

/** Whether new mention rows go in offset order: the document's own order, else the file's. */
export function keepsOffsetOrder(file: ParsedFile, doc: PubtatorDocument): boolean {
  if (doc.mentions.length >= 2) return sorted(doc.mentions);
  let unsorted = false;
  forSampled(file, undefined, (d) => {
    if (!unsorted && d.mentions.length >= 2 && !sorted(d.mentions)) unsorted = true;
  });
  return !unsorted;
}

/** The entity type of the mentions carrying each id in a document. */
export function typesById(doc: PubtatorDocument): Map<string, string> {
  const types = new Map<string, string>();
  for (const m of doc.mentions) {
    const id = m.concept.raw.trim();
    const type = m.typeField?.text.trim();
    if (!m.concept.none && type && !types.has(id)) types.set(id, type);
  }
  return types;
}

function argumentMatches(declared: string, type: string, schema: CorpusSchema): boolean {
  if (declared === '*' || declared === type) return true;
  const decl = schema.entityTypes?.get(type) ?? schema.entityTypes?.get(schema.aliases.get(type) ?? '');
  return decl?.family === declared || schema.aliases.get(declared) === type;
}

/**
 * Whether a relation of `type` between concepts of types `a` then `b` must be
 * written the other way round: the schema's argument types say so, else the
 * order the file's rows of that type put those types in.
 */
export function swapArguments(file: ParsedFile, doc: PubtatorDocument, type: string, a: string, b: string, schema?: CorpusSchema): boolean {
  const declared = schema?.relationTypes?.get(type)?.arguments;
  if (schema && declared?.length) {
    const forward = declared.some(([x, y]) => argumentMatches(x, a, schema) && argumentMatches(y, b, schema));
    const backward = declared.some(([x, y]) => argumentMatches(x, b, schema) && argumentMatches(y, a, schema));
    if (forward !== backward) return backward;
  }
  if (a === b) return false;
  let forward = 0;
  let backward = 0;
  forSampled(file, doc, (d) => {
    let types: Map<string, string> | undefined;
    for (const r of d.relations) {
      if (r.typeField.text.trim() !== type || r.idFields.length < 2) continue;
      types ??= typesById(d);
      const x = types.get(r.idFields[0].text.trim());
      const y = types.get(r.idFields[1].text.trim());
      if (x === a && y === b) forward++;
      if (x === b && y === a) backward++;
    }
  });
  return backward > forward;
}

/** The extra columns a new relation row of `type` gets: as many as the file's rows of that type have, each its most used value. */
export function relationExtras(file: ParsedFile, doc: PubtatorDocument, type: string): string[] {
  const same: RelationRow[] = [];
  const any: RelationRow[] = [];
  forSampled(file, doc, (d) => {
    for (const r of d.relations) (r.typeField.text.trim() === type ? same : any).push(r);
  });
  const rows = same.length ? same : any;
  const widths = new Map<number, number>();
  for (const r of rows) bump(widths, r.extra.length);
  const width = mostCommon(widths) ?? 0;
  const extras: string[] = [];
  for (let k = 0; k < width; k++) {
    const values = new Map<string, number>();
    for (const r of rows) if (r.extra[k]) bump(values, r.extra[k].text.trim());
    extras.push(mostCommon(values) ?? '');
  }
  return extras;
}
