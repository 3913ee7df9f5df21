// The documents a request about some lines concerns. Documents are sorted by
// line and never overlap, so a binary search finds the first one and the walk
// stops at the last: a request for one screen touches only its documents,
// whatever the size of the file.

import type { ParsedFile, PubtatorDocument } from '../parse/model';
import { firstEndingAtOrAfter } from '../parse/documentSearch';
import type { Range } from '../types';

/** Documents with at least one line in `fromLine..toLine` (inclusive), in order. */
export function documentsBetween(file: ParsedFile, fromLine: number, toLine: number): PubtatorDocument[] {
  const docs = file.documents;
  const out: PubtatorDocument[] = [];
  if (!(toLine >= fromLine)) return out;
  for (let i = firstEndingAtOrAfter(docs, fromLine); i < docs.length && docs[i].startLine <= toLine; i++) out.push(docs[i]);
  return out;
}

/** Lines a range asks for; undefined for the whole file. A malformed range asks for nothing. */
export function linesOf(range: Range | undefined): { from: number; to: number } | undefined {
  if (range === undefined) return undefined;
  const from = typeof range === 'object' && range !== null ? range.start?.line : undefined;
  const to = typeof range === 'object' && range !== null ? range.end?.line : undefined;
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to)) return { from: 0, to: -1 };
  return { from: Math.max(0, from as number), to: to as number };
}

/**
 * Runs `visit` on every document of the file, giving back afterwards the rows
 * of documents nobody had parsed (as validation does), so a whole-file feature
 * never holds the full model of a large file in memory.
 */
export function forEachDocument(file: ParsedFile, visit: (doc: PubtatorDocument, index: number) => void): void {
  file.documents.forEach((doc, i) => {
    const wasParsed = doc.materialized;
    try {
      visit(doc, i);
    } finally {
      if (!wasParsed) doc.release();
    }
  });
}
