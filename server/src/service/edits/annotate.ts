// "Annotate selection": words selected in a title or abstract become a
// mention row: the document's PMID, offsets in the file's unit, the text
// exactly as the passage has it, the type and id the user picked. The row
// goes among the document's mention rows in offset order. Anything that
// would not give a correct row is refused with a message saying why.

import { toOffset } from '../parse/documentText';
import type { ParsedFile, PassageLine, PubtatorDocument } from '../parse/model';
import { documentAt, rowAt } from '../features/locate';
import { documentConcepts, rankedEntityTypes, type RankedType } from '../features/suggestions';
import type { OffsetUnit, Range } from '../types';
import { lineRange } from '../types';
import { eolOf, insertLineAfter, type TextEdit } from './textEdit';

export interface AnnotateOptions {
  unit?: OffsetUnit;
}

/** The words to annotate, found from a selection. */
export interface Selection {
  doc: PubtatorDocument;
  passage: PassageLine;
  /** Offsets in the file's unit. */
  start: number;
  end: number;
  text: string;
  /** Editor range of the words (the selection, trimmed or widened to a word). */
  range: Range;
}

export interface AnnotationSuggestions {
  pmid: string;
  text: string;
  start: number;
  end: number;
  range: Range;
  /** Entity types, those the file uses first. */
  types: RankedType[];
  /** The document's concepts, most mentioned first. */
  concepts: { id: string; name: string; type?: string; count: number }[];
}

export interface MentionInsertion {
  edit: TextEdit;
  /** The row as inserted (without its line break). */
  row: string;
  /** The line the row lands on. */
  line: number;
}

const WORD = /[\p{L}\p{N}_\-']/u;

function isRange(r: unknown): r is Range {
  const ok = (p: unknown) => typeof p === 'object' && p !== null
    && Number.isSafeInteger((p as { line: unknown }).line) && Number.isSafeInteger((p as { character: unknown }).character);
  return typeof r === 'object' && r !== null && ok((r as Range).start) && ok((r as Range).end);
}

/** The words a selection stands for, or why there are none. */
export function selectionAt(file: ParsedFile, range: Range, options: AnnotateOptions = {}): Selection | { error: string } {
  if (!isRange(range)) return { error: 'No selection was given.' };
  const notText = 'Select words in the title or abstract text of a document (a |t| or |a| line, after the second |).';
  if (range.start.line !== range.end.line) return { error: 'Select words on one line: a mention cannot span the title and the abstract.' };
  const line = range.start.line;
  const doc = documentAt(file, line);
  const row = doc && rowAt(doc, line);
  if (!doc || !row || row.kind !== 'passage') return { error: notText };
  const field = row.text;
  let from = Math.min(range.start.character, range.end.character);
  let to = Math.max(range.start.character, range.end.character);
  if (from < field.start || to > field.end) return { error: notText };
  const text = field.text;
  let s = from - field.start;
  let e = to - field.start;
  if (s === e) {
    // A cursor in a word stands for the word.
    while (s > 0 && WORD.test(text[s - 1])) s--;
    while (e < text.length && WORD.test(text[e])) e++;
  }
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (s === e) return { error: 'The selection holds no words to annotate.' };
  const words = text.slice(s, e);
  if (/[\t\r\n]/.test(words)) return { error: 'The selection holds a TAB, which a mention row cannot hold in its text column.' };
  const k = doc.passages.indexOf(row);
  const base = doc.passageStarts[k];
  from = field.start + s;
  to = field.start + e;
  return {
    doc,
    passage: row,
    start: toOffset(doc, base + s, options.unit ?? 'codepoint'),
    end: toOffset(doc, base + e, options.unit ?? 'codepoint'),
    text: words,
    range: lineRange(line, from, to),
  };
}

export function annotationSuggestions(file: ParsedFile, range: Range, options: AnnotateOptions = {}): AnnotationSuggestions | { error: string } {
  const sel = selectionAt(file, range, options);
  if ('error' in sel) return sel;
  return {
    pmid: sel.doc.id,
    text: sel.text,
    start: sel.start,
    end: sel.end,
    range: sel.range,
    types: rankedEntityTypes(file, sel.doc),
    concepts: documentConcepts(sel.doc).map(({ id, name, type, count }) => ({ id, name, type, count })),
  };
}

export interface MentionChoice {
  range: Range;
  type: string;
  /** Empty for "no id" (the row then ends in a TAB, as PubTator3 writes it). */
  id: string;
}

export function insertMention(file: ParsedFile, choice: MentionChoice, options: AnnotateOptions = {}): MentionInsertion | { error: string } {
  const sel = selectionAt(file, choice?.range, options);
  if ('error' in sel) return sel;
  const type = typeof choice.type === 'string' ? choice.type.trim() : '';
  const id = typeof choice.id === 'string' ? choice.id.trim() : '';
  if (type === '') return { error: 'Pick an entity type for the mention.' };
  if (/[\t\r\n]/.test(type + id)) return { error: 'The type and the id cannot hold a TAB or a line break.' };
  const doc = sel.doc;
  const same = doc.mentions.find((m) => m.start === sel.start && m.end === sel.end
    && (m.typeField?.text.trim() ?? '') === type && m.concept.raw.trim() === id);
  if (same) return { error: `This mention is already annotated, on line ${same.line + 1}.` };
  const row = [doc.id, sel.start, sel.end, sel.text, type, id].join('\t');
  return { row, ...mentionRowInsertion(file, doc, sel.start, sel.end, row) };
}

/**
 * Where a new mention row with these offsets goes among the document's
 * mention rows (offset order: before the first that starts later, or at the
 * same start and ends later), and the edit that puts it there.
 */
export function mentionRowInsertion(file: ParsedFile, doc: PubtatorDocument, start: number, end: number, row: string): { edit: TextEdit; line: number } {
  const next = doc.mentions.find((m) => m.start !== undefined
    && (m.start > start || (m.start === start && m.end !== undefined && m.end > end)));
  if (next) {
    const at = next.line === doc.startLine ? bomShift(next.pmid.start) : 0;
    return { edit: { range: lineRange(next.line, at, at), newText: row + eolOf(file) }, line: next.line };
  }
  const last = doc.mentions.length ? doc.mentions[doc.mentions.length - 1].line : lastLeadingPassage(doc);
  return { edit: insertLineAfter(file, doc, last, row), line: last + 1 };
}

/** On a first line after a byte-order mark, a new line goes after the mark. */
function bomShift(firstFieldStart: number): number {
  return firstFieldStart === 1 ? 1 : 0;
}

/** The last passage line before the document's first row. */
export function lastLeadingPassage(doc: PubtatorDocument): number {
  let last = doc.startLine - 1;
  for (const p of doc.passages) {
    if (doc.latePassages.includes(p)) break;
    last = p.line;
  }
  return last;
}
