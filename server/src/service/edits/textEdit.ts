// Edits as plain data ({range, newText}, the LSP TextEdit shape), the small
// builders every editing feature shares, and a pure `applyEdits` that reads
// positions exactly as LSP does (so tests and the fix verifier see what an
// editor would).

import type { Field, MentionRow, ParsedFile, PubtatorDocument, Row } from '../parse/model';
import type { Position, Range } from '../types';
import { lineRange } from '../types';
import { rowAt } from '../features/locate';
import { partitionPoint } from '../sortedSearch';

export interface TextEdit {
  range: Range;
  newText: string;
}

/** Replaces one field of a row (its TABs and the rest of the line stay as they are). */
export function replaceField(line: number, field: Field, newText: string): TextEdit {
  return { range: lineRange(line, field.start, field.end), newText };
}

/** Replaces a part of a field, `from`-`to` counted inside the field. */
export function replaceInField(line: number, field: Field, from: number, to: number, newText: string): TextEdit {
  return { range: lineRange(line, field.start + from, field.start + to), newText };
}

/** The line exactly as the parser read it (without its line break; a BOM kept on the first line). */
export function rowText(row: Row): string {
  let fields: Field[];
  switch (row.kind) {
    case 'passage':
      return lead(row.docId) + row.docId.text + '|' + row.marker.text + '|' + row.text.text;
    case 'mention':
      fields = mentionFields(row);
      break;
    case 'relation':
      fields = [row.pmid, row.typeField, row.idFields[0], row.idFields[1], ...row.extra];
      break;
    default:
      fields = row.fields;
  }
  return lead(fields[0]) + fields.map((f) => f.text).join('\t');
}

export function mentionFields(m: MentionRow): Field[] {
  const fields = [m.pmid, m.startField, m.endField, m.textField];
  if (m.typeField) fields.push(m.typeField);
  if (m.idField) fields.push(m.idField);
  return fields.concat(m.extra);
}

/** A first field that starts at 1 sits after a byte-order mark. */
function lead(first: Field): string {
  return first.start === 1 ? '\ufeff' : '';
}

/** Length of a row's line in UTF-16 units, without its line break. */
export function lineLength(row: Row): number {
  return rowText(row).length;
}

/**
 * Deletes a row's whole line with its line break. The last line of a file
 * without a final line break takes the break before it instead, so no blank
 * line is left behind.
 */
export function deleteLine(file: ParsedFile, doc: PubtatorDocument, line: number): TextEdit {
  if (line + 1 < endLine(file)) return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
  const row = rowAt(doc, line);
  const previous = line > doc.startLine ? rowAt(doc, line - 1) : undefined;
  const end = row ? lineLength(row) : 0;
  if (!previous) return { range: lineRange(line, 0, end), newText: '' };
  return { range: { start: { line: line - 1, character: lineLength(previous) }, end: { line, character: end } }, newText: '' };
}

/** The line after the parsed text's last (a chunk of a file counts from its own first line). */
function endLine(file: ParsedFile): number {
  return (file.firstLine ?? 0) + file.lineCount;
}

/** The line break a file uses. */
export function eolOf(file: ParsedFile): string {
  return file.crlf ? '\r\n' : '\n';
}

/**
 * Inserts a new line holding `text` right after line `after` of a document
 * (or before its first line when `after` is below it).
 */
export function insertLineAfter(file: ParsedFile, doc: PubtatorDocument, after: number, text: string): TextEdit {
  const eol = eolOf(file);
  if (after < doc.startLine) return { range: lineRange(doc.startLine, 0, 0), newText: text + eol };
  if (after + 1 < endLine(file)) return { range: lineRange(after + 1, 0, 0), newText: text + eol };
  const row = rowAt(doc, after);
  const end = row ? lineLength(row) : 0;
  return { range: lineRange(after, end, end), newText: eol + text };
}

/** Offsets where each line starts, and where each line's content ends (before `\r\n` or `\n`). */
export interface LineTable {
  starts: number[];
  ends: number[];
}

export function lineTable(text: string): LineTable {
  const starts = [0];
  const ends: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    ends.push(i > 0 && text.charCodeAt(i - 1) === 13 ? i - 1 : i);
    starts.push(i + 1);
  }
  ends.push(text.length);
  return { starts, ends };
}

/** The text offset of an LSP position: past the end of a line means its end, past the last line the end of the text. */
export function offsetAt(table: LineTable, p: Position): number {
  if (p.line >= table.starts.length) return table.ends[table.ends.length - 1];
  if (p.line < 0) return 0;
  const start = table.starts[p.line];
  return Math.min(start + Math.max(0, p.character), table.ends[p.line]);
}

/** The LSP position of a text offset (never inside a `\r\n`). */
export function positionAt(table: LineTable, offset: number): Position {
  // The last line starting at or before the offset (line 0 for any offset before it).
  const line = Math.max(0, partitionPoint(table.starts.length, (i) => table.starts[i] <= offset) - 1);
  return { line, character: Math.min(offset, table.ends[line]) - table.starts[line] };
}

/**
 * Applies edits the way an LSP client does: all ranges refer to the text
 * before any edit, and they must not overlap (throws if they do: a bug).
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const table = lineTable(text);
  const spans = edits.map((e, i) => ({ from: offsetAt(table, e.range.start), to: offsetAt(table, e.range.end), text: e.newText, i }))
    .sort((a, b) => a.from - b.from || a.to - b.to || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.from < at) throw new Error(`overlapping edits at offset ${s.from}`);
    out += text.slice(at, s.from) + s.text;
    at = Math.max(at, s.to);
  }
  return out + text.slice(at);
}

/** Lines an edit touches (a whole-line deletion touches only the deleted line). */
export function linesOf(edit: TextEdit): number[] {
  const { start, end } = edit.range;
  const last = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
  const lines: number[] = [];
  for (let l = start.line; l <= Math.max(start.line, last); l++) lines.push(l);
  return lines;
}
