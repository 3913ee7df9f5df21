// File text shown as a plain-text label (outline names, inlay hints, code
// lenses): one line, never empty where the editor rejects empty labels, cut
// short, and without control characters that would break the line.

/** Longest label shown; file text can be any length. */
export const MAX_LABEL = 80;

// eslint-disable-next-line no-control-regex -- replacing them is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function label(text: string, empty = '(empty)', max = MAX_LABEL): string {
  let s = text.replace(CONTROLS, ' ').trim();
  // Cut on a code point boundary: never leave half a surrogate pair.
  if (s.length > max) s = s.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '') + '…';
  return s === '' ? empty : s;
}
