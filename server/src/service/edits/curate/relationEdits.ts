// Relation rows from intents: one mention dropped on another gives a relation
// between their ids, written in the order the type takes them (the schema's
// argument types, else the order the file's rows of that type use) with the
// extra columns the file's rows carry; a relation the view lists can be
// deleted.

import { documentAt, rowAt } from '../../features/locate';
import type { ParsedFile } from '../../parse/model';
import { deleteRows } from './deleteRows';
import { relationExtras, swapArguments } from './conventions';
import { insertRelationRow } from './rowPlacement';
import type { CurateOptions } from './spanEdits';
import { cleanValue, resolveMention, STALE, type Planned, type Refused } from './target';

export function addRelation(file: ParsedFile, intent: { from: unknown; to: unknown; type: unknown }, options: CurateOptions = {}): Planned | Refused {
  const unit = options.unit ?? 'codepoint';
  const a = resolveMention(file, intent?.from, unit);
  if ('error' in a) return a;
  const b = resolveMention(file, intent.to, unit);
  if ('error' in b) return b;
  if (a.doc !== b.doc) return { error: 'A relation joins two mentions of the same document.' };
  const type = cleanValue(intent.type, 'relation type');
  if (typeof type !== 'string') return type;
  if (type === '') return { error: 'Pick a relation type.' };
  for (const m of [a.row, b.row]) {
    if (m.concept.none) return { error: `${JSON.stringify(m.textField.text)} has no id; give it one before relating it.` };
  }
  let first = a.row;
  let second = b.row;
  const idA = first.concept.raw.trim();
  const idB = second.concept.raw.trim();
  if (idA === idB) return { error: 'Both mentions carry the same id; a relation joins two different concepts.' };
  const doc = a.doc;
  const exists = doc.relations.find((r) => r.typeField.text.trim() === type
    && r.idFields.length >= 2 && new Set([r.idFields[0].text.trim(), r.idFields[1].text.trim(), idA, idB]).size === 2);
  if (exists) return { error: `The relation ${type} between ${idA} and ${idB} is already there, on line ${exists.line + 1}.` };
  if (swapArguments(file, doc, type, first.typeField?.text.trim() ?? '', second.typeField?.text.trim() ?? '', options.schema)) {
    [first, second] = [second, first];
  }
  const row = [doc.id, type, first.concept.raw.trim(), second.concept.raw.trim(), ...relationExtras(file, doc, type)].join('\t');
  return { edits: [insertRelationRow(file, doc, row)], label: `Relate ${first.concept.raw.trim()} and ${second.concept.raw.trim()} (${type})` };
}

/** A relation row as the view showed it. */
export interface RelationRef {
  line: number;
  type: string;
  ids: string[];
}

export function deleteRelation(file: ParsedFile, intent: { relation: unknown }): Planned | Refused {
  const ref = intent?.relation as RelationRef | undefined;
  if (!ref || !Number.isSafeInteger(ref.line) || typeof ref.type !== 'string' || !Array.isArray(ref.ids)) return { error: 'No relation was given.' };
  const doc = documentAt(file, ref.line);
  const row = doc && rowAt(doc, ref.line);
  if (!doc || !row || row.kind !== 'relation' || row.typeField.text !== ref.type
    || row.idFields.length !== ref.ids.length || row.idFields.some((f, i) => f.text.trim() !== String(ref.ids[i]).trim())) return { error: STALE };
  return { edits: deleteRows(file, doc, [row.line]), label: `Delete the relation ${row.typeField.text.trim()}` };
}
