// Deleting several whole rows at once: runs of neighbouring lines become one
// edit each, so the edits never overlap (two separate deletions of the last
// lines of a file would both want the line break before them).

import { rowAt } from '../../features/locate';
import type { ParsedFile, PubtatorDocument } from '../../parse/model';
import { deleteLine, lineLength, type TextEdit } from '../textEdit';

export function deleteRows(file: ParsedFile, doc: PubtatorDocument, lines: readonly number[]): TextEdit[] {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const edits: TextEdit[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    const a = sorted[i];
    const last = deleteLine(file, doc, sorted[j]);
    if (last.range.start.line === sorted[j]) {
      edits.push({ range: { start: { line: a, character: 0 }, end: last.range.end }, newText: '' });
    } else {
      // The run ends the file without a final line break: it takes the break before its first line.
      const previous = rowAt(doc, a - 1);
      const start = previous ? { line: a - 1, character: lineLength(previous) } : { line: a, character: 0 };
      edits.push({ range: { start, end: last.range.end }, newText: '' });
    }
    i = j + 1;
  }
  return edits;
}
