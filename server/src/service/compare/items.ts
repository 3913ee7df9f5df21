// What each level compares, read from one document group, as sets keyed so
// that equal keys are the same item:
// - mention: (block, start, end, type); a span listed twice counts once; the
//   text and the id do not matter;
// - concept: (type, id) for every id part a mention row names, normalised as
//   the checker normalises ids (conceptKeys: `D003866` = `MESH:D003866`, each
//   part of a composite, the identifying parts of a variant, `-1`/`-`/empty
//   naming none);
// - relation: (type, id1, id2) with ids normalised the same way, the pair
//   ordered unless the type is symmetric.
// The document itself is the group being read, so every key is per document.

import { conceptKeys, perConcept, type ConceptRef } from '../parse/conceptIds';
import type { MentionRow, RelationRow } from '../parse/model';
import type { CompareOptions, DocumentGroup, SymmetryRule } from './model';
import { symmetryRule } from './symmetry';

export interface MentionItem {
  key: string;
  type: string;
  block: number;
  start: number;
  end: number;
  text: string;
  /** The id column as written. */
  id: string;
  /** The concepts it names (normalised keys). */
  concepts: readonly string[];
  line: number;
  row: MentionRow;
}

export interface ConceptItem {
  key: string;
  type: string;
  /** The normalised id. */
  id: string;
  /** The first mention row naming it, and its text. */
  line: number;
  text: string;
}

export interface RelationItem {
  key: string;
  type: string;
  /** Normalised ids, in the row's order. */
  a: string;
  b: string;
  /** The ids as written. */
  ids: [string, string];
  line: number;
  symmetric: boolean;
  row: RelationRow;
}

export interface GroupItems {
  mentions: Map<string, MentionItem>;
  concepts: Map<string, ConceptItem>;
  relations: Map<string, RelationItem>;
  /** Mention rows left out of the mention level: offsets that are not numbers, or start after end. */
  unusableOffsets: number;
}

/** One id of a relation row as a single key: its normalised parts, else the id as written. */
export const relationIdKey = perConcept((ref: ConceptRef): string => {
  const keys = conceptKeys(ref);
  if (keys.length === 0) return ref.raw.trim();
  return keys.length === 1 ? keys[0] : [...keys].sort().join(';');
});

export function mentionKey(block: number, start: number, end: number, type: string): string {
  return `${block}\t${start}\t${end}\t${type}`;
}

export function relationKey(type: string, a: string, b: string, symmetric: boolean): string {
  return symmetric && b < a ? `${type}\t${b}\t${a}` : `${type}\t${a}\t${b}`;
}

/** Options read once for a whole comparison. */
export interface Extraction {
  entityTypes?: ReadonlySet<string>;
  relationTypes?: ReadonlySet<string>;
  symmetric: SymmetryRule;
}

export function extraction(options: CompareOptions): Extraction {
  return { entityTypes: options.entityTypes, relationTypes: options.relationTypes, symmetric: options.symmetric ?? symmetryRule() };
}

export function extractItems(group: DocumentGroup, x: Extraction): GroupItems {
  const items: GroupItems = { mentions: new Map(), concepts: new Map(), relations: new Map(), unusableOffsets: 0 };
  group.blocks.forEach((doc, block) => {
    for (const m of doc.mentions) {
      const type = m.typeField?.text.trim() ?? '';
      if (x.entityTypes && !x.entityTypes.has(type)) continue;
      const concepts = conceptKeys(m.concept);
      for (const id of concepts) {
        const key = `${type}\t${id}`;
        if (!items.concepts.has(key)) items.concepts.set(key, { key, type, id, line: m.line, text: m.textField.text });
      }
      if (m.start === undefined || m.end === undefined || m.start > m.end) {
        items.unusableOffsets++;
        continue;
      }
      const key = mentionKey(block, m.start, m.end, type);
      if (items.mentions.has(key)) continue;
      items.mentions.set(key, {
        key, type, block, start: m.start, end: m.end, text: m.textField.text,
        id: m.idField?.text.trim() ?? '', concepts, line: m.line, row: m,
      });
    }
    for (const r of doc.relations) {
      const type = r.typeField.text.trim();
      if (x.relationTypes && !x.relationTypes.has(type)) continue;
      const a = relationIdKey(r.concepts[0]);
      const b = relationIdKey(r.concepts[1]);
      const symmetric = x.symmetric(type);
      const key = relationKey(type, a, b, symmetric);
      if (items.relations.has(key)) continue;
      items.relations.set(key, {
        key, type, a, b, ids: [r.idFields[0].text.trim(), r.idFields[1].text.trim()], line: r.line, symmetric, row: r,
      });
    }
  });
  return items;
}
