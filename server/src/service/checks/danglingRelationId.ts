// A relation names a concept that no mention of its document carries. Matching
// is format-aware (see mentionsOf); a near miss is named so the fix is obvious.

import type { DocumentCheck } from './check';
import { fieldRange, quote } from './ranges';
import { mentionsOf, missingAtoms, type DocumentAnalysis } from '../analysis/analyseDocument';
import type { ConceptAtom } from '../parse/conceptIds';
import type { MentionRow } from '../parse/model';

export const danglingRelationId: DocumentCheck = {
  code: 'dangling-relation-id',
  defaultSeverity: 'error',
  description: 'A relation names a concept id that no mention of its document carries (composite, MESH:-prefixed and PubTator3 variant ids are matched).',
  document(doc, ctx) {
    const analysis = ctx.analysis(doc);
    // Many relations may name the same missing id: look for its near miss once.
    const nearMisses = new Map<string, NearMiss | undefined>();
    const nearMissOf = (atom: ConceptAtom) => {
      if (!nearMisses.has(atom.key)) nearMisses.set(atom.key, nearMiss(analysis, atom, candidateAtoms(doc.mentions)));
      return nearMisses.get(atom.key);
    };
    for (const rel of doc.relations) {
      rel.concepts.forEach((ref, i) => {
        if (mentionsOf(analysis, ref).length) return;
        const f = rel.idFields[i];
        if (ref.none) {
          ctx.report('dangling-relation-id', fieldRange(rel.line, f), `The ${ordinal(i)} concept of this relation is empty (${quote(f.text)}): a relation needs two concept ids.`);
          return;
        }
        const missing = missingAtoms(analysis, ref);
        const atoms = missing.length ? missing : ref.atoms;
        const near = atoms.length === 1 ? nearMissOf(atoms[0]) : undefined;
        let message = `No mention in document ${doc.id} carries ${quote(ref.raw.trim())}`;
        if (ref.variant && !missing.length) message += ' (each of its fields occurs, but not all in one variant mention)';
        else if (missing.length && missing.length < ref.atoms.length) message += ` (missing: ${missing.map((a) => quote(a.raw)).join(', ')})`;
        if (near) message += `; did you mean ${quote(near.atom.raw)} (${near.why}, mentioned as ${quote(near.text)})?`;
        else if (/\s/.test(ref.raw.trim()) || !/\d/.test(ref.raw)) message += '; it looks like a name, not a concept id';
        ctx.report('dangling-relation-id', fieldRange(rel.line, f), message.endsWith('?') ? message : message + '.',
          near ? { data: { replacement: near.replacement, near: near.atom.raw } } : undefined);
      });
    }
  },
};

function ordinal(i: number): string {
  return i === 0 ? 'first' : 'second';
}

interface NearMiss {
  atom: ConceptAtom;
  why: string;
  text: string;
  /** The relation id with the missing part replaced by the near miss. */
  replacement: string;
}

/** Each distinct id part the mentions carry, once, with a mention that carries it. */
const candidateCache = new WeakMap<MentionRow[], { atom: ConceptAtom; mention: MentionRow }[]>();
function candidateAtoms(mentions: MentionRow[]): { atom: ConceptAtom; mention: MentionRow }[] {
  let list = candidateCache.get(mentions);
  if (!list) {
    const seen = new Set<string>();
    list = [];
    for (const m of mentions) {
      for (const atom of m.concept.atoms) {
        if (seen.has(atom.raw)) continue;
        seen.add(atom.raw);
        list.push({ atom, mention: m });
      }
    }
    candidateCache.set(mentions, list);
  }
  return list;
}

/** A present id with the same value under another prefix, or one edit away. */
function nearMiss(analysis: DocumentAnalysis, missing: ConceptAtom, candidates: { atom: ConceptAtom; mention: MentionRow }[]): NearMiss | undefined {
  const value = missing.value.toUpperCase();
  let typo: NearMiss | undefined;
  for (const { atom: a, mention: m } of candidates) {
    const other = a.value.toUpperCase();
    if (other === value && a.key !== missing.key) {
      return { atom: a, why: 'the same id under another prefix', text: m.textField.text, replacement: a.raw };
    }
    if (!typo && value.length >= 4 && oneEditApart(value, other)) {
      typo = { atom: a, why: 'one character away', text: m.textField.text, replacement: missing.prefix + a.value };
    }
  }
  return typo;
}

/** Damerau distance exactly 1 (one substitution, insertion, deletion or swap). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
