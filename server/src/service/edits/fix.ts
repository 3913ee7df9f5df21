// What a quick fix is, and the facts about spans that several fixes share.
// Offsets a fix writes are always in the file's offset unit.

import type { DocumentAnalysis } from '../analysis/analyseDocument';
import type { ParsedFile, PubtatorDocument } from '../parse/model';
import { toIndex, toOffset } from '../parse/documentText';
import type { Diagnostic, OffsetUnit } from '../types';
import type { TextEdit } from './textEdit';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to apply when the problem is fixed in bulk (and VS Code's "auto fix"). */
  preferred: boolean;
}

export interface FixContext {
  file: ParsedFile;
  doc: PubtatorDocument;
  unit: OffsetUnit;
  analysis: DocumentAnalysis;
}

/** Builds the fixes for one fresh diagnostic of the service (never one a client sent). */
export type FixBuilder = (ctx: FixContext, d: Diagnostic) => Fix[];

/** Length of a text in the offset unit. */
export function unitLength(text: string, unit: OffsetUnit): number {
  if (unit === 'utf16') return text.length;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Whether offsets `start`-`end` (file unit) cover exactly `text`. */
export function covers(doc: PubtatorDocument, start: number, end: number, text: string, unit: OffsetUnit): boolean {
  if (!(start >= 0 && end > start)) return false;
  const s = toIndex(doc, start, unit);
  const e = toIndex(doc, end, unit);
  return s !== undefined && e !== undefined && doc.text.slice(s, e) === text;
}

export interface Occurrence {
  start: number;
  end: number;
}

/** The occurrence of `text` in the document text closest to offset `target` (file unit); ties go to the earlier one. */
export function nearestOccurrence(doc: PubtatorDocument, text: string, target: number, unit: OffsetUnit): Occurrence | undefined {
  if (text.trim() === '') return undefined;
  let best: Occurrence | undefined;
  let bestDistance = Infinity;
  for (let i = doc.text.indexOf(text); i >= 0; i = doc.text.indexOf(text, i + 1)) {
    const start = toOffset(doc, i, unit);
    const distance = Math.abs(start - target);
    if (distance < bestDistance) {
      best = { start, end: toOffset(doc, i + text.length, unit) };
      bestDistance = distance;
    } else if (start > target) {
      break;
    }
  }
  return best;
}

/** Occurrences of `text` in the document text, counted up to `limit`. */
export function countOccurrences(doc: PubtatorDocument, text: string, limit = 2): number {
  if (text === '') return 0;
  let n = 0;
  for (let i = doc.text.indexOf(text); i >= 0 && n < limit; i = doc.text.indexOf(text, i + 1)) n++;
  return n;
}

/** Quotes file text for a title (titles are plain text). */
export function shown(text: string, max = 40): string {
  return JSON.stringify(text.length > max ? text.slice(0, max) + '…' : text);
}

/** "3 characters later", "1 character earlier". */
export function distance(shift: number): string {
  const n = Math.abs(shift);
  return `${n} character${n === 1 ? '' : 's'} ${shift > 0 ? 'later' : 'earlier'}`;
}
