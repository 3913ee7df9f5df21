// What a file holds, in counts: documents and their passage layout, mentions
// and distinct concepts per entity type with the id namespaces they use,
// relations per type with the entity types they join and whether they are
// listed both ways, and which offset unit fits. The basis of "Create Schema
// from This File" (schemaFromFile.ts); one pass, releasing each document's
// rows as the checker does.

import { analyseDocument } from '../analysis/analyseDocument';
import { mentionsOf } from '../analysis/analyseDocument';
import { relationKeys } from '../conventions/facts';
import type { ParsedFile, PubtatorDocument } from '../parse/model';
import { namespaceOf } from '../schema/idNamespaces';
import type { IdNamespace } from '../schema/schema';

export interface TypeProfile {
  mentions: number;
  /** Distinct concept keys (each part of a composite id). */
  concepts: Set<string>;
  namespaces: Map<IdNamespace, number>;
  /** Rows with no id (`-1`, `-`, empty). */
  noId: number;
}

export interface RelationProfile {
  rows: number;
  /** "TypeA\tTypeB" (the entity types of the first and second concept) → rows. */
  arguments: Map<string, number>;
  /** Rows between two different concepts, and of those, rows whose reverse is listed too. */
  eligible: number;
  paired: number;
}

export interface CorpusProfile {
  documents: number;
  withAbstract: number;
  /** Passage markers (`t`, `a`, `title`, `body` ...) → lines. */
  passages: Map<string, number>;
  mentions: number;
  relations: number;
  types: Map<string, TypeProfile>;
  relationTypes: Map<string, RelationProfile>;
  /**
   * Spans that fit in each unit, counted over documents where the two units
   * differ (text beyond the Basic Multilingual Plane); zero when none do.
   */
  unitEvidence: { codepoint: number; utf16: number };
}

export function corpusProfile(file: ParsedFile): CorpusProfile {
  const p: CorpusProfile = {
    documents: 0, withAbstract: 0, passages: new Map(), mentions: 0, relations: 0,
    types: new Map(), relationTypes: new Map(), unitEvidence: { codepoint: 0, utf16: 0 },
  };
  for (const doc of file.documents) {
    const wasParsed = doc.materialized;
    profileDocument(doc, p);
    if (!wasParsed) doc.release();
  }
  return p;
}

function profileDocument(doc: PubtatorDocument, p: CorpusProfile): void {
  if (!doc.continuesPrevious) p.documents++;
  if (doc.abstract) p.withAbstract++;
  for (const passage of doc.passages) p.passages.set(passage.marker.text, (p.passages.get(passage.marker.text) ?? 0) + 1);
  p.mentions += doc.mentions.length;
  p.relations += doc.relations.length;
  for (const m of doc.mentions) {
    const type = m.typeField?.text.trim();
    if (!type) continue;
    let t = p.types.get(type);
    if (!t) p.types.set(type, (t = { mentions: 0, concepts: new Set(), namespaces: new Map(), noId: 0 }));
    t.mentions++;
    if (m.concept.none) t.noId++;
    for (const atom of m.concept.atoms) {
      t.concepts.add(atom.key);
      const ns = namespaceOf(atom);
      t.namespaces.set(ns, (t.namespaces.get(ns) ?? 0) + 1);
    }
  }
  if (doc.astral) {
    for (const unit of ['codepoint', 'utf16'] as const) {
      p.unitEvidence[unit] += analyseDocument(doc, unit).spans.filter((s) => s.status === 'ok').length;
    }
  }
  if (doc.relations.length === 0) return;
  const analysis = analyseDocument(doc, 'codepoint');
  const { rows } = relationKeys(doc);
  for (const r of rows) {
    let rel = p.relationTypes.get(r.type);
    if (!rel) p.relationTypes.set(r.type, (rel = { rows: 0, arguments: new Map(), eligible: 0, paired: 0 }));
    rel.rows++;
    if (r.a !== r.b) {
      rel.eligible++;
      if (r.paired) rel.paired++;
    }
    const [a, b] = r.row.concepts.map((c) => typeOfConcept(mentionsOf(analysis, c).map((m) => m.typeField?.text.trim() ?? '')));
    if (a && b) rel.arguments.set(`${a}\t${b}`, (rel.arguments.get(`${a}\t${b}`) ?? 0) + 1);
  }
}

/** The entity type most mentions of a concept give it. */
function typeOfConcept(types: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const t of types) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  let best: string | undefined;
  for (const [t, n] of counts) if (best === undefined || n > counts.get(best)!) best = t;
  return best;
}
