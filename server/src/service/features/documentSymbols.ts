// The outline: one symbol per document (its id, its title as detail), holding
// its mentions grouped by concept and its relations, with ranges that cover
// whole lines so breadcrumbs and sticky scroll follow the cursor.
//
// Every row becomes a symbol, so a large file's full outline would run to
// hundreds of thousands of symbols (a 50 MB file: ~690,000, 167 MB of JSON)
// and be rebuilt after each edit. Past `maxDetailedLines` lines the outline
// keeps one symbol per document, read without parsing its rows (see
// documentShape.ts): 20,000 symbols, 6 MB, for 50 MB. Folding still shows
// the blocks.

import { analyseDocument, type DocumentAnalysis } from '../analysis/analyseDocument';
import type { ConceptRef } from '../parse/conceptIds';
import { entityFamily, type EntityFamily } from '../knowledge/entityTypes';
import type { MentionRow, ParsedFile, PubtatorDocument, RelationRow } from '../parse/model';
import type { Range } from '../types';
import { lineRange, range } from '../types';
import { conceptFacts } from './conceptFacts';
import { documentShape } from './documentShape';
import { forEachDocument } from './documentWindow';
import { variantCountingAtom } from './fileIndex';
import { label } from './label';
import { fieldRangeOf } from './locate';
import { plural } from './markdown';
import { documentRange, rowRange } from './rowRanges';
import { relationIdCarriers } from './subject';
import type { FeatureOptions } from './types';

/** LSP SymbolKind values used here. */
export const SymbolKind = {
  Module: 2, Namespace: 3, Class: 5, Field: 8, Function: 12, Variable: 13, Constant: 14,
  String: 15, Number: 16, Key: 20, Struct: 23, Event: 24, Operator: 25,
} as const;

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: number;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

export interface DocumentSymbolOptions extends FeatureOptions {
  /** Files with more lines get the outline of documents and blocks only. */
  maxDetailedLines?: number;
}

export const MAX_DETAILED_LINES = 25_000;

/** Concept icons follow the colours of the families (see the grammar). */
const KIND_OF_FAMILY: Record<EntityFamily, number> = {
  chemical: SymbolKind.Function, disease: SymbolKind.Key, gene: SymbolKind.Class, species: SymbolKind.Number,
  variant: SymbolKind.Constant, cellline: SymbolKind.Struct, other: SymbolKind.Variable,
};

function spanning(first: Range, last: Range): Range {
  return range(first.start.line, first.start.character, last.end.line, last.end.character);
}

/** What groups mentions: the concept, a variant by its most stable field, `-1` and empty ids together. */
function conceptKey(ref: ConceptRef): string {
  if (ref.none || ref.atoms.length === 0) return '';
  if (ref.variant) return 'variant ' + (variantCountingAtom(ref)?.key ?? ref.raw.trim());
  return ref.atoms.map((a) => a.key).join('|');
}

function conceptId(ref: ConceptRef): string {
  if (ref.variant) return variantCountingAtom(ref)?.raw ?? ref.raw.trim();
  return ref.raw.trim();
}

function mentionSymbol(m: MentionRow): DocumentSymbol {
  return {
    name: label(m.textField.text, '(empty text)'),
    detail: label(`${m.startField.text}–${m.endField.text}`),
    kind: SymbolKind.String,
    range: rowRange(m),
    selectionRange: fieldRangeOf(m.line, m.textField),
  };
}

function conceptSymbol(rows: MentionRow[]): DocumentSymbol {
  const facts = conceptFacts(rows);
  const ref = rows[0].concept;
  const id = ref.none ? '(no concept id)' : conceptId(ref);
  const type = facts.types[0]?.value ?? '';
  const first = rows[0];
  return {
    name: label(`${facts.forms[0]?.value.trim() || '(empty text)'} · ${id}`),
    detail: label(`${rows.length} × ${facts.types.map((t) => t.value).join(', ') || 'no type'}`),
    kind: KIND_OF_FAMILY[entityFamily(type)],
    range: spanning(rowRange(first), rowRange(rows[rows.length - 1])),
    selectionRange: fieldRangeOf(first.line, first.idField ?? first.textField),
    children: rows.map(mentionSymbol),
  };
}

function mentionsGroup(doc: PubtatorDocument): DocumentSymbol | undefined {
  const rows = doc.mentions;
  if (rows.length === 0) return undefined;
  const groups = new Map<string, MentionRow[]>();
  for (const m of rows) {
    const key = conceptKey(m.concept);
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  const first = rowRange(rows[0]);
  return {
    name: 'Mentions',
    detail: `${plural(rows.length, 'row')} · ${plural(groups.size, 'concept')}`,
    kind: SymbolKind.Namespace,
    range: spanning(first, rowRange(rows[rows.length - 1])),
    selectionRange: first,
    children: [...groups.values()].map(conceptSymbol),
  };
}

/** What the document calls a relation's concept: the most frequent text of its mentions, else the id. */
function conceptName(analysis: DocumentAnalysis, ref: ConceptRef): string {
  const carriers = ref.none ? [] : relationIdCarriers(analysis, ref);
  const key = !ref.variant && ref.atoms.length === 1 ? ref.atoms[0].key : undefined;
  return carriers.length ? conceptFacts(carriers, key).forms[0].value.trim() || ref.raw.trim() : ref.raw.trim() || '?';
}

function relationSymbol(analysis: DocumentAnalysis, r: RelationRow): DocumentSymbol {
  const [a, b] = r.concepts.map((ref) => conceptName(analysis, ref));
  return {
    name: label(`${r.typeField.text.trim() || '(no type)'}: ${a} – ${b}`),
    detail: label(r.idFields.map((f) => f.text.trim()).join(' ')),
    kind: SymbolKind.Operator,
    range: rowRange(r),
    selectionRange: fieldRangeOf(r.line, r.typeField),
  };
}

function relationsGroup(doc: PubtatorDocument, analysis: DocumentAnalysis): DocumentSymbol | undefined {
  const rows = doc.relations;
  if (rows.length === 0) return undefined;
  const first = rowRange(rows[0]);
  return {
    name: 'Relations',
    detail: plural(rows.length, 'row'),
    kind: SymbolKind.Namespace,
    range: spanning(first, rowRange(rows[rows.length - 1])),
    selectionRange: first,
    children: rows.map((r) => relationSymbol(analysis, r)),
  };
}

function detailedSymbol(doc: PubtatorDocument, options: DocumentSymbolOptions): DocumentSymbol {
  const analysis = analyseDocument(doc, options.unit ?? 'codepoint');
  const children = [mentionsGroup(doc), relationsGroup(doc, analysis)].filter((s): s is DocumentSymbol => s !== undefined);
  const shape = documentShape(doc);
  return {
    name: label(doc.id, '(no id)'),
    detail: label(doc.title?.text.text ?? '', '(no title)'),
    kind: SymbolKind.Module,
    range: documentRange(doc),
    selectionRange: lineRange(doc.startLine, shape.idStart, shape.idEnd),
    children,
  };
}

/** A document alone, from its shape (no row parsed). */
function lightSymbol(doc: PubtatorDocument): DocumentSymbol {
  const shape = documentShape(doc);
  return {
    name: label(doc.id, '(no id)'),
    detail: label(shape.title ?? '', '(no title)'),
    kind: SymbolKind.Module,
    range: range(doc.startLine, 0, doc.endLine, shape.lastLineEnd),
    selectionRange: lineRange(doc.startLine, shape.idStart, shape.idEnd),
  };
}

export function documentSymbols(file: ParsedFile, options: DocumentSymbolOptions = {}): DocumentSymbol[] {
  const detailed = file.lineCount <= (options.maxDetailedLines ?? MAX_DETAILED_LINES);
  const out: DocumentSymbol[] = [];
  forEachDocument(file, (doc) => out.push(detailed ? detailedSymbol(doc, options) : lightSymbol(doc)));
  return out;
}
