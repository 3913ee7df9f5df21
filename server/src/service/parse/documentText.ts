// Mention offsets count characters of `title + " " + abstract`. Python
// producers count code points, Java and JavaScript UTF-16 units; the two
// differ only past surrogate pairs, so documents without any take a fast path.

import type { OffsetUnit, Position, Range } from '../types';
import { cached, type MentionRow, type PubtatorDocument } from './model';
import { partitionPoint } from '../sortedSearch';

const CODE_POINTS = {};

/** UTF-16 index of every code point of the document text, plus its end. */
function codePointTable(doc: PubtatorDocument): Uint32Array {
  return cached(doc, CODE_POINTS, () => {
    const text = doc.text;
    const indices: number[] = [];
    for (let i = 0; i < text.length; i++) {
      indices.push(i);
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
    }
    indices.push(text.length);
    return Uint32Array.from(indices);
  });
}

/** Length of the document text in the given unit. */
export function textLength(doc: PubtatorDocument, unit: OffsetUnit): number {
  if (unit === 'utf16' || !doc.astral) return doc.text.length;
  return codePointTable(doc).length - 1;
}

/** Converts a file offset to a UTF-16 index into `doc.text`; undefined past the end. */
export function toIndex(doc: PubtatorDocument, offset: number, unit: OffsetUnit): number | undefined {
  if (unit === 'utf16' || !doc.astral) return offset <= doc.text.length ? offset : undefined;
  const table = codePointTable(doc);
  return offset < table.length ? table[offset] : undefined;
}

/** Converts a UTF-16 index into `doc.text` to a file offset in the given unit. */
export function toOffset(doc: PubtatorDocument, index: number, unit: OffsetUnit): number {
  if (unit === 'utf16' || !doc.astral) return index;
  const table = codePointTable(doc);
  return Math.max(0, partitionPoint(table.length, (i) => table[i] <= index) - 1);
}

export interface Span {
  /** UTF-16 indices into `doc.text`. */
  start: number;
  end: number;
  /** What the span covers. */
  covered: string;
}

/** The text a mention's offsets cover, or undefined when they are unusable. */
export function mentionSpan(doc: PubtatorDocument, m: MentionRow, unit: OffsetUnit): Span | undefined {
  if (m.start === undefined || m.end === undefined || m.start > m.end) return undefined;
  const start = toIndex(doc, m.start, unit);
  const end = toIndex(doc, m.end, unit);
  if (start === undefined || end === undefined) return undefined;
  // Most spans cover just the row's text: then that string serves, and none is cut from the text.
  const text = m.textField.text;
  const covered = end - start === text.length && doc.text.startsWith(text, start) ? text : doc.text.slice(start, end);
  return { start, end, covered };
}

/** Index of the passage holding UTF-16 index `index` of the text (joining spaces go left). */
export function passageAt(doc: PubtatorDocument, index: number): number {
  // The binary search written out: this runs twice per mention row, and a closure per call is garbage per row.
  const starts = doc.passageStarts;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] <= index) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** Editor position of a UTF-16 index into the document text. */
export function positionOf(doc: PubtatorDocument, index: number, preferEnd = false): Position {
  if (doc.passages.length === 0) return { line: doc.startLine, character: 0 };
  let k = passageAt(doc, index);
  // An end index that falls on the start of a passage belongs to the previous one.
  if (preferEnd && k > 0 && index === doc.passageStarts[k]) k--;
  const p = doc.passages[k];
  const within = Math.min(index - doc.passageStarts[k], p.text.text.length);
  return { line: p.line, character: p.text.start + within };
}

/** Editor ranges a span of the text covers: one per passage it touches. */
export function rangesOfSpan(doc: PubtatorDocument, start: number, end: number): Range[] {
  if (doc.passages.length === 0) return [];
  const ranges: Range[] = [];
  const first = passageAt(doc, start);
  const last = end > start ? passageAt(doc, end - 1) : first;
  for (let k = first; k <= last; k++) {
    const p = doc.passages[k];
    const ps = doc.passageStarts[k];
    const s = Math.max(start, ps) - ps;
    const e = Math.min(end, ps + p.text.text.length) - ps;
    if (e < s) continue;
    ranges.push({
      start: { line: p.line, character: p.text.start + s },
      end: { line: p.line, character: p.text.start + e },
    });
  }
  return ranges;
}

/** Whether a span runs from one passage into the next. */
export function crossesPassages(doc: PubtatorDocument, start: number, end: number): boolean {
  if (end <= start) return false;
  return passageAt(doc, start) !== passageAt(doc, end - 1);
}
