// A relation names a concept that no mention of its document carries. Matching
// is format-aware (see mentionsOf); a near miss is named so the fix is obvious.
// A document with relations and no mention row at all is one cause, said once
// on the document; a file where no document has mention rows, once per file.

import type { DocumentCheck } from './check';
import { fieldRange, quote, rowRange } from './ranges';
import { reportRows, SUMMARY_RELATED } from './settleRows';
import { mentionsOf, missingAtoms, type DocumentAnalysis } from '../analysis/analyseDocument';
import type { ConceptAtom } from '../parse/conceptIds';
import type { MentionRow } from '../parse/model';

export const danglingRelationId: DocumentCheck = {
  code: 'dangling-relation-id',
  defaultSeverity: 'error',
  description: 'A relation names a concept id that no mention of its document carries (composite, MESH:-prefixed and PubTator3 variant ids are matched).',
  holds: ['relations-no-mentions'],
  settles: ['relations-no-mentions'],
  document(doc, ctx) {
    if (doc.mentions.length === 0 && doc.relations.length > 0) {
      // Worked out only for a row the group keeps (a file of such documents keeps HOLD_LIMIT of them).
      ctx.hold('relations-no-mentions', '', () => {
        const names = [...new Set(doc.relations.flatMap((r) => r.idFields.map((f) => f.text.trim())).filter(Boolean))];
        return {
          range: rowRange(doc.relations[0]),
          data: { id: doc.id, relations: doc.relations.length, examples: names.slice(0, 3), names: names.some(looksLikeName) },
          related: doc.relations.slice(1, SUMMARY_RELATED).map((r) => ({ range: rowRange(r), message: 'A relation of the same document.' })),
        };
      });
      return;
    }
    const analysis = ctx.analysis(doc);
    // Many relations may name the same missing id: look for its near miss once (the map is made for the first).
    let nearMisses: Map<string, NearMiss | undefined> | undefined;
    const nearMissOf = (atom: ConceptAtom) => {
      nearMisses ??= new Map();
      if (!nearMisses.has(atom.key)) nearMisses.set(atom.key, nearMiss(analysis, atom, candidateAtoms(doc.mentions)));
      return nearMisses.get(atom.key);
    };
    // Plain loops: a closure per relation row was garbage for every row of a clean file.
    for (const rel of doc.relations) {
      for (let i = 0; i < rel.concepts.length; i++) {
        const ref = rel.concepts[i];
        if (mentionsOf(analysis, ref).length) continue;
        const f = rel.idFields[i];
        if (ref.none) {
          ctx.report('dangling-relation-id', fieldRange(rel.line, f), `The ${ordinal(i)} concept of this relation is empty (${quote(f.text)}): a relation needs two concept ids.`);
          continue;
        }
        const missing = missingAtoms(analysis, ref);
        const atoms = missing.length ? missing : ref.atoms;
        const near = atoms.length === 1 ? nearMissOf(atoms[0]) : undefined;
        let message = `No mention in document ${doc.id} carries ${quote(ref.raw.trim())}`;
        if (ref.variant && !missing.length) message += ' (each of its fields occurs, but not all in one variant mention)';
        else if (missing.length && missing.length < ref.atoms.length) message += ` (missing: ${missing.map((a) => quote(a.raw)).join(', ')})`;
        if (near) message += `; did you mean ${quote(near.atom.raw)} (${near.why}, mentioned as ${quote(near.text)})?`;
        else if (looksLikeName(ref.raw)) message += '; it looks like a name, not a concept id';
        ctx.report('dangling-relation-id', fieldRange(rel.line, f), message.endsWith('?') ? message : message + '.',
          near ? { data: { replacement: near.replacement, near: near.atom.raw } } : undefined);
      }
    }
  },
  settle(ctx) {
    const noneInFile = ctx.learned.facts.mentions === 0;
    for (const group of ctx.groups('relations-no-mentions')) {
      if (noneInFile) {
        // Every relation of the file dangles for one reason: say it once.
        const note = namesNote(group.first.data ?? {});
        reportRows(ctx, 'dangling-relation-id', group, (item) => ({ message: worded(item.data ?? {}) }),
          (n) => `No document of this file has mention rows, so the ids of the relations of its ${n} ${n === 1 ? 'document' : 'documents'} match no mention${note}.`,
          true, { everyRelation: true });
        continue;
      }
      reportRows(ctx, 'dangling-relation-id', group,
        (item) => ({ message: worded(item.data ?? {}) + namesNote(item.data ?? {}) + '.', extra: { related: item.related } }),
        (n) => `${n} documents have relation rows but no mention rows (this is the first), so their relation ids match no mention.`);
    }
  },
};

function worded(data: Record<string, unknown>): string {
  const n = Number(data.relations);
  return `Document ${String(data.id)} has ${n} ${n === 1 ? 'relation' : 'relations'} but no mention rows, so no mention carries ${n === 1 ? 'its ids' : 'their ids'}`;
}

/** Ids written as names ("Famotidine", "cognitive deficits") point at the likely cause. */
function namesNote(data: Record<string, unknown>): string {
  const examples = (data.examples as string[] | undefined) ?? [];
  return data.names ? `; the relations name concepts by text (${examples.map((e) => quote(e)).join(', ')}), not by id` : '';
}

function looksLikeName(raw: string): boolean {
  return /\s/.test(raw.trim()) || !/\d/.test(raw);
}

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
