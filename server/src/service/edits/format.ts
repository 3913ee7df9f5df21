// Formatting a PubTator file. What it changes, precisely:
//   - line breaks: all become the file's most common one (LF on a tie), so a
//     CRLF file stays CRLF in an editor that keeps the file's line ending;
//   - blank lines: none before the first document, exactly one between two
//     documents (or groups of stray lines), and the file ends with exactly one
//     line break; a line of only spaces and TABs is blank (the parser ends a
//     document there too);
//   - row order, in a document whose lines are its passages followed by
//     mention and relation rows (no malformed line, no passage after a row):
//     passages first as they were, then the mention rows ordered by start
//     offset (stable: rows with equal starts keep their order; setting
//     `pubtator.format.sortMentions`), then the relation rows in their order;
//   - trailing spaces (U+0020 only) after the last field of a row, when that
//     field is a mention's entity type or concept id, or a relation's second
//     id or extra column: ids and types are read trimmed, so they carry no
//     meaning there.
// What it never touches: a passage line (trailing spaces of a title or an
// abstract count in every offset after them), a TAB anywhere (a row ending in
// TAB has an empty id or 7th column), the text column and the BC5CDR 7th
// column, malformed and stray lines, and a byte-order mark. So no PMID,
// offset, text or id changes, every document parses the same, and formatting
// twice changes nothing the second time.

import type { MentionRow, ParsedFile, PubtatorDocument, Row } from '../parse/model';
import { parsePubtator } from '../parse/parseFile';
import { rowAt } from '../features/locate';
import type { Range } from '../types';
import { lineTable, mentionFields, positionAt, type LineTable, type TextEdit } from './textEdit';

export interface FormatOptions {
  /** Order mention rows by start offset (default true). */
  sortMentions?: boolean;
  /** Format only the documents (and stray lines) this range touches. */
  range?: Range;
}

interface Block {
  startLine: number;
  endLine: number;
  doc?: PubtatorDocument;
}

/** The file's most common line break. */
function lineBreakOf(text: string, table: LineTable): string {
  let crlf = 0;
  for (let i = 0; i + 1 < table.starts.length; i++) if (table.starts[i + 1] - table.ends[i] === 2) crlf++;
  return crlf * 2 > table.starts.length - 1 ? '\r\n' : '\n';
}

/** Documents and runs of stray lines, in line order. */
function blocksOf(file: ParsedFile): Block[] {
  const blocks: Block[] = file.documents.map((doc) => ({ startLine: doc.startLine, endLine: doc.endLine, doc }));
  let run: Block | undefined;
  for (const s of file.stray) {
    if (run && s.line === run.endLine + 1) {
      run.endLine = s.line;
    } else {
      run = { startLine: s.line, endLine: s.line };
      blocks.push(run);
    }
  }
  // A run of stray lines never runs into a document: a line after a document's own line belongs to it.
  return blocks.sort((a, b) => a.startLine - b.startLine);
}

const TRAILING_SPACES = / +$/;

/** The row's line without the spaces after a last field that is read trimmed. */
function trimRow(line: string, row: Row | undefined): string {
  if (!row || !line.endsWith(' ')) return line;
  if (row.kind === 'mention') {
    const last = mentionFields(row).length - 1;
    return last === 4 || last === 5 ? line.replace(TRAILING_SPACES, '') : line;
  }
  if (row.kind === 'relation') return line.replace(TRAILING_SPACES, '');
  return line;
}

/** Whether a document is its passages, then mention and relation rows (so its rows may move). */
function reorderable(doc: PubtatorDocument): boolean {
  const first = rowAt(doc, doc.startLine);
  return first?.kind === 'passage' && doc.latePassages.length === 0 && doc.malformed.length === 0;
}

function startOf(m: MentionRow): number {
  return m.start ?? Number.POSITIVE_INFINITY;
}

/** The formatted lines of a document. */
function documentLines(doc: PubtatorDocument, line: (n: number) => string, sortMentions: boolean): string[] {
  if (!reorderable(doc)) {
    const out: string[] = [];
    for (let n = doc.startLine; n <= doc.endLine; n++) out.push(trimRow(line(n), rowAt(doc, n)));
    return out;
  }
  const mentions = sortMentions ? [...doc.mentions].sort((a, b) => startOf(a) - startOf(b)) : doc.mentions;
  const rows: Row[] = [...doc.passages, ...mentions, ...doc.relations];
  return rows.map((r) => trimRow(line(r.line), r));
}

/** Lines of a range, a selection ending at the start of a line not counting that line. */
function linesOfRange(r: Range): [number, number] {
  const to = r.end.line > r.start.line && r.end.character === 0 ? r.end.line - 1 : r.end.line;
  return [r.start.line, Math.max(r.start.line, to)];
}

function isSurrogatePair(s: string, i: number): boolean {
  const a = s.charCodeAt(i - 1);
  const b = s.charCodeAt(i);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

/** Whether cutting `s` before index i would split a `\r\n` or a surrogate pair. */
function badCut(s: string, i: number): boolean {
  return i > 0 && i < s.length && ((s.charCodeAt(i - 1) === 13 && s.charCodeAt(i) === 10) || isSurrogatePair(s, i));
}

/** The one edit turning `text[from, to)` into `wanted`, narrowed to what differs. */
function narrowEdit(text: string, table: LineTable, from: number, to: number, wanted: string): TextEdit | undefined {
  const old = text.slice(from, to);
  if (old === wanted) return undefined;
  const max = Math.min(old.length, wanted.length);
  let p = 0;
  while (p < max && old.charCodeAt(p) === wanted.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && old.charCodeAt(old.length - 1 - s) === wanted.charCodeAt(wanted.length - 1 - s)) s++;
  while (p > 0 && (badCut(text, from + p) || badCut(wanted, p))) p--;
  while (s > 0 && (badCut(text, to - s) || badCut(wanted, wanted.length - s))) s--;
  return {
    range: { start: positionAt(table, from + p), end: positionAt(table, to - s) },
    newText: wanted.slice(p, wanted.length - s),
  };
}

/**
 * Edits that format the file (or the documents a range touches). `file` is
 * the parse of `text` when the caller has it; it is parsed here otherwise.
 */
export function formatEdits(text: string, file: ParsedFile | undefined, options: FormatOptions = {}): TextEdit[] {
  const table = lineTable(text);
  if (!file || file.lineCount !== table.starts.length) file = parsePubtator(text);
  const eol = lineBreakOf(text, table);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const line = (n: number) => text.slice(n === 0 ? table.starts[0] + bom : table.starts[n], table.ends[n]);
  const sortMentions = options.sortMentions ?? true;
  const blocks = blocksOf(file);
  if (blocks.length === 0) {
    const edit = options.range ? undefined : narrowEdit(text, table, bom, text.length, '');
    return edit ? [edit] : [];
  }
  const [fromLine, toLine] = options.range ? linesOfRange(options.range) : [0, Number.POSITIVE_INFINITY];
  const edits: TextEdit[] = [];
  blocks.forEach((block, i) => {
    if (block.endLine < fromLine || block.startLine > toLine) return;
    const wasParsed = block.doc?.materialized ?? true;
    const lines: string[] = [];
    if (block.doc) {
      lines.push(...documentLines(block.doc, line, sortMentions));
    } else {
      for (let n = block.startLine; n <= block.endLine; n++) lines.push(line(n));
    }
    if (!wasParsed) block.doc!.release();
    const last = i + 1 === blocks.length;
    // Each block owns its lines and the blank lines after it (the first also those before it).
    const from = i === 0 ? bom : table.starts[block.startLine];
    const to = last ? text.length : table.starts[blocks[i + 1].startLine];
    const edit = narrowEdit(text, table, from, to, lines.join(eol) + eol + (last ? '' : eol));
    if (edit) edits.push(edit);
  });
  return edits;
}
