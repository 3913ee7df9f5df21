// Text corrections carry the annotations: when a title or abstract text is
// edited, the mentions after the edit shift with it, and a mention the edit
// falls inside grows or shrinks, so every span still covers the same words.
// Pure: from the file as it was before the change and the change itself (one
// range on a passage line), the edits of the mention rows; their lines are not
// touched by the change, so the edits apply as well after it.

import { documentAt, rowAt } from '../../features/locate';
import { mentionSpan, toOffset } from '../../parse/documentText';
import type { ParsedFile } from '../../parse/model';
import type { OffsetUnit, Range } from '../../types';
import { replaceField, type TextEdit } from '../textEdit';

export interface TextChange {
  /** In the text before the change. */
  range: Range;
  text: string;
}

export interface Carry {
  edits: TextEdit[];
  /** Mentions moved whole, and mentions whose end (or start) moved because the edit fell inside them. */
  shifted: number;
  resized: number;
  /** Mentions whose words the change removed entirely: left as they were. */
  lost: number;
}

function unitLength(text: string, unit: OffsetUnit): number {
  if (unit === 'utf16') return text.length;
  let n = text.length;
  // Each surrogate pair is one code point.
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
      n--;
      i++;
    }
  }
  return n;
}

/** UTF-16 index in `text` of an offset in the unit. */
function indexOf(text: string, offset: number, unit: OffsetUnit): number {
  if (unit === 'utf16') return offset;
  let i = 0;
  for (let k = 0; k < offset && i < text.length; k++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return i;
}

/** The row edits that keep the annotations on their words; undefined when the change is not inside one passage's text. */
export function carryAnnotations(file: ParsedFile, change: TextChange, unit: OffsetUnit): Carry | undefined {
  const { start, end } = change?.range ?? {};
  if (!start || !end || start.line !== end.line || /[\r\n]/.test(change.text)) return undefined;
  const doc = documentAt(file, start.line);
  const passage = doc && rowAt(doc, start.line);
  if (!doc || !passage || passage.kind !== 'passage') return undefined;
  const field = passage.text;
  if (start.character < field.start || end.character > field.end || end.character < start.character) return undefined;
  const k = doc.passages.indexOf(passage);
  const from16 = doc.passageStarts[k] + start.character - field.start;
  const to16 = doc.passageStarts[k] + end.character - field.start;
  const fromU = toOffset(doc, from16, unit);
  const toU = toOffset(doc, to16, unit);
  const delta = unitLength(change.text, unit) - (toU - fromU);
  const after = doc.text.slice(0, from16) + change.text + doc.text.slice(to16);
  const carry: Carry = { edits: [], shifted: 0, resized: 0, lost: 0 };
  if (delta === 0 && change.text === doc.text.slice(from16, to16)) return carry;
  const newLength = unitLength(change.text, unit);
  for (const m of doc.mentions) {
    if (m.start === undefined || m.end === undefined || m.start > m.end) continue;
    // Ends before the change (typing right after a mention does not grow it).
    if (m.end <= fromU) continue;
    if (m.start >= toU) {
      // Starts after (typing right before a mention shifts it).
      if (delta === 0) continue;
      carry.edits.push(replaceField(m.line, m.startField, String(m.start + delta)), replaceField(m.line, m.endField, String(m.end + delta)));
      carry.shifted++;
      continue;
    }
    // The change overlaps the mention: the mention covers its words as they are now.
    const wasRight = mentionSpan(doc, m, unit)?.covered === m.textField.text;
    let s16 = indexOf(after, Math.min(m.start, fromU), unit);
    let e16 = indexOf(after, m.end > toU ? m.end + delta : fromU + newLength, unit);
    while (s16 < e16 && /\s/.test(after[s16])) s16++;
    while (e16 > s16 && /\s/.test(after[e16 - 1])) e16--;
    if (e16 <= s16) {
      carry.lost++;
      continue;
    }
    const s = unitLength(after.slice(0, s16), unit);
    const e = s + unitLength(after.slice(s16, e16), unit);
    const covered = after.slice(s16, e16);
    if (s !== m.start) carry.edits.push(replaceField(m.line, m.startField, String(s)));
    if (e !== m.end) carry.edits.push(replaceField(m.line, m.endField, String(e)));
    if (wasRight && covered !== m.textField.text) carry.edits.push(replaceField(m.line, m.textField, covered));
    if (s !== m.start || e !== m.end || (wasRight && covered !== m.textField.text)) carry.resized++;
  }
  return carry;
}

/** A change of one line: characters start-end (UTF-16) replaced by text. */
export interface LineChange {
  start: number;
  end: number;
  text: string;
}

/**
 * Two changes of one line in a row as one change of the line as it was
 * before both (keystrokes add up to one correction, so the rows are carried
 * once, from the text they were written for). `first` is in the characters
 * of `line`, `next` in those after `first`.
 */
export function composeLineChanges(line: string, first: LineChange, next: LineChange): LineChange {
  const apply = (text: string, c: LineChange) => text.slice(0, c.start) + c.text + text.slice(c.end);
  const twice = apply(apply(line, first), next);
  const grown = first.text.length - (first.end - first.start);
  const start = Math.min(first.start, next.start);
  // Where the next change ends, in the characters of `line` (inside first's text: first's end).
  const nextEnd = next.end <= first.start ? next.end : next.end <= first.start + first.text.length ? first.end : next.end - grown;
  const end = Math.max(first.end, nextEnd);
  // After `end`, the line is untouched: the same tail ends both texts.
  return { start, end, text: twice.slice(start, twice.length - (line.length - end)) };
}
