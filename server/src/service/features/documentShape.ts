// The outline of a document without its rows: where its blocks of mention rows
// and relation rows are (a malformed line inside a run does not break it),
// its first line's id and title, and where its lines end. Folding and the
// outline of a large file need only this. A document not parsed yet has its
// lines classified in place, in the text it was read from, without building
// any row: several times cheaper than parsing every document of a 50 MB file.

import { LazyDocument } from '../parse/lazyDocument';
import type { PubtatorDocument } from '../parse/model';
import { looksLikeMention, mayBePassage, PASSAGE, TITLE_MARKERS } from '../parse/rows';
import { rowAt } from './locate';
import { rowRange } from './rowRanges';

export interface RowBlock {
  kind: 'mention' | 'relation';
  startLine: number;
  endLine: number;
  /** Where the block's last line ends. */
  endCharacter: number;
  /** Rows of that kind in the block. */
  rows: number;
}

export interface DocumentShape {
  blocks: RowBlock[];
  /** The id on the first line. */
  idStart: number;
  idEnd: number;
  /** The first line's text when it is a title line. */
  title?: string;
  /** Where the document's first and last lines end. */
  firstLineEnd: number;
  lastLineEnd: number;
}

type LineKind = 'passage' | 'mention' | 'relation' | 'other';

interface Line {
  kind: LineKind;
  /** Start and end of the line's content, in characters from the line start. */
  from: number;
  to: number;
}

function classifyLine(text: string, from: number, to: number): LineKind {
  if (from >= to) return 'other';
  if (mayBePassage(text, from, to)) {
    PASSAGE.lastIndex = from;
    if (PASSAGE.exec(text) && PASSAGE.lastIndex <= to) return 'passage';
  }
  // Searched in the line only (a slice is a view, not a copy): indexOf on the text would run on to the
  // next TAB of the file, to its end for a title or abstract in a file without rows (quadratic).
  const line = text.slice(from, to);
  const tabs: number[] = [];
  for (let i = line.indexOf('\t'); i >= 0 && tabs.length < 5; i = line.indexOf('\t', i + 1)) tabs.push(from + i);
  const n = tabs.length + 1;
  if (n < 3) return 'other';
  const fieldAt = (k: number) => text.slice(tabs[k - 1] + 1, k < tabs.length ? tabs[k] : to);
  // classifyRow's rule, on a line still in the text (at most 6 columns are looked at).
  if (looksLikeMention(fieldAt(1), fieldAt(2), n)) return n >= 5 ? 'mention' : 'other';
  return n >= 4 ? 'relation' : 'other';
}

/** The shape read from the document's own text; undefined if its lines do not add up. */
function scanShape(doc: LazyDocument): DocumentShape | undefined {
  const { text, start, end } = doc.raw;
  if (end > text.length) return undefined;
  const lines: Line[] = [];
  let pos = start;
  let title: string | undefined;
  let idEnd = 0;
  while (pos <= end) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > end) nl = end;
    let lineEnd = nl;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const from = pos === 0 && text.charCodeAt(0) === 0xfeff ? 1 : pos;
    const kind = classifyLine(text, from, lineEnd);
    if (lines.length === 0) {
      PASSAGE.lastIndex = from;
      const m = kind === 'passage' ? PASSAGE.exec(text) : null;
      if (m && TITLE_MARKERS.has(m[2])) title = text.slice(PASSAGE.lastIndex, lineEnd);
      const tab = m ? -1 : text.slice(from, lineEnd).indexOf('\t');
      idEnd = (m ? from + m[1].length : tab >= 0 ? from + tab : lineEnd) - pos;
    }
    lines.push({ kind, from: from - pos, to: lineEnd - pos });
    pos = nl + 1;
  }
  if (lines.length !== doc.endLine - doc.startLine + 1) return undefined;
  return { blocks: blocksOf(lines), idStart: lines[0].from, idEnd, title, firstLineEnd: lines[0].to, lastLineEnd: lines[lines.length - 1].to };
}

/** The shape from the parsed rows. */
function parsedShape(doc: PubtatorDocument): DocumentShape {
  const lines: Line[] = [];
  for (let line = doc.startLine; line <= doc.endLine; line++) {
    const row = rowAt(doc, line);
    const r = row ? rowRange(row) : undefined;
    lines.push({ kind: !row || row.kind === 'malformed' ? 'other' : row.kind, from: r?.start.character ?? 0, to: r?.end.character ?? 0 });
  }
  const first = rowAt(doc, doc.startLine);
  const id = first?.kind === 'passage' ? first.docId : first?.kind === 'malformed' ? first.fields[0] : first?.pmid;
  const title = first?.kind === 'passage' && TITLE_MARKERS.has(first.marker.text) ? first.text.text : undefined;
  return {
    blocks: blocksOf(lines), idStart: id?.start ?? 0, idEnd: id?.end ?? 0, title,
    firstLineEnd: lines[0]?.to ?? 0, lastLineEnd: lines[lines.length - 1]?.to ?? 0,
  };
}

/** Runs of mention and of relation lines, in lines relative to the document's start. */
function blocksOf(lines: Line[]): RowBlock[] {
  const out: RowBlock[] = [];
  let open: RowBlock | undefined;
  lines.forEach(({ kind, to }, line) => {
    if (kind === 'other') return;
    if (open && kind === open.kind) {
      open.endLine = line;
      open.endCharacter = to;
      open.rows++;
      return;
    }
    open = undefined;
    if (kind === 'passage') return;
    open = { kind, startLine: line, endLine: line, endCharacter: to, rows: 1 };
    out.push(open);
  });
  return out;
}

// Shapes by document object, in lines relative to its start: a document's
// text never changes (an edit makes new documents), but an edit above may
// move it and its rows may be released; this survives both.
const known = new WeakMap<PubtatorDocument, DocumentShape>();

/** The document's shape, its blocks on the document's current lines. */
export function documentShape(doc: PubtatorDocument): DocumentShape {
  let shape = known.get(doc);
  if (!shape) {
    shape = (!doc.materialized && doc instanceof LazyDocument && scanShape(doc)) || parsedShape(doc);
    known.set(doc, shape);
  }
  const base = doc.startLine;
  return { ...shape, blocks: shape.blocks.map((b) => ({ ...b, startLine: b.startLine + base, endLine: b.endLine + base })) };
}
