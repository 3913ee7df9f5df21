// The index's name table, for search by name (format 2 on):
//   entries: per record, each distinct (after folding) name as written:
//     `varint (record's place in the key table × 2 + 1 for an entry term, 0
//     for the heading name), varint length, UTF-8`;
//   pointers: 5 bytes each, `u32 entry offset, u8 byte offset of a word in it`,
//     in six groups, each sorted by the folded text from that word on (bytes
//     of its UTF-8), so a prefix is found by bisection and read in order.
// The folded text is not stored: the search folds the few entries it reads
// (nameFolding.ts), which keeps the table to about the size of the names.
// Nothing here is trusted alone: every match is checked against its record,
// which has its own checksum (see nameSearch.ts).

export const POINTER_SIZE = 5;
export const ENTRY_TERM = 1;

/** The groups, in the order the table stores them. */
export const enum NameGroup {
  DescriptorName = 0,
  SupplementaryName = 1,
  DescriptorTerm = 2,
  SupplementaryTerm = 3,
  /** Words after the first of any name or entry term. */
  DescriptorWord = 4,
  SupplementaryWord = 5,
}
export const GROUP_COUNT = 6;

/** Words after the first a name is found by, at most (chemical names have dozens). */
export const MAX_INNER_WORDS = 6;

const UTF8 = new TextEncoder();

/** Byte order of the UTF-8 of two strings, as the build sorts them. */
export function compareUtf8(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

export function utf8(s: string): Uint8Array {
  return UTF8.encode(s);
}
