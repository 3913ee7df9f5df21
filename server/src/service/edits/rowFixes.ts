// Fixes on whole rows and ids: remove a row that repeats an earlier one
// (the first occurrence stays), and change a dangling relation id to the
// near-miss id a mention carries.

import { missingAtoms } from '../analysis/analyseDocument';
import { rowAt } from '../features/locate';
import { parseConceptId } from '../parse/conceptIds';
import { shown, type FixBuilder } from './fix';
import { deleteLine, replaceInField } from './textEdit';

export const duplicateFix: FixBuilder = (ctx, d) => {
  if (d.code !== 'duplicate-mention' && d.code !== 'duplicate-relation') return [];
  const line = d.range.start.line;
  const row = rowAt(ctx.doc, line);
  const first = d.relatedInformation?.[0]?.range.start.line;
  const kind = d.code === 'duplicate-mention' ? 'mention' : 'relation';
  if (!row || row.kind !== kind || first === undefined || first === line) return [];
  return [{
    title: `Remove this duplicate ${kind} row (it repeats line ${first + 1})`,
    edits: [deleteLine(ctx.file, ctx.doc, line)],
    preferred: true,
  }];
};

export const danglingIdFix: FixBuilder = (ctx, d) => {
  if (d.code !== 'dangling-relation-id') return [];
  const replacement = d.data?.replacement;
  if (typeof replacement !== 'string' || replacement.trim() === '' || /[\t\r\n]/.test(replacement)) return [];
  const row = rowAt(ctx.doc, d.range.start.line);
  if (!row || row.kind !== 'relation') return [];
  const i = row.idFields.findIndex((f) => f.start === d.range.start.character && f.end === d.range.end.character);
  if (i < 0) return [];
  const ref = row.concepts[i];
  const missing = missingAtoms(ctx.analysis, ref);
  const atoms = missing.length ? missing : ref.atoms;
  // The check names a near miss only for a single missing part: that part is replaced.
  if (atoms.length !== 1) return [];
  const atom = atoms[0];
  const field = row.idFields[i];
  const newField = field.text.slice(0, atom.start) + replacement + field.text.slice(atom.end);
  // The replacement must stay one part of the id (a separator in it would split it).
  if (parseConceptId(newField).atoms.length !== ref.atoms.length) return [];
  return [{
    title: `Change ${shown(atom.raw)} to ${shown(replacement)} (the id a mention carries)`,
    edits: [replaceInField(row.line, field, atom.start, atom.end, replacement)],
    preferred: true,
  }];
};
