// BioC offsets count bytes (the DTD), UTF-16 units (NCBI's Java tools) or code
// points (Python tools). They differ only past non-ASCII text; this finds which
// one a file uses from the annotations whose text tells, and converts a count
// in that unit to a UTF-16 index into a passage text.

export type BiocUnit = 'utf16' | 'codepoint' | 'utf8';

export const UNIT_NAME: Record<BiocUnit, string> = {
  utf16: 'UTF-16 code units', codepoint: 'Unicode code points', utf8: 'UTF-8 bytes',
};

const NON_ASCII = /[^ -~\t\n\r]/; // printable ASCII and white space are the fast path; anything else (control characters too) is counted exactly

export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/**
 * UTF-16 index in `text` after `count` units from its start; undefined past
 * the end. `ascii` when the caller knows it (the test reads the whole text).
 */
export function indexAfter(text: string, count: number, unit: BiocUnit, ascii?: boolean): number | undefined {
  if (unit === 'utf16' || (ascii ?? isAscii(text))) return count <= text.length ? count : undefined;
  let units = 0;
  let i = 0;
  while (units < count) {
    if (i >= text.length) return undefined;
    const c = text.codePointAt(i)!;
    const width = c > 0xffff ? 2 : 1;
    units += unit === 'codepoint' ? 1 : c < 0x80 ? 1 : c < 0x800 ? 2 : c > 0xffff ? 4 : 3;
    i += width;
  }
  return units === count ? i : undefined;
}

/** Length of `text` in the unit. */
export function lengthIn(text: string, unit: BiocUnit, ascii?: boolean): number {
  if (unit === 'utf16' || (ascii ?? isAscii(text))) return text.length;
  if (unit === 'codepoint') return [...text].length;
  return new TextEncoder().encode(text).length;
}

/** The count of units before UTF-16 index `index` of `text`. */
export function unitsBefore(text: string, index: number, unit: BiocUnit, ascii?: boolean): number {
  if (unit === 'utf16' || ascii) return index;
  return lengthIn(text.slice(0, index), unit);
}
