// Rename a concept id: the part of the id under the cursor (one atom of a
// composite id, one identifying field of a variant), in every mention and
// relation row of its document, or of the whole file when the user's
// `pubtator.rename.scope` is `file`. Only the value is replaced: each
// occurrence keeps its own prefix (`MESH:`, `RS#:`) and its neighbours in a
// composite id. Anything that is not such an id is refused with a reason.

import { isIdentifying, parseConceptId, type ConceptAtom, type ConceptRef } from '../parse/conceptIds';
import type { Field, ParsedFile, PubtatorDocument } from '../parse/model';
import { isIdTarget } from '../features/subject';
import { locate } from '../features/locate';
import type { Position, Range } from '../types';
import { lineRange } from '../types';
import { replaceInField, type TextEdit } from './textEdit';

export type RenameScope = 'document' | 'file';

export interface RenameOptions {
  /** `document` (the default) or `file`. */
  scope?: RenameScope;
}

export type PrepareRenameResult = { range: Range; placeholder: string } | { error: string };
export type RenameResult = { edits: TextEdit[] } | { error: string };

interface Subject {
  doc: PubtatorDocument;
  line: number;
  field: Field;
  ref: ConceptRef;
  atom: ConceptAtom;
  /** Where the value starts inside the atom. */
  valueStart: number;
}

function subjectAt(file: ParsedFile, position: Position): Subject | { error: string } {
  const t = locate(file, position);
  if (!isIdTarget(t)) return { error: 'Only a concept id can be renamed: put the cursor on the id column of a mention or relation row.' };
  if (t.ref.none || !t.atom) return { error: `This row names no concept (its id is ${t.ref.raw.trim() === '' ? 'empty' : JSON.stringify(t.ref.raw.trim())}).` };
  const atom = t.atom;
  if (t.ref.variant && !isIdentifying(atom)) {
    return { error: `${JSON.stringify(atom.raw)} is an attribute of the variant, not its id: rename its tmVar key, HGVS name or rs number.` };
  }
  const valueStart = atom.value === '' ? -1 : atom.raw.indexOf(atom.value, atom.prefix.length);
  if (valueStart < 0) return { error: `${JSON.stringify(atom.raw)} has no value to rename.` };
  return { doc: t.doc, line: t.line, field: t.field, ref: t.ref, atom, valueStart };
}

export function prepareRename(file: ParsedFile, position: Position): PrepareRenameResult {
  const s = subjectAt(file, position);
  if ('error' in s) return s;
  const start = s.field.start + s.atom.start + s.valueStart;
  return { range: lineRange(s.line, start, start + s.atom.value.length), placeholder: s.atom.value };
}

/** Whether an atom of `ref` names the concept `key` (a variant's attributes, such as its gene, do not). */
function names(ref: ConceptRef, a: ConceptAtom, key: string): boolean {
  return a.key === key && (!ref.variant || isIdentifying(a));
}

/**
 * The edits renaming `key` in one field, and the keys the renamed parts then
 * have; undefined when the new value would split the id into more parts.
 */
function renameInField(line: number, field: Field, ref: ConceptRef, key: string, value: string): { edits: TextEdit[]; keys: string[] } | undefined {
  const hits: number[] = [];
  ref.atoms.forEach((a, i) => {
    if (names(ref, a, key)) hits.push(i);
  });
  if (!hits.length) return { edits: [], keys: [] };
  const edits: TextEdit[] = [];
  let text = '';
  let at = 0;
  for (const i of hits) {
    const a = ref.atoms[i];
    const from = a.start + a.raw.indexOf(a.value, a.prefix.length);
    if (from < a.start) return undefined;
    edits.push(replaceInField(line, field, from, from + a.value.length, value));
    text += field.text.slice(at, from) + value;
    at = from + a.value.length;
  }
  text += field.text.slice(at);
  const renamed = parseConceptId(text);
  if (renamed.atoms.length !== ref.atoms.length) return undefined;
  return { edits, keys: hits.map((i) => renamed.atoms[i].key) };
}

/** Renames in one document; a message when some occurrence cannot take the new value. */
function renameInDocument(doc: PubtatorDocument, key: string, value: string, newKey: string, edits: TextEdit[]): string | undefined {
  const fields: [number, Field, ConceptRef][] = [];
  for (const m of doc.mentions) if (m.idField && !m.concept.none) fields.push([m.line, m.idField, m.concept]);
  for (const r of doc.relations) r.concepts.forEach((c, i) => fields.push([r.line, r.idFields[i], c]));
  for (const [line, field, ref] of fields) {
    const found = renameInField(line, field, ref, key, value);
    if (!found) return `${JSON.stringify(value)} would split the id ${JSON.stringify(field.text.trim())} on line ${line + 1} into several ids.`;
    // Occurrences spelled differently (MESH:D1 and D1) must still name one concept afterwards.
    if (found.keys.some((k) => k !== newKey)) {
      return `${JSON.stringify(field.text.trim())} on line ${line + 1} would become another id than the one under the cursor: type the new id without a prefix.`;
    }
    edits.push(...found.edits);
  }
  return undefined;
}

export function rename(file: ParsedFile, position: Position, newName: string, options: RenameOptions = {}): RenameResult {
  const s = subjectAt(file, position);
  if ('error' in s) return s;
  let value = typeof newName === 'string' ? newName.trim() : '';
  // Typed with the prefix the placeholder left out: each occurrence keeps its own.
  if (s.atom.prefix && value.toLowerCase().startsWith(s.atom.prefix.toLowerCase())) value = value.slice(s.atom.prefix.length).trim();
  if (value === '') return { error: 'The new id is empty.' };
  if (/[\t\r\n]/.test(value)) return { error: 'An id cannot hold a TAB or a line break.' };
  if (value === s.atom.value) return { edits: [] };
  const here = renameInField(s.line, s.field, s.ref, s.atom.key, value);
  if (!here) return { error: `${JSON.stringify(value)} would split the id ${JSON.stringify(s.field.text.trim())} into several ids.` };
  const newKey = here.keys[0];
  const docs = options.scope === 'file' ? file.documents : [s.doc];
  const edits: TextEdit[] = [];
  for (const doc of docs) {
    const wasParsed = doc.materialized;
    const error = renameInDocument(doc, s.atom.key, value, newKey, edits);
    if (!wasParsed) doc.release();
    if (error) return { error };
  }
  return { edits };
}
