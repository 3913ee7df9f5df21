// Edits of one mention, from intents the view sends: add a span over
// selected words, retype, re-identify, resize either end by a word (the id
// stays, so every relation using it stays), and delete (telling which
// relations lose the last mention of their id, and deleting them only when
// asked to).

import { passageAt, toOffset } from '../../parse/documentText';
import type { MentionRow, ParsedFile } from '../../parse/model';
import type { OffsetUnit } from '../../types';
import type { IdContext } from './choices';
import type { CorpusSchema } from '../../schema/schema';
import { replaceField, type TextEdit } from '../textEdit';
import { emptyIdMarker, keepsOffsetOrder } from './conventions';
import { deleteRows } from './deleteRows';
import { insertMentionRows, mentionRowText } from './rowPlacement';
import { cleanValue, resolveMention, resolveSelection, snapToWords, type Planned, type Refused, type TextSelection } from './target';

export interface CurateOptions {
  unit?: OffsetUnit;
  schema?: CorpusSchema;
  /** For the id picker only: the corpus's other files and an open MeSH index. */
  ids?: IdContext;
}

function unitOf(options: CurateOptions): OffsetUnit {
  return options.unit ?? 'codepoint';
}

function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? s.slice(0, 39) + '…' : s);
}

export function addSpan(file: ParsedFile, intent: { selection: TextSelection; type: unknown; id: unknown }, options: CurateOptions = {}): Planned | Refused {
  const sel = resolveSelection(file, intent?.selection);
  if ('error' in sel) return sel;
  const type = cleanValue(intent.type, 'entity type');
  if (typeof type !== 'string') return type;
  if (type === '') return { error: 'Pick an entity type for the mention.' };
  let id = cleanValue(intent.id, 'id');
  if (typeof id !== 'string') return id;
  if (id === '') id = emptyIdMarker(file, sel.doc);
  const { doc } = sel;
  const unit = unitOf(options);
  const start = toOffset(doc, sel.start, unit);
  const end = toOffset(doc, sel.end, unit);
  const words = doc.text.slice(sel.start, sel.end);
  const same = doc.mentions.find((m) => m.start === start && m.end === end && (m.typeField?.text.trim() ?? '') === type);
  if (same) return { error: `${quote(words)} is already annotated as ${type} (line ${same.line + 1}); retype or re-identify that mention instead.` };
  return { edits: insertMentionRows(file, doc, [{ start: sel.start, end: sel.end, type, id }], unit), label: `Annotate ${quote(words)} as ${type}` };
}

export function retype(file: ParsedFile, intent: { mention: unknown; type: unknown }, options: CurateOptions = {}): Planned | Refused {
  const found = resolveMention(file, intent?.mention, unitOf(options));
  if ('error' in found) return found;
  const type = cleanValue(intent.type, 'entity type');
  if (typeof type !== 'string') return type;
  if (type === '') return { error: 'Pick an entity type for the mention.' };
  const { row } = found;
  if (row.typeField?.text.trim() === type) return { error: `The mention is already of type ${type}.` };
  const edit: TextEdit = row.typeField ? replaceField(row.line, row.typeField, type)
    : { range: { start: { line: row.line, character: row.textField.end }, end: { line: row.line, character: row.textField.end } }, newText: '\t' + type };
  return { edits: [edit], label: `Retype ${quote(row.textField.text)} as ${type}` };
}

export function reidentify(file: ParsedFile, intent: { mention: unknown; id: unknown }, options: CurateOptions = {}): Planned | Refused {
  const found = resolveMention(file, intent?.mention, unitOf(options));
  if ('error' in found) return found;
  let id = cleanValue(intent.id, 'id');
  if (typeof id !== 'string') return id;
  if (id === '') id = emptyIdMarker(file, found.doc);
  const { row } = found;
  if ((row.idField?.text.trim() ?? '') === id) return { error: `The mention already has the id ${id || '(none)'}.` };
  let edit: TextEdit;
  if (row.idField) edit = replaceField(row.line, row.idField, id);
  else {
    const after = row.typeField ?? row.textField;
    const at = { line: row.line, character: after.end };
    edit = { range: { start: at, end: at }, newText: (row.typeField ? '' : '\t') + '\t' + id };
  }
  return { edits: [edit], label: `Set the id of ${quote(row.textField.text)} to ${id || '(none)'}` };
}

/** Relations of the document whose id loses its last mention when `row` goes. */
export function relationsLosingLastMention(doc: ParsedFile['documents'][number], row: MentionRow): number[] {
  if (row.concept.none) return [];
  const id = row.concept.raw.trim();
  if (doc.mentions.some((m) => m !== row && m.concept.raw.trim() === id)) return [];
  return doc.relations.filter((r) => r.idFields.some((f) => f.text.trim() === id)).map((r) => r.line);
}

export type DeleteAnswer = Planned | Refused | { ask: string; relations: number[] };

/**
 * Deletes a mention row. When it is the last mention of an id that relations
 * use, `relations` says what to do with them: `ask` (the default) answers
 * with the question and writes nothing, `keep` or `delete`.
 */
export function deleteMention(file: ParsedFile, intent: { mention: unknown; relations?: 'ask' | 'keep' | 'delete' }, options: CurateOptions = {}): DeleteAnswer {
  const found = resolveMention(file, intent?.mention, unitOf(options));
  if ('error' in found) return found;
  const { doc, row } = found;
  const orphaned = relationsLosingLastMention(doc, row);
  const what = intent.relations ?? 'ask';
  if (orphaned.length && what === 'ask') {
    const n = orphaned.length;
    return {
      ask: `${quote(row.textField.text)} is the last mention of ${row.concept.raw.trim()}, which ${n === 1 ? '1 relation uses' : `${n} relations use`}. Delete ${n === 1 ? 'it' : 'them'} too?`,
      relations: orphaned,
    };
  }
  const lines = what === 'delete' ? [row.line, ...orphaned] : [row.line];
  const extra = what === 'delete' && orphaned.length ? ` and ${orphaned.length} relation${orphaned.length === 1 ? '' : 's'}` : '';
  return { edits: deleteRows(file, doc, lines), label: `Delete the mention ${quote(row.textField.text)}${extra}` };
}

const WORD = /[\p{L}\p{N}\p{M}_]/u;

/** The next word edge from `i` moving `dir` inside [lo, hi]: past non-word characters, then past a word. */
function wordEdge(text: string, i: number, dir: 1 | -1, lo: number, hi: number): number {
  const at = (k: number) => (dir > 0 ? text[k] : text[k - 1]);
  const inside = (k: number) => (dir > 0 ? k < hi : k > lo);
  while (inside(i) && !WORD.test(at(i))) i += dir;
  while (inside(i) && WORD.test(at(i))) i += dir;
  return i;
}

export interface ResizeIntent {
  mention: unknown;
  side: 'start' | 'end';
  /** A word right (+1) or left (-1). */
  step?: 1 | -1;
  /** Or to this UTF-16 place in the mention's passage text (an edge dragged), snapped to a word edge unless `exact`. */
  to?: number;
  exact?: boolean;
}

/**
 * Moves one end of a mention by a word: `side` start or end, `step` +1 to the
 * right, -1 to the left. The id and type stay; only the offsets and the text
 * column change (the row moves when the file keeps offset order and the new
 * start needs another place).
 */
export function resize(file: ParsedFile, intent: ResizeIntent, options: CurateOptions = {}): Planned | Refused {
  const unit = unitOf(options);
  const found = resolveMention(file, intent?.mention, unit);
  if ('error' in found) return found;
  const { doc, row, span } = found;
  if (!span || span.start >= span.end) return { error: 'The offsets of this mention are not usable; fix them in the editor first.' };
  if (intent.side !== 'start' && intent.side !== 'end') return { error: 'Say which end of the mention to move.' };
  const step = intent.step === -1 ? -1 : 1;
  const k = passageAt(doc, span.start);
  const lo = doc.passageStarts[k];
  const hi = lo + doc.passages[k].text.text.length;
  let { start, end } = span;
  if (intent.to !== undefined) {
    // An edge dragged to a place in the passage: to the word edge there, unless exact.
    if (!Number.isSafeInteger(intent.to) || intent.to < 0 || intent.to > hi - lo) return { error: 'A mention cannot run from one passage into the next.' };
    const text = doc.passages[k].text.text;
    let at = intent.to;
    if (!intent.exact) {
      const [s, e] = snapToWords(text, intent.side === 'start' ? at : Math.max(0, at - 1), intent.side === 'start' ? Math.min(text.length, at + 1) : at);
      at = intent.side === 'start' ? s : e;
    }
    if (intent.side === 'start') start = lo + at;
    else end = lo + at;
    if (!intent.exact) {
      start = trimFront(doc.text, start, end);
      end = trimBack(doc.text, end, start);
    }
  } else if (intent.side === 'end') {
    end = step > 0 ? wordEdge(doc.text, end, 1, lo, hi) : trimBack(doc.text, wordEdge(doc.text, end, -1, lo, hi), start);
  } else {
    start = step < 0 ? wordEdge(doc.text, start, -1, lo, hi) : trimFront(doc.text, wordEdge(doc.text, start, 1, lo, hi), end);
  }
  if (start === span.start && end === span.end) {
    return { error: intent.to !== undefined ? 'The mention already ends there.' : `The ${intent.side} of the mention is already at the ${step > 0 ? 'right' : 'left'} edge of its passage.` };
  }
  if (start >= end) return { error: 'A mention keeps at least one word; delete it instead.' };
  const newRow = mentionRowText(doc, { start, end, type: row.typeField?.text ?? '', id: row.idField?.text ?? '' }, unit);
  const label = `Resize ${quote(row.textField.text)} to ${quote(doc.text.slice(start, end))}`;
  const newStart = toOffset(doc, start, unit);
  const i = doc.mentions.indexOf(row);
  const prev = doc.mentions[i - 1];
  const next = doc.mentions[i + 1];
  const inOrder = (!prev || prev.start === undefined || prev.start <= newStart) && (!next || next.start === undefined || newStart <= next.start);
  if (!inOrder && keepsOffsetOrder(file, doc)) {
    // Placed among the rows as they are: landing next to the old row is fine, since that line goes.
    const insert = insertMentionRows(file, doc, [{ start, end, type: row.typeField?.text ?? '', id: row.idField?.text ?? '' }], unit);
    return { edits: [...deleteRows(file, doc, [row.line]), ...insert], label };
  }
  // Rewrites the columns up to the id; extra columns stay as written.
  const fields = newRow.split('\t');
  const edits: TextEdit[] = [
    replaceField(row.line, row.startField, fields[1]),
    replaceField(row.line, row.endField, fields[2]),
    replaceField(row.line, row.textField, fields[3]),
  ];
  return { edits, label };
}

/** After shrinking the end to a word edge, the spaces before it go too. */
function trimBack(text: string, e: number, s: number): number {
  while (e > s && !WORD.test(text[e - 1])) e--;
  return e;
}

function trimFront(text: string, s: number, e: number): number {
  while (s < e && !WORD.test(text[s])) s++;
  return s;
}
