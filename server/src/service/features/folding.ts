// Folding: each document, and inside it each block of mention rows and each
// block of relation rows (see documentShape.ts). A block of one line is not worth
// a fold.

import type { ParsedFile } from '../parse/model';
import { forEachDocument } from './documentWindow';
import { documentShape } from './documentShape';

export interface FoldingRange {
  startLine: number;
  endLine: number;
}

/** Folding ranges of the whole file, in line order. */
export function foldingRanges(file: ParsedFile): FoldingRange[] {
  const out: FoldingRange[] = [];
  forEachDocument(file, (doc) => {
    if (doc.endLine > doc.startLine) out.push({ startLine: doc.startLine, endLine: doc.endLine });
    for (const b of documentShape(doc).blocks) {
      if (b.endLine > b.startLine) out.push({ startLine: b.startLine, endLine: b.endLine });
    }
  });
  return out;
}
