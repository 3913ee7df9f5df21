// What the pickers offer. Entity types: the schema's (when it declares them),
// else the file's, most used first, each with its count. Ids for some words:
// the ids already given to the same text in this file, then in the corpus's
// other files, then the file's other ids of that type, most used first; with
// a MeSH index, each MeSH id says its heading and whether the words are one of
// its names. Relation types for two mentions: those the
// schema allows between their types, else the file's own, most used first.

import type { ParsedFile, PubtatorDocument } from '../../parse/model';
import type { CorpusSchema } from '../../schema/schema';
import { schemaFamilies } from '../../schema/families';
import type { EntityFamily } from '../../knowledge/entityTypes';
import { parseConceptId, type ConceptRef } from '../../parse/conceptIds';
import type { IdsByText } from '../../features/idsByText';
import { meshRecord, type MeshLookup } from '../../concepts/conceptSources';
import { meshNameMismatch } from '../../concepts/meshChecks';
import { meshUiOf } from '../../concepts/meshIds';
import { forSampled } from './conventions';

export interface Choice {
  value: string;
  /** Rows of the file (sampled) that use it. */
  count: number;
  detail?: string;
  /** An entity type's colour family. */
  family?: EntityFamily;
}

function ranked(counts: Map<string, number>): Choice[] {
  return [...counts].sort((a, b) => b[1] - a[1]).map(([value, count]) => ({ value, count }));
}

function bump(counts: Map<string, number>, v: string | undefined): void {
  const t = v?.trim();
  if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
}

export function typeChoices(file: ParsedFile, doc: PubtatorDocument | undefined, schema?: CorpusSchema): Choice[] {
  const used = new Map<string, number>();
  forSampled(file, doc, (d) => {
    for (const m of d.mentions) bump(used, m.typeField?.text);
  });
  const families = schemaFamilies(schema);
  const withFamily = (c: Choice): Choice => ({ ...c, family: families.of(c.value) });
  if (!schema?.entityTypes?.size) return ranked(used).map(withFamily);
  const declared = [...schema.entityTypes.keys()].map((value) => ({ value, count: used.get(value) ?? 0 }));
  // Stable sort: equal counts keep the schema's order.
  return declared.sort((a, b) => b.count - a.count).map(withFamily);
}

/** Another file of the corpus whose ids the id picker offers. */
export interface CorpusFile {
  /** How the picker names it (a file name). */
  name: string;
  file: ParsedFile;
}

/** A file of the corpus that is not open, known by the index of its ids (features/idsByText.ts). */
export interface IndexedCorpusFile {
  name: string;
  ids: IdsByText;
}

export interface IdContext {
  /** The corpus's other files (the open ones, say): ids they gave to the same words. */
  others?: readonly CorpusFile[];
  /** Its files that are not open, by their index: never one of `others`. */
  indexed?: readonly IndexedCorpusFile[];
  /** An open MeSH index: headings for MeSH ids. */
  mesh?: MeshLookup;
}

/** Other files read for ids: enough to find a corpus's habit, never a stall. */
const MAX_OTHER_FILES = 20;

export function idChoices(file: ParsedFile, doc: PubtatorDocument | undefined, text: string, type: string, context: IdContext = {}): Choice[] {
  const sameText = new Map<string, number>();
  const sameType = new Map<string, number>();
  const refs = new Map<string, ConceptRef>();
  forSampled(file, doc, (d) => {
    for (const m of d.mentions) {
      if (m.concept.none) continue;
      const id = m.concept.raw.trim();
      if (m.textField.text === text) bump(sameText, id);
      else if (m.typeField?.text.trim() === type) bump(sameType, id);
      else continue;
      if (!refs.has(id)) refs.set(id, m.concept);
    }
  });
  // The corpus: per id, the count and the files that gave it to these words.
  const elsewhere = new Map<string, { count: number; files: [name: string, count: number][] }>();
  const gave = (name: string, counts: Iterable<[string, number]>) => {
    for (const [id, count] of counts) {
      if (sameText.has(id)) continue;
      let e = elsewhere.get(id);
      if (!e) elsewhere.set(id, e = { count: 0, files: [] });
      e.count += count;
      e.files.push([name, count]);
    }
  };
  for (const other of (context.others ?? []).slice(0, MAX_OTHER_FILES)) {
    if (other.file === file) continue;
    const counts = new Map<string, number>();
    forSampled(other.file, undefined, (d) => {
      for (const m of d.mentions) {
        if (m.concept.none || m.textField.text !== text) continue;
        const id = m.concept.raw.trim();
        if (!id) continue;
        bump(counts, id);
        if (!refs.has(id)) refs.set(id, m.concept);
      }
    });
    gave(other.name, counts);
  }
  // Files that are not open: a look-up in each one's index (all its documents), nothing read.
  for (const other of context.indexed ?? []) gave(other.name, other.ids.idsFor(text));
  for (const id of elsewhere.keys()) if (!refs.has(id)) refs.set(id, parseConceptId(id));
  const named = (c: Choice, detail: string): Choice => ({ ...c, detail: withMeshName(detail, refs.get(c.value), text, context.mesh) });
  const first = ranked(sameText).map((c) => named(c, `given to ${JSON.stringify(text)} ${c.count}×`));
  const corpus = [...elsewhere].sort((a, b) => b[1].count - a[1].count)
    .map(([value, e]) => named({ value, count: e.count }, `given to ${JSON.stringify(text)} ${e.count}× in ${filesNamed(e.files)}`));
  const seen = new Set([...sameText.keys(), ...elsewhere.keys()]);
  const rest = ranked(sameType).filter((c) => !seen.has(c.value)).map((c) => named(c, `${type} id used ${c.count}×`));
  return first.concat(corpus, rest);
}

/** The files that gave an id: the one that gave it most by name, and how many others. */
function filesNamed(files: readonly [string, number][]): string {
  const first = files.reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return files.length === 1 ? first : `${first} and ${files.length - 1} other file${files.length > 2 ? 's' : ''}`;
}

/** A single MeSH id's heading (and whether the words are one of its names), after the detail. */
function withMeshName(detail: string, ref: ConceptRef | undefined, text: string, mesh: MeshLookup | undefined): string {
  if (!mesh || !ref || ref.atoms.length !== 1) return detail;
  const ui = meshUiOf(ref.atoms[0]);
  const record = ui ? meshRecord(mesh, ui) : undefined;
  if (!record) return detail;
  return `${detail} · MeSH: ${record.name}${meshNameMismatch(text, record) ? '' : ' ✓'}`;
}

export function relationTypeChoices(file: ParsedFile, doc: PubtatorDocument | undefined, a: string, b: string, schema?: CorpusSchema): Choice[] {
  const used = new Map<string, number>();
  forSampled(file, doc, (d) => {
    for (const r of d.relations) bump(used, r.typeField.text);
  });
  const declared = schema?.relationTypes;
  if (!declared?.size) return ranked(used);
  const fits = (x: string, t: string) => x === '*' || x === t || schema!.entityTypes?.get(t)?.family === x || schema!.aliases.get(x) === t;
  const allowed = [...declared.values()].filter((r) => !r.arguments?.length
    || r.arguments.some(([x, y]) => (fits(x, a) && fits(y, b)) || (fits(x, b) && fits(y, a))));
  return allowed.map((r) => ({ value: r.name, count: used.get(r.name) ?? 0 })).sort((p, q) => q.count - p.count);
}
