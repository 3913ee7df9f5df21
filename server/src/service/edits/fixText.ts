// Every safe fix applied to a text without a human: the preferred quick fix of
// each problem, through the same fix-all machinery as the editor's "Fix all"
// and fix-on-save (codeActions.ts), so each fix is verified before it is
// taken and a new check's preferred fix is picked up with no change here. A
// fix that touches a row another fix already took waits for the next pass;
// passes repeat until nothing is left to fix (at most `maxPasses`).
//
// The text is one chunk of whole documents of a file (or the whole file), so
// a large file can be fixed chunk by chunk, on several threads. Only the
// changed rows change: line ends, a BOM and every other byte are kept.

import type { SeveritySettings } from '../checks/check';
import type { PubtatorDocument } from '../parse/model';
import { parseChunk, startsWithHiddenBom } from '../parse/parseChunk';
import type { OffsetUnit } from '../types';
import { FIXABLE_CODES, fixAllWithReport } from './codeActions';
import { applyEdits, type TextEdit } from './textEdit';

export interface FixTextOptions {
  /** Line of the text's first line in its file (0 for a whole file). */
  firstLine?: number;
  /**
   * More of the file follows the text, after a newline (a chunk that is not
   * the last): a fix that removes the text's last row takes that newline with
   * it, as it would in the whole file.
   */
  followed?: boolean;
  unit?: OffsetUnit;
  /** The levels checks run at: a problem whose check is off is not fixed. */
  severities?: SeveritySettings;
  maxPasses?: number;
}

/** One fix applied, placed where its problem was in the text as given. */
export interface TextFix {
  line: number;
  character: number;
  code: string;
  title: string;
}

export interface FixedText {
  text: string;
  /** In the order of the problems' places. */
  fixes: TextFix[];
}

const MAX_PASSES = 10;

/** Where each edit's lines were and are: old lines [oldStart, oldEnd], new lines [newStart, newEnd]. */
interface Moved {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

function newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Each edit's old and new line span, in order (edits never overlap). */
function moves(edits: readonly TextEdit[]): Moved[] {
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const out: Moved[] = [];
  let delta = 0;
  for (const e of sorted) {
    const oldStart = e.range.start.line;
    const oldEnd = e.range.end.line;
    const newStart = oldStart + delta;
    const newEnd = newStart + newlines(e.newText);
    delta += newEnd - newStart - (oldEnd - oldStart);
    out.push({ oldStart, oldEnd, newStart, newEnd });
  }
  return out;
}

/** The line before the edits of a line after them (a line inside an edit maps to the edit's first line). */
function oldLineOf(moved: readonly Moved[], line: number): number {
  let delta = 0;
  for (const m of moved) {
    if (line < m.newStart) break;
    if (line <= m.newEnd) return m.oldStart + Math.min(line - m.newStart, m.oldEnd - m.oldStart);
    delta = m.newEnd - m.oldEnd;
  }
  return line - delta;
}

export function fixText(text: string, options: FixTextOptions = {}): FixedText {
  const firstLine = options.firstLine ?? 0;
  // No human looks at these fixes: each must add no problem of any code.
  const fixOptions = { unit: options.unit, severities: options.severities, strict: true };
  const fixes: TextFix[] = [];
  /** Each pass's moves, first pass first: to place a later pass's problem in the text as given. */
  const history: Moved[][] = [];
  let current = options.followed ? text + '\n' : text;
  let changed: Moved[] | undefined;
  for (let pass = 0; pass < (options.maxPasses ?? MAX_PASSES); pass++) {
    const shim = startsWithHiddenBom(current, firstLine);
    const file = parseChunk(current, firstLine);
    // After the first pass only the documents an edit touched can have anything new to fix.
    const docs = changed ? file.documents.filter((d) => changed!.some((m) => overlaps(d, m))) : file.documents;
    if (docs.length === 0) break;
    const { edits, applied } = fixAllWithReport(file, FIXABLE_CODES, fixOptions, docs);
    if (edits.length === 0) break;
    for (const a of applied) {
      let line = a.problem.range.start.line;
      for (let h = history.length - 1; h >= 0; h--) line = oldLineOf(history[h], line);
      fixes.push({ line, character: a.problem.range.start.character, code: a.problem.code, title: a.title });
    }
    // Positions are in the file's lines; the text starts at `firstLine` (behind an empty line when shimmed).
    const base = shim ? firstLine - 1 : firstLine;
    const relative = edits.map((e) => ({
      newText: e.newText,
      range: { start: { line: e.range.start.line - base, character: e.range.start.character }, end: { line: e.range.end.line - base, character: e.range.end.character } },
    }));
    const next = applyEdits(shim ? '\n' + current : current, relative);
    current = shim ? next.slice(1) : next;
    changed = moves(edits);
    history.push(changed);
  }
  fixes.sort((a, b) => a.line - b.line || a.character - b.character);
  // Fixes change rows, never the break after the last line.
  return { text: options.followed ? current.slice(0, -1) : current, fixes };
}

function overlaps(doc: PubtatorDocument, m: Moved): boolean {
  return doc.startLine <= m.newEnd && doc.endLine >= m.newStart;
}
