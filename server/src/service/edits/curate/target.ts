// What a curation intent points at, checked against the CURRENT text: a
// mention row named by its line and the columns the view showed (any
// difference means the file changed under the view: refused, never guessed),
// and a selection of a passage's text named by the passage line, the UTF-16
// range inside its text and the words the view showed there.

import { documentAt, rowAt } from '../../features/locate';
import type { MentionRow, ParsedFile, PassageLine, PubtatorDocument } from '../../parse/model';
import { mentionSpan, type Span } from '../../parse/documentText';
import type { OffsetUnit } from '../../types';

/** A mention row as the view showed it (the columns as written). */
export interface MentionRef {
  line: number;
  /** `start-end` as written. */
  offsets: string;
  text: string;
  type: string;
  id: string;
}

/** Words selected in a passage's text. */
export interface TextSelection {
  /** The passage's line. */
  line: number;
  /** UTF-16 range inside the passage text (after the second `|`). */
  from: number;
  to: number;
  /** What the view showed between `from` and `to`. */
  text: string;
  /** Take the characters as selected instead of snapping to whole words. */
  exact?: boolean;
  /** The passage line the selection ends on, when the view saw it end in another passage. */
  endLine?: number;
}

export type Refused = { error: string };

export const STALE = 'The file changed since the view showed it; nothing was written. Try again on the updated view.';

export interface ResolvedMention {
  doc: PubtatorDocument;
  row: MentionRow;
  /** UTF-16 indices into doc.text; undefined when the offsets are unusable. */
  span?: Span;
}

function isMentionRef(m: unknown): m is MentionRef {
  const r = m as MentionRef;
  return typeof r === 'object' && r !== null && Number.isSafeInteger(r.line)
    && [r.offsets, r.text, r.type, r.id].every((s) => typeof s === 'string');
}

/** The mention row the view named, or a refusal when the row at that line is not it any more. */
export function resolveMention(file: ParsedFile, ref: unknown, unit: OffsetUnit): ResolvedMention | Refused {
  if (!isMentionRef(ref)) return { error: 'No mention was given.' };
  const doc = documentAt(file, ref.line);
  const row = doc && rowAt(doc, ref.line);
  if (!doc || !row || row.kind !== 'mention') return { error: STALE };
  const same = `${row.startField.text}-${row.endField.text}` === ref.offsets && row.textField.text === ref.text
    && (row.typeField?.text ?? '') === ref.type && (row.idField?.text ?? '') === ref.id;
  if (!same) return { error: STALE };
  return { doc, row, span: mentionSpan(doc, row, unit) };
}

export interface ResolvedSelection {
  doc: PubtatorDocument;
  passage: PassageLine;
  /** Index of the passage in doc.passages. */
  index: number;
  /** UTF-16 indices into doc.text of the words (snapped unless exact). */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;

function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && WORD.test(text[i]);
}

/**
 * Widens [s, e) of `text` to whole words: an edge inside a word moves out to
 * the word's edge; spaces and punctuation at either end are dropped.
 */
export function snapToWords(text: string, s: number, e: number): [number, number] {
  while (s > 0 && isWordAt(text, s) && isWordAt(text, s - 1)) s--;
  while (e < text.length && isWordAt(text, e - 1) && isWordAt(text, e)) e++;
  while (s < e && !isWordAt(text, s)) s++;
  while (e > s && !isWordAt(text, e - 1)) e--;
  return [s, e];
}

function isSelection(s: unknown): s is TextSelection {
  const r = s as TextSelection;
  return typeof r === 'object' && r !== null && Number.isSafeInteger(r.line) && Number.isSafeInteger(r.from)
    && Number.isSafeInteger(r.to) && typeof r.text === 'string';
}

/** The words a selection stands for in the current text, or why it cannot be annotated. */
export function resolveSelection(file: ParsedFile, sel: unknown): ResolvedSelection | Refused {
  if (!isSelection(sel)) return { error: 'No selection was given.' };
  const doc = documentAt(file, sel.line);
  const passage = doc && rowAt(doc, sel.line);
  if (!doc || !passage || passage.kind !== 'passage') return { error: STALE };
  const text = passage.text.text;
  const from = Math.min(sel.from, sel.to);
  const to = Math.max(sel.from, sel.to);
  if (sel.endLine !== undefined && sel.endLine !== sel.line) {
    return { error: 'A mention cannot run from one passage into the next (the title and the abstract are separate).' };
  }
  if (from < 0 || to > text.length || text.slice(from, to) !== sel.text) return { error: STALE };
  const [s, e] = sel.exact ? [from, to] : snapToWords(text, from, to);
  if (s >= e) return { error: 'The selection holds no words to annotate.' };
  if (/[\t\r\n]/.test(text.slice(s, e))) return { error: 'The selection holds a TAB or a line break, which a mention row cannot hold.' };
  const index = doc.passages.indexOf(passage);
  const base = doc.passageStarts[index];
  if (base === undefined) return { error: STALE };
  return { doc, passage, index, start: base + s, end: base + e };
}

/** A curation edit: what to apply (all ranges against the text the intent was checked on) and its undo label. */
export interface Planned {
  edits: import('../textEdit').TextEdit[];
  label: string;
}

/** A type or id as the user gave it: trimmed, and never holding a TAB or line break. */
export function cleanValue(value: unknown, what: string): string | Refused {
  const v = typeof value === 'string' ? value.trim() : '';
  if (/[\t\r\n]/.test(v)) return { error: `The ${what} cannot hold a TAB or a line break.` };
  return v;
}
