// The data files a folder walk left out, counted and named on stderr with what
// to do, so that a file is never skipped without a word.

import { printable } from './format';

/** Skipped files named in full; past this, "and N more". */
const NAMED = 5;

export function skippedMessage(skipped: readonly string[]): string {
  if (skipped.length === 0) return '';
  const names = skipped.slice(0, NAMED).map(printable).join(', ');
  const more = skipped.length > NAMED ? ` and ${skipped.length - NAMED} more` : '';
  const count = skipped.length === 1 ? '1 file skipped' : `${skipped.length} files skipped`;
  const them = skipped.length === 1 ? 'it' : 'them';
  return `pubtator: ${count}: name not recognised; pass ${them} by name or \`--include GLOB\`: ${names}${more}\n`;
}
