// Lines to documents. Tolerant by design: any string parses, and every line
// lands in the model (as a passage, a row, or a malformed line) so the checks
// can report it. Nothing here throws on input.
//
// This file only finds where documents begin and end, in one fast scan; each
// document parses its own rows when first read (see lazyDocument.ts).

import { LazyDocument } from './lazyDocument';
import type { ParsedFile } from './model';
import { ABSTRACT_MARKERS, classifyRow, isBlank, mayBePassage, PASSAGE, splitFields, TITLE_MARKERS } from './rows';

export interface ParseOptions {
  /** Line number of the text's first line (when parsing one block of a larger file). */
  firstLine?: number;
  /** Id of the document just before the text (tells NLM-Chem-style continuation blocks). */
  previousId?: string;
}

/** The document being scanned: what decides whether the next line still belongs to it. */
interface Open {
  id: string;
  startLine: number;
  startOffset: number;
  base: number;
  endLine: number;
  endOffset: number;
  hasPassages: boolean;
  hasAbstract: boolean;
  hasRows: boolean;
}

export function parsePubtator(text: string, options: ParseOptions = {}): ParsedFile {
  const first = options.firstLine ?? 0;
  // A byte-order mark counts only at the very start of the file, not of a block.
  const bom = first === 0 && text.charCodeAt(0) === 0xfeff;
  const file: ParsedFile = { lineCount: 0, documents: [], stray: [], bom, crlf: false };
  let previousId = options.previousId;
  let open: Open | undefined;

  const close = () => {
    if (!open) return;
    const o = open;
    file.documents.push(new LazyDocument(text, o.startOffset, o.endOffset, o.base, o.id, o.startLine, o.endLine, o.id === previousId));
    previousId = o.id;
    open = undefined;
  };
  const start = (id: string, line: number, offset: number, base: number): Open => {
    open = { id, startLine: line, startOffset: offset, base, endLine: line, endOffset: offset, hasPassages: false, hasAbstract: false, hasRows: false };
    return open;
  };

  let pos = 0;
  let line = first;
  const length = text.length;
  while (pos <= length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = length;
    let lineEnd = nl;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) {
      lineEnd--;
      file.crlf = true;
    }
    const base = line === first && bom ? 1 : 0;
    const from = pos + base;
    if (isBlank(text, from, lineEnd)) {
      close();
    } else {
      PASSAGE.lastIndex = from;
      const passage = mayBePassage(text, from, lineEnd) ? PASSAGE.exec(text) : null;
      if (passage) {
        const id = passage[1];
        const marker = passage[2];
        const isTitle = TITLE_MARKERS.has(marker);
        const isAbstract = ABSTRACT_MARKERS.has(marker);
        if (open && open.hasRows) {
          // An abstract that arrives after rows of its own document was misplaced,
          // not a new document: keep it, and let a check say so.
          const late = isAbstract && id === open.id && !open.hasAbstract;
          if (!late) close();
        } else if (open && isTitle && open.hasPassages) {
          close();
        }
        const doc = open ?? start(id, line, pos, base);
        doc.hasPassages = true;
        if (isAbstract) doc.hasAbstract = true;
        doc.endLine = line;
        doc.endOffset = lineEnd;
      } else if (open) {
        open.hasRows = true;
        open.endLine = line;
        open.endOffset = lineEnd;
      } else {
        const fields = splitFields(text.slice(from, lineEnd), base);
        const row = classifyRow(fields, line);
        if (row.kind === 'malformed') {
          file.stray.push(row);
        } else {
          const doc = start(fields[0].text.trim(), line, pos, base);
          doc.hasRows = true;
          doc.endOffset = lineEnd;
        }
      }
    }
    line++;
    pos = nl + 1;
  }
  close();
  file.lineCount = line - first;
  if (first > 0) file.firstLine = first;
  return file;
}
