// The keystroke every benchmark types: a digit put into, then taken out of,
// the start offset of a mention row half-way down the file. Each keystroke
// changes one document and its diagnostics.

import type { IncrementalFile } from '../server/src/service/incrementalFile';

export interface Typist {
  /** The line typed in (0-based). */
  line: number;
  /** Where the digit goes on that line. */
  column: number;
  /** Types keystroke `i` (a digit in, or out again) into `lines` and `file`. */
  type(i: number): void;
}

export function typist(lines: string[], file?: IncrementalFile): Typist {
  let line = lines.length >> 1;
  while (!/^\S+\t\d+\t\d+\t/.test(lines[line])) line++;
  const original = lines[line];
  const column = original.indexOf('\t') + 1;
  return {
    line,
    column,
    type(i) {
      lines[line] = i % 2 ? original : original.slice(0, column) + '9' + original.slice(column);
      file?.applyEdit({ startLine: line, endLine: line, newEndLine: line }, (a, b) => lines.slice(a, b + 1).join('\n'));
    },
  };
}
