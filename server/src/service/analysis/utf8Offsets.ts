// Some producers (GNormPlus training data) wrote UTF-8 byte offsets: every span
// after a non-ASCII letter is late by the extra bytes before it. Reading the
// offsets as bytes tells that apart from other mistakes.

import { cached, type PubtatorDocument } from '../parse/model';
import { partitionPoint } from '../sortedSearch';

const NON_ASCII = /[^\u0000-\u007f]/; // eslint-disable-line no-control-regex
const BYTES = {};
const HAS_NON_ASCII = {};

/** UTF-8 byte position of every UTF-16 index of the text, plus its end. */
function byteTable(doc: PubtatorDocument): Uint32Array {
  return cached(doc, BYTES, () => {
    const text = doc.text;
    const table = new Uint32Array(text.length + 1);
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
      table[i] = bytes;
      const c = text.charCodeAt(i);
      // A surrogate pair is 4 bytes in all: 2 for each half.
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdfff ? 2 : 3;
    }
    table[text.length] = bytes;
    return table;
  });
}

function indexOfByte(table: Uint32Array, byte: number): number | undefined {
  const i = partitionPoint(table.length, (k) => table[k] < byte);
  return i < table.length && table[i] === byte ? i : undefined;
}

/** The UTF-16 span that byte offsets `start`-`end` denote, when the text has non-ASCII characters. */
export function utf8ByteSpan(doc: PubtatorDocument, start: number, end: number): { start: number; end: number } | undefined {
  // Not after a U+FFFD: a byte lost in decoding (not-utf8) makes byte counts meaningless.
  if (!cached(doc, HAS_NON_ASCII, () => NON_ASCII.test(doc.text) && !doc.text.includes('\ufffd'))) return undefined;
  const table = byteTable(doc);
  const s = indexOfByte(table, start);
  const e = indexOfByte(table, end);
  return s === undefined || e === undefined ? undefined : { start: s, end: e };
}
