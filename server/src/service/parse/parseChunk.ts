// Parsing one piece of a larger file (a block or chunk of whole documents)
// exactly as the whole-file parse sees those lines.

import type { ParsedFile } from './model';
import { parsePubtator } from './parseFile';

/** The parser skips a byte-order mark at the start of its text; mid-file the whole-file parse keeps it. */
export function startsWithHiddenBom(text: string, firstLine: number): boolean {
  return firstLine > 0 && text.charCodeAt(0) === 0xfeff;
}

/**
 * Parses `text`, whose first line is line `firstLine` of its file; `previousId`
 * is the id of the document just before it, when known (NLM-Chem continuations).
 */
export function parseChunk(text: string, firstLine: number, previousId?: string): ParsedFile {
  // Mid-file, a BOM is hidden behind an empty line, which changes nothing else.
  if (startsWithHiddenBom(text, firstLine)) return parsePubtator('\n' + text, { firstLine: firstLine - 1, previousId });
  return parsePubtator(text, { firstLine, previousId });
}
