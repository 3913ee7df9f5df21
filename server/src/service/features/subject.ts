// The concept a cursor on an id stands for, the mentions that carry it and
// every field of its document that names it. Plain ids are matched atom by
// atom (the part of `D014786|D006311` under the cursor); a variant id is one
// concept made of several key:value fields, so it is matched as a whole.

import { isIdentifying, type ConceptAtom, type ConceptRef } from '../parse/conceptIds';
import type { MentionRow, RelationRow } from '../parse/model';
import { mentionsOf, type DocumentAnalysis } from '../analysis/analyseDocument';
import type { Range } from '../types';
import { atomRange, fieldRangeOf, type Target } from './locate';

export type Subject =
  | { kind: 'atom'; atom: ConceptAtom; key: string }
  | { kind: 'variant'; ref: ConceptRef; origin: 'mention' | 'relation' };

export type IdTarget = Extract<Target, { kind: 'mentionId' | 'relationId' }>;

export interface Occurrence {
  row: MentionRow | RelationRow;
  range: Range;
}

export function isIdTarget(t: Target | undefined): t is IdTarget {
  return t !== undefined && (t.kind === 'mentionId' || t.kind === 'relationId');
}

/** The concept under an id target; undefined for `-1`, `-` or an empty id. */
export function subjectOf(t: IdTarget): Subject | undefined {
  if (t.ref.none || t.ref.atoms.length === 0) return undefined;
  const origin = t.kind === 'mentionId' ? 'mention' : 'relation';
  if (t.ref.variant) return { kind: 'variant', ref: t.ref, origin };
  return t.atom ? { kind: 'atom', atom: t.atom, key: t.atom.key } : undefined;
}

/** The range of the subject in the field under the cursor. */
export function subjectRange(t: IdTarget, s: Subject): Range {
  return s.kind === 'atom' ? atomRange(t.line, t.field, s.atom) : fieldRangeOf(t.line, t.field);
}

/** Whether an atom of `ref` names the concept `key` (a variant's attributes, such as its gene, do not). */
function names(ref: ConceptRef, a: ConceptAtom, key: string): boolean {
  return a.key === key && (!ref.variant || isIdentifying(a));
}

function geneKeys(ref: ConceptRef): string[] {
  return ref.atoms.filter((a) => a.namespace === 'gene').map((a) => a.key);
}

/**
 * Mentions of the same variant: they share an identifying field (tmVar key,
 * HGVS name, rs number) and do not name different genes. A relation's variant
 * id first has to resolve by the checker's rule (one mention holding all its
 * fields, see mentionsOf); when it dangles, no mention carries it.
 */
function variantCarriers(analysis: DocumentAnalysis, ref: ConceptRef, origin: 'mention' | 'relation'): MentionRow[] {
  const direct = mentionsOf(analysis, ref);
  const ids = ref.atoms.filter(isIdentifying).map((a) => a.key);
  if ((origin === 'relation' && direct.length === 0) || ids.length === 0) return direct;
  const genes = geneKeys(ref);
  const found = new Set<MentionRow>(direct);
  for (const k of ids) {
    for (const m of analysis.concepts.get(k) ?? []) {
      const other = geneKeys(m.concept);
      if (genes.length && other.length && !other.some((g) => genes.includes(g))) continue;
      found.add(m);
    }
  }
  return [...found].sort((a, b) => a.line - b.line);
}

/** Mentions carrying a relation's whole id (a composite id: its mentions as a whole, see mentionsOf). */
export function relationIdCarriers(analysis: DocumentAnalysis, ref: ConceptRef): MentionRow[] {
  return ref.variant ? variantCarriers(analysis, ref, 'relation') : mentionsOf(analysis, ref);
}

/** Mentions of the document that carry the subject, in row order. */
export function carriersOf(analysis: DocumentAnalysis, s: Subject): MentionRow[] {
  if (s.kind === 'atom') return analysis.concepts.get(s.key) ?? [];
  return variantCarriers(analysis, s.ref, s.origin);
}

function sameKeys(a: ConceptRef, b: ConceptRef): boolean {
  const ka = new Set(a.atoms.map((x) => x.key));
  const kb = new Set(b.atoms.map((x) => x.key));
  return ka.size === kb.size && [...ka].every((k) => kb.has(k));
}

/** Every mention and relation field of the document naming the subject, in line order. */
export function occurrencesOf(analysis: DocumentAnalysis, s: Subject, carriers = carriersOf(analysis, s)): Occurrence[] {
  const out: Occurrence[] = [];
  if (s.kind === 'atom') {
    for (const m of carriers) {
      if (!m.idField) continue;
      for (const a of m.concept.atoms) {
        if (names(m.concept, a, s.key)) out.push({ row: m, range: atomRange(m.line, m.idField, a) });
      }
    }
    for (const r of analysis.doc.relations) {
      r.concepts.forEach((ref, i) => {
        for (const a of ref.atoms) {
          if (names(ref, a, s.key)) out.push({ row: r, range: atomRange(r.line, r.idFields[i], a) });
        }
      });
    }
  } else {
    const carrying = new Set(carriers);
    for (const m of carriers) {
      if (m.idField) out.push({ row: m, range: fieldRangeOf(m.line, m.idField) });
    }
    for (const r of analysis.doc.relations) {
      r.concepts.forEach((ref, i) => {
        if (ref.none) return;
        const hit = carrying.size
          ? mentionsOf(analysis, ref).some((m) => carrying.has(m))
          : sameKeys(ref, s.ref);
        if (hit) out.push({ row: r, range: fieldRangeOf(r.line, r.idFields[i]) });
      });
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Whether two ranges are the same. */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}
