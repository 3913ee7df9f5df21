// Positions in the projected PubTator text to offsets in the BioC file, and
// back: what puts a check's finding on the XML/JSON element, and a hover in
// the XML on the row it stands for.

import type { Position, Range } from '../types';
import type { OffsetPositions } from './lineIndex';
import type { FieldMap, LineMap, Projection } from './project';

/** The line maps of a projection (or of a part of one: checkBiocStream.ts). */
export interface LineMaps {
  lines: ArrayLike<LineMap | undefined>;
}

/** The file offset of a position in the projected text; undefined on a blank line. */
export function sourceOffset(p: LineMaps, pos: Position, isEnd: boolean): number | undefined {
  const line = p.lines[pos.line];
  if (!line) return undefined;
  const f = fieldAt(line.fields, pos.character);
  if (!f) return isEnd ? line.src.end : line.src.start;
  if (f.verbatim) return f.src.start + Math.min(pos.character - f.from, f.src.end - f.src.start);
  return isEnd ? f.src.end : f.src.start;
}

function fieldAt(fields: FieldMap[], character: number): FieldMap | undefined {
  for (const f of fields) if (character >= f.from && character <= f.to) return f;
  return undefined;
}

/**
 * A range of the projected text as a range of the BioC file. Within one
 * field it maps exactly (character for character where the text is
 * verbatim); across fields it is the element's first line.
 */
export function sourceRange(p: LineMaps, index: OffsetPositions, r: Range): Range | undefined {
  const line = p.lines[r.start.line];
  if (!line) return undefined;
  if (r.start.line === r.end.line) {
    const a = fieldAt(line.fields, r.start.character);
    const b = fieldAt(line.fields, r.end.character);
    if (a && a === b) return firstLine(index, index.range({ start: sourceOffset(p, r.start, false)!, end: sourceOffset(p, r.end, true)! }));
    // An empty range at a field's end (an insertion point) belongs to that field.
    if (a && r.start.character === r.end.character) return index.range({ start: sourceOffset(p, r.start, false)!, end: sourceOffset(p, r.start, false)! });
  }
  return firstLine(index, index.range(line.src));
}

/** A range cut to its first line (an element written over several lines is marked on its first). */
function firstLine(index: OffsetPositions, r: Range): Range {
  if (r.end.line === r.start.line) return r;
  const lineEnd = index.offset({ line: r.start.line + 1, character: 0 }) - 1;
  const end = index.position(Math.max(index.offset(r.start) + 1, lineEnd));
  return { start: r.start, end: end.line === r.start.line ? end : { line: r.start.line, character: r.start.character + 1 } };
}

/** The projected position standing for a file offset: the innermost field (else row) whose source holds it. */
export function projectedPosition(p: Projection, offset: number): Position | undefined {
  let best: { pos: Position; size: number } | undefined;
  p.lines.forEach((line, n) => {
    if (!line) return;
    // A field's source may lie outside its row's element (the document id, shared by every row).
    for (const f of line.fields) {
      if (offset < f.src.start || offset > f.src.end) continue;
      const size = f.src.end - f.src.start;
      const character = f.verbatim ? f.from + Math.min(offset - f.src.start, f.to - f.from) : f.from;
      if (!best || size < best.size) best = { pos: { line: n, character }, size };
    }
    const size = line.src.end - line.src.start;
    if (offset >= line.src.start && offset <= line.src.end && (!best || size < best.size)) best = { pos: { line: n, character: line.fields[0]?.from ?? 0 }, size };
  });
  return best?.pos;
}
