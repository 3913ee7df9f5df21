// Quick fixes for the comparison's diagnostics: add the reference's mention
// or relation, take its span, type or id, or remove a row the reference does
// not have. Each fix is worked out from the file as it is now: the document
// and row the diagnostic named must still be there and still hold what they
// held, else no fix is offered (never a wrong edit on a stale diagnostic).

import { toIndex } from '../parse/documentText';
import type { MentionRow, ParsedFile, PubtatorDocument } from '../parse/model';
import { rowAt } from '../features/locate';
import { lastLeadingPassage, mentionRowInsertion } from '../edits/annotate';
import { deleteLine, insertLineAfter, replaceField, type TextEdit } from '../edits/textEdit';
import type { CompareCode, CompareFixData } from './diagnosticModel';
import { groupsOf } from './groups';
import { groupKey } from './model';
import type { OffsetUnit } from '../types';
import { lineRange } from '../types';

export interface CompareFix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
}

export function compareFixes(file: ParsedFile, code: string, data: unknown, unit: OffsetUnit = 'codepoint'): CompareFix[] {
  const d = readData(data);
  if (!d) return [];
  const group = groupsOf(file).find((g) => groupKey(g) === d.group);
  const doc = group?.blocks[d.block];
  if (!doc) return [];
  const row = d.row ? currentMention(doc, d.row) : undefined;
  const fixes: CompareFix[] = [];
  switch (code as CompareCode) {
    case 'missing-mention':
      if (d.gold) {
        const add = addMention(file, doc, d.gold, unit);
        if (add) fixes.push({ title: 'Add the gold mention', edits: [add], isPreferred: !row });
        if (row) fixes.push({ title: `Take the gold span (${d.gold.start}-${d.gold.end}) on line ${row.line + 1}`, edits: takeSpan(doc, row, d.gold, unit), isPreferred: true });
      }
      break;
    case 'wrong-span':
      if (row && d.gold) fixes.push({ title: `Take the gold span (${d.gold.start}-${d.gold.end})`, edits: takeSpan(doc, row, d.gold, unit), isPreferred: true });
      break;
    case 'wrong-type':
      if (row?.typeField && d.gold) fixes.push({ title: `Take the gold type (${d.gold.type})`, edits: [replaceField(row.line, row.typeField, d.gold.type)], isPreferred: true });
      break;
    case 'wrong-id':
      if (row && d.gold && (row.idField?.text.trim() ?? '') === (d.row?.id ?? '')) {
        const edit = row.idField
          ? replaceField(row.line, row.idField, d.gold.id)
          : { range: lineRange(row.line, (row.typeField ?? row.textField).end, (row.typeField ?? row.textField).end), newText: '\t' + d.gold.id };
        fixes.push({ title: `Take the gold id (${d.gold.id || 'none'})`, edits: [edit], isPreferred: true });
      }
      break;
    case 'extra-mention':
      if (row) fixes.push({ title: 'Remove this mention (the reference does not have it)', edits: [deleteLine(file, doc, row.line)] });
      break;
    case 'extra-relation': {
      const r = d.row && rowAt(doc, d.row.line);
      if (r?.kind === 'relation' && r.typeField.text.trim() === d.row!.type) {
        fixes.push({ title: 'Remove this relation (the reference does not have it)', edits: [deleteLine(file, doc, r.line)] });
      }
      break;
    }
    case 'missing-relation':
      if (d.relation) {
        const add = addRelation(file, doc, d.relation);
        if (add) fixes.push({ title: 'Add the gold relation', edits: [add], isPreferred: true });
      }
      break;
  }
  return fixes;
}

function readData(data: unknown): CompareFixData | undefined {
  const d = (data as { compare?: CompareFixData } | undefined)?.compare;
  if (typeof d !== 'object' || d === null || typeof d.group !== 'string' || !Number.isSafeInteger(d.block)) return undefined;
  return d;
}

/** The mention row the diagnostic named, if it still holds the same offsets and type. */
function currentMention(doc: PubtatorDocument, expected: NonNullable<CompareFixData['row']>): MentionRow | undefined {
  const r = Number.isSafeInteger(expected.line) ? rowAt(doc, expected.line) : undefined;
  if (r?.kind !== 'mention') return undefined;
  if (r.start !== expected.start || r.end !== expected.end || (r.typeField?.text.trim() ?? '') !== expected.type) return undefined;
  return r;
}

/** What this file's text holds at the reference's offsets (the texts may differ), else the reference's text. */
function textAt(doc: PubtatorDocument, start: number, end: number, fallback: string, unit: OffsetUnit): string {
  const s = toIndex(doc, start, unit);
  const e = toIndex(doc, end, unit);
  const covered = s !== undefined && e !== undefined && s <= e ? doc.text.slice(s, e) : undefined;
  return covered !== undefined && !/[\t\r\n]/.test(covered) ? covered : fallback;
}

function addMention(file: ParsedFile, doc: PubtatorDocument, gold: NonNullable<CompareFixData['gold']>, unit: OffsetUnit): TextEdit | undefined {
  const present = doc.mentions.some((m) => m.start === gold.start && m.end === gold.end && (m.typeField?.text.trim() ?? '') === gold.type);
  if (present || /[\t\r\n]/.test(gold.type + gold.id)) return undefined;
  const row = [doc.id, gold.start, gold.end, textAt(doc, gold.start, gold.end, gold.text, unit), gold.type, gold.id].join('\t');
  return mentionRowInsertion(file, doc, gold.start, gold.end, row).edit;
}

function takeSpan(doc: PubtatorDocument, row: MentionRow, gold: NonNullable<CompareFixData['gold']>, unit: OffsetUnit): TextEdit[] {
  return [
    replaceField(row.line, row.startField, String(gold.start)),
    replaceField(row.line, row.endField, String(gold.end)),
    replaceField(row.line, row.textField, textAt(doc, gold.start, gold.end, gold.text, unit)),
  ];
}

function addRelation(file: ParsedFile, doc: PubtatorDocument, relation: NonNullable<CompareFixData['relation']>): TextEdit | undefined {
  const [a, b] = relation.ids;
  if (/[\t\r\n]/.test(relation.type + a + b)) return undefined;
  const present = doc.relations.some((r) => r.typeField.text.trim() === relation.type
    && r.idFields[0].text.trim() === a && r.idFields[1].text.trim() === b);
  if (present) return undefined;
  const after = doc.relations.length ? doc.relations[doc.relations.length - 1].line
    : doc.mentions.length ? doc.mentions[doc.mentions.length - 1].line : lastLeadingPassage(doc);
  return insertLineAfter(file, doc, after, [doc.id, relation.type, a, b].join('\t'));
}
