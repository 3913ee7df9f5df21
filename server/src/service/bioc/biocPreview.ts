// The reading view of a BioC file: the preview model computed on the
// projection onto PubTator (checkBioc.ts keeps it), with every line and
// column it holds moved onto the XML/JSON element it stands for, so a click
// in the view selects the element in the BioC file. The cursor's position in
// the file is first moved onto the projection to pick the document.

import { previewWindow, type PreviewOptions, type PreviewWindow } from '../features/preview/index';
import type { Position, Range } from '../types';
import { LAYOUT_ONLY, type BiocCheck } from './checkBioc';
import { projectedPosition, sourceRange } from './sourceMap';

export interface BiocPreviewRequest {
  /** The cursor in the BioC file. */
  position: Position;
  around?: number;
}

/** The projected position standing for a position in the BioC file (the next row's start between elements). */
export function projectedAt(view: BiocCheck, position: Position): Position {
  const offset = view.index.offset(position);
  return projectedPosition(view.projection, offset) ?? nearestRow(view, offset);
}

export function biocPreview(view: BiocCheck, request: BiocPreviewRequest, options: PreviewOptions = {}): PreviewWindow {
  const { projection, index } = view;
  const at = projectedAt(view, request.position);
  // Offsets in the projection count code points (as checkBioc checks them).
  const window = previewWindow(view.file, { line: at.line, character: at.character, around: request.around }, { ...options, unit: 'codepoint' });
  const back = (line: number, from: number, to: number): Range | undefined =>
    sourceRange(projection, index, { start: { line, character: from }, end: { line, character: to } });
  for (const doc of window.documents) {
    // The document spans the elements its rows stand for (passages, annotations, relations).
    let start = Infinity;
    let end = -Infinity;
    for (let n = doc.startLine; n <= doc.endLine; n++) {
      const src = projection.lines[n]?.src;
      if (src) [start, end] = [Math.min(start, src.start), Math.max(end, src.end)];
    }
    if (start <= end) [doc.startLine, doc.endLine] = [index.position(start).line, index.position(end).line];
    for (const m of doc.mentions) {
      const r = back(m.line, m.rowStart, m.rowEnd);
      if (r) Object.assign(m, { line: r.start.line, rowStart: r.start.character, rowEnd: r.end.line === r.start.line ? r.end.character : r.start.character + 1 });
    }
    for (const rel of doc.relations) {
      const r = back(rel.line, rel.rowStart, rel.rowEnd);
      if (r) Object.assign(rel, { line: r.start.line, rowStart: r.start.character, rowEnd: r.end.line === r.start.line ? r.end.character : r.start.character + 1 });
    }
    for (const p of doc.passages) {
      // Where the passage's text starts in the file (its <text> or "text" value).
      const r = back(p.line, p.textStart, p.textStart);
      if (r) Object.assign(p, { line: r.start.line, textStart: r.start.character });
    }
    // The line-layout checks say nothing about a BioC file (as in checkBioc).
    doc.problems = doc.problems.filter((p) => !LAYOUT_ONLY.has(p.code)).flatMap((p) => {
      const r = back(p.line, p.character, p.character);
      return r ? [{ ...p, line: r.start.line, character: r.start.character }] : [];
    });
  }
  return window;
}

/** The first projected row whose element starts at or after `offset` (the last row past the end): the cursor between elements. */
function nearestRow(view: BiocCheck, offset: number): Position {
  const lines = view.projection.lines;
  let last = 0;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (!line) continue;
    if (line.src.end >= offset) return { line: n, character: 0 };
    last = n;
  }
  return { line: last, character: 0 };
}
