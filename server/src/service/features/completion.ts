// Completion in the columns a person types by hand: a mention's entity type
// and concept id, a relation's type and its two concept ids. The column is
// found by counting TABs, so a row still being typed (too few columns to be
// a well-formed row) gets the same help as a finished one. Every item
// replaces the whole field under the cursor.

import { analyseDocument, mentionsOf } from '../analysis/analyseDocument';
import { parseConceptId } from '../parse/conceptIds';
import type { Field, ParsedFile, PubtatorDocument, Row } from '../parse/model';
import { entityFamily, FAMILY_LABEL, type EntityFamily } from '../knowledge/entityTypes';
import { allowedRelationTypes, RELATION_TYPES } from '../knowledge/relationTypes';
import type { Position, Range } from '../types';
import { lineRange } from '../types';
import { documentAt, rowAt } from './locate';
import { codeSpan, escapeMarkdown, plural } from './markdown';
import { documentConcepts, rankedEntityTypes, usedRelationTypes, type DocumentConcept } from './suggestions';
import type { FeatureOptions } from './types';

/** LSP CompletionItemKind values used here. */
export const enum CompletionKind {
  Class = 7,
  Reference = 18,
  EnumMember = 20,
}

export interface CompletionItem {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown; file text in it is escaped. */
  documentation?: string;
  sortText: string;
  filterText?: string;
  textEdit: { range: Range; newText: string };
}

/** Most concept items listed (a document rarely has more concepts). */
const MAX_CONCEPTS = 200;

function fieldsOf(row: Row): Field[] {
  switch (row.kind) {
    case 'mention': {
      const f = [row.pmid, row.startField, row.endField, row.textField];
      if (row.typeField) f.push(row.typeField);
      if (row.idField) f.push(row.idField);
      return f.concat(row.extra);
    }
    case 'relation':
      return [row.pmid, row.typeField, row.idFields[0], row.idFields[1], ...row.extra];
    case 'malformed':
      return row.fields;
    default:
      return [];
  }
}

function sortKey(i: number): string {
  return String(i).padStart(5, '0');
}

export function completion(file: ParsedFile, position: Position, options: FeatureOptions = {}): CompletionItem[] {
  if (!position || !Number.isSafeInteger(position.line) || !Number.isSafeInteger(position.character)) return [];
  const doc = documentAt(file, position.line);
  const row = doc && rowAt(doc, position.line);
  if (!doc || !row || row.kind === 'passage') return [];
  const fields = fieldsOf(row);
  const column = fields.findIndex((f) => position.character >= f.start && position.character <= f.end);
  if (column < 1) return [];
  const field = fields[column];
  const range = lineRange(position.line, field.start, field.end);
  // Column 2 decides: a number makes a mention row (start offset), anything else a relation row.
  const mention = row.kind === 'mention' || (fields.length >= 2 && /^\s*\d/.test(fields[1].text));
  if (mention) {
    if (column === 4) return typeItems(file, doc, range);
    if (column === 5) return conceptItems(doc, range, fields[3]?.text, fields[4]?.text);
    return [];
  }
  if (column === 1) return relationTypeItems(file, doc, range, fields, options);
  if (column === 2 || column === 3) return conceptItems(doc, range);
  return [];
}

function typeItems(file: ParsedFile, doc: PubtatorDocument, range: Range): CompletionItem[] {
  return rankedEntityTypes(file, doc).map((t, i) => ({
    label: t.type,
    kind: CompletionKind.Class,
    detail: t.detail,
    sortText: sortKey(i),
    textEdit: { range, newText: t.type },
  }));
}

/** The entity family of the mentions carrying a relation id, when they agree. */
function familyOf(doc: PubtatorDocument, idText: string | undefined, options: FeatureOptions): EntityFamily | undefined {
  if (!idText || idText.trim() === '') return undefined;
  const carriers = mentionsOf(analyseDocument(doc, options.unit ?? 'codepoint'), parseConceptId(idText));
  const families = new Set(carriers.map((m) => entityFamily(m.typeField?.text ?? '')));
  return families.size === 1 ? [...families][0] : undefined;
}

function relationTypeItems(file: ParsedFile, doc: PubtatorDocument, range: Range, fields: Field[], options: FeatureOptions): CompletionItem[] {
  const a = familyOf(doc, fields[2]?.text, options);
  const b = familyOf(doc, fields[3]?.text, options);
  const allowed = a && b ? allowedRelationTypes(a, b) : undefined;
  const pair = a && b ? `${FAMILY_LABEL[a].toLowerCase()} and a ${FAMILY_LABEL[b].toLowerCase()}` : '';
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const push = (type: string, detail: string) => {
    if (seen.has(type)) return;
    seen.add(type);
    items.push({ label: type, kind: CompletionKind.EnumMember, detail, sortText: sortKey(items.length), textEdit: { range, newText: type } });
  };
  for (const t of allowed ?? []) push(t, `allowed between a ${pair}`);
  for (const t of usedRelationTypes(file, doc)) push(t, allowed ? `used in this file (not listed for a ${pair})` : 'used in this file');
  for (const t of RELATION_TYPES) push(t, allowed ? `not listed for a ${pair}` : 'relation type');
  return items;
}

function conceptDocumentation(c: DocumentConcept): string {
  const type = c.type ? ` (${escapeMarkdown(c.type)})` : '';
  return `**${escapeMarkdown(c.name)}**${type} · ${codeSpan(c.id)}\n\n${plural(c.count, 'mention')} in this document`;
}

/**
 * The document's concepts. In a mention row, those already given to the same
 * text come first, then those of the same type.
 */
function conceptItems(doc: PubtatorDocument, range: Range, text?: string, type?: string): CompletionItem[] {
  let concepts = documentConcepts(doc).filter((c) => !/[\t\r\n]/.test(c.id));
  if (text !== undefined) {
    const sameText = (c: DocumentConcept) => c.carriers.some((m) => m.textField.text.toLowerCase() === text.toLowerCase());
    const sameType = (c: DocumentConcept) => type !== undefined && c.type === type.trim();
    const rank = (c: DocumentConcept) => (sameText(c) ? 0 : sameType(c) ? 1 : 2);
    concepts = concepts.map((c, i) => ({ c, i, r: rank(c) })).sort((x, y) => x.r - y.r || x.i - y.i).map((x) => x.c);
  }
  return concepts.slice(0, MAX_CONCEPTS).map((c, i) => ({
    label: c.id,
    kind: CompletionKind.Reference,
    detail: c.type ? `${c.name} · ${c.type}` : c.name,
    documentation: conceptDocumentation(c),
    sortText: sortKey(i),
    filterText: `${c.id} ${c.name}`,
    textEdit: { range, newText: c.id },
  }));
}
