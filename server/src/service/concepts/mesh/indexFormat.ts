// The MeSH index file, little-endian:
//   header (128 bytes): magic, version, MeSH year and its source, counts, the
//     offsets and lengths of the sections, CRC-32s of the key table and header;
//   data: records in input order, each `varint length, payload, CRC-32(payload)`;
//   name table (format 2 on): every name and entry term, and pointers sorted
//     by their folded text, for search by name (see nameTable.ts);
//   key table: one 12-byte entry per record sorted by UI (letter, digit count,
//     number, record offset), searched by bisection.
// Each record repeats its UI and carries its own checksum, so a damaged file
// gives an error, never another record's data.

import type { MeshHeadingRef, MeshRecord, MeshRecordKind } from './record';
import type { YearSource } from './meshFile';
import { GROUP_COUNT } from './nameTable';

export const MAGIC = 'PTMESHIX';
// 2: the name table, and a 128-byte header to say where it is.
export const FORMAT_VERSION = 2;
export const HEADER_SIZE = 128;
const HEADER_CRC_AT = HEADER_SIZE - 4;
export const KEY_SIZE = 12;

export interface IndexHeader {
  year?: number;
  yearSource?: YearSource;
  descriptors: number;
  supplementary: number;
  keyCount: number;
  dataOffset: number;
  dataLength: number;
  keyOffset: number;
  keyCrc: number;
  fileLength: number;
  builtAt: number;
  namesOffset: number;
  namesLength: number;
  pointerOffset: number;
  pointerCount: number;
  /** The end of each name group in the pointer table, in pointers. */
  groupEnds: number[];
}

const GROUP_ENDS_AT = 72;

const YEAR_SOURCES: (YearSource | undefined)[] = [undefined, 'file-name', 'dtd', 'date-created'];

/** A damaged or foreign index file; `reason` says which. */
export class MeshIndexError extends Error {
  constructor(
    message: string,
    readonly reason: 'missing' | 'not-an-index' | 'version' | 'truncated' | 'corrupt' | 'closed',
  ) {
    super(message);
    this.name = 'MeshIndexError';
  }
}

export function writeHeader(h: IndexHeader): Buffer {
  const b = Buffer.alloc(HEADER_SIZE);
  b.write(MAGIC, 0, 'latin1');
  b.writeUInt32LE(FORMAT_VERSION, 8);
  b.writeUInt16LE(h.year ?? 0, 12);
  b.writeUInt8(Math.max(0, YEAR_SOURCES.indexOf(h.yearSource)), 14);
  b.writeUInt32LE(h.descriptors, 16);
  b.writeUInt32LE(h.supplementary, 20);
  b.writeUInt32LE(h.keyCount, 24);
  b.writeUInt32LE(h.dataOffset, 28);
  b.writeUInt32LE(h.dataLength, 32);
  b.writeUInt32LE(h.keyOffset, 36);
  b.writeUInt32LE(h.keyCrc, 40);
  b.writeUInt32LE(h.fileLength, 44);
  b.writeDoubleLE(h.builtAt, 48);
  b.writeUInt32LE(h.namesOffset, 56);
  b.writeUInt32LE(h.namesLength, 60);
  b.writeUInt32LE(h.pointerOffset, 64);
  b.writeUInt32LE(h.pointerCount, 68);
  h.groupEnds.forEach((end, i) => b.writeUInt32LE(end, GROUP_ENDS_AT + 4 * i));
  b.writeUInt32LE(crc32(b.subarray(0, HEADER_CRC_AT)), HEADER_CRC_AT);
  return b;
}

// The reading side takes any Uint8Array (a Buffer is one), so an index can be
// read in a browser too; the writing side runs in Node only.

export function readHeader(b: Uint8Array, path: string): IndexHeader {
  // The version is read before anything of the layout, which it may change.
  if (b.length < 12 || String.fromCharCode(...b.subarray(0, 8)) !== MAGIC) {
    throw new MeshIndexError(`${path} is not a PubTator MeSH index`, 'not-an-index');
  }
  const version = readUint32(b, 8);
  if (version !== FORMAT_VERSION) {
    throw new MeshIndexError(`${path} is a MeSH index of format ${version}; this version reads format ${FORMAT_VERSION}: build the index again`, 'version');
  }
  if (b.length < HEADER_SIZE) throw new MeshIndexError(`${path}: the index is truncated; build it again`, 'truncated');
  const view = new DataView(b.buffer, b.byteOffset, HEADER_SIZE);
  const u32 = (at: number) => view.getUint32(at, true);
  if (u32(HEADER_CRC_AT) !== crc32(b, 0, HEADER_CRC_AT)) throw new MeshIndexError(`${path}: the index header is damaged`, 'corrupt');
  const year = view.getUint16(12, true);
  return {
    year: year || undefined,
    yearSource: YEAR_SOURCES[b[14]],
    descriptors: u32(16),
    supplementary: u32(20),
    keyCount: u32(24),
    dataOffset: u32(28),
    dataLength: u32(32),
    keyOffset: u32(36),
    keyCrc: u32(40),
    fileLength: u32(44),
    builtAt: view.getFloat64(48, true),
    namesOffset: u32(56),
    namesLength: u32(60),
    pointerOffset: u32(64),
    pointerCount: u32(68),
    groupEnds: Array.from({ length: GROUP_COUNT }, (_, i) => u32(GROUP_ENDS_AT + 4 * i)),
  };
}

/** Little-endian unsigned 32-bit integer at `at`. */
export function readUint32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

// UIs are a letter and digits: as one number (letter, digit count, value) they
// sort and compare fast, and `D000001` stays apart from `D000000001`.
export function uiKey(ui: string): number | undefined {
  if (!/^[A-Z]\d{1,9}$/.test(ui)) return undefined;
  return ui.charCodeAt(0) * 2 ** 40 + (ui.length - 1) * 2 ** 32 + Number(ui.slice(1));
}

export function writeKey(b: Buffer, at: number, key: number, recordOffset: number): void {
  b.writeUInt8(Math.floor(key / 2 ** 40), at);
  b.writeUInt8(Math.floor(key / 2 ** 32) % 256, at + 1);
  b.writeUInt16LE(0, at + 2);
  b.writeUInt32LE(key % 2 ** 32, at + 4);
  b.writeUInt32LE(recordOffset, at + 8);
}

/** The UI a key stands for (`uiKey`'s inverse). */
export function uiOfKey(key: number): string {
  const digits = Math.floor(key / 2 ** 32) % 256;
  return String.fromCharCode(Math.floor(key / 2 ** 40)) + String(key % 2 ** 32).padStart(digits, '0');
}

export function readKey(b: Uint8Array, at: number): number {
  return b[at] * 2 ** 40 + b[at + 1] * 2 ** 32 + readUint32(b, at + 4);
}

// --- records -------------------------------------------------------------

/** A record as stored: the hover's part plus the keys for the name check. */
export interface StoredRecord extends MeshRecord {
  /** Entry terms the record has in all; `entryTerms` keeps the first few. */
  entryTermCount: number;
  /** Sorted hashes of all names and entry terms, folded (see termKeys.ts). */
  termKeys: Uint32Array;
}

export class ByteWriter {
  buf = Buffer.alloc(4096);
  length = 0;

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  varint(n: number): void {
    this.room(5);
    while (n >= 0x80) {
      this.buf[this.length++] = (n & 0x7f) | 0x80;
      n >>>= 7;
    }
    this.buf[this.length++] = n;
  }

  u8(n: number): void {
    this.room(1);
    this.buf[this.length++] = n;
  }

  u32(n: number): void {
    this.room(4);
    this.buf.writeUInt32LE(n >>> 0, this.length);
    this.length += 4;
  }

  /** Bytes [start, end) of `b`. */
  raw(b: Buffer, start: number, end: number): void {
    this.room(end - start);
    b.copy(this.buf, this.length, start, end);
    this.length += end - start;
  }

  /** UTF-8 without a length. */
  bytes(s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    this.room(n);
    this.buf.write(s, this.length, 'utf8');
    this.length += n;
  }

  str(s: string): void {
    const n = Buffer.byteLength(s, 'utf8');
    this.varint(n);
    this.room(n);
    this.buf.write(s, this.length, 'utf8');
    this.length += n;
  }

  strings(list: readonly string[]): void {
    this.varint(list.length);
    for (const s of list) this.str(s);
  }
}

export function encodeRecord(r: StoredRecord, w: ByteWriter): void {
  w.u8(r.kind === 'descriptor' ? 0 : 1);
  w.str(r.ui);
  w.str(r.name);
  w.strings(r.entryTerms);
  w.varint(r.entryTermCount);
  w.strings(r.treeNumbers);
  w.str(r.scopeNote ?? '');
  w.varint(r.mappedTo.length);
  for (const m of r.mappedTo) {
    w.str(m.ui ?? '');
    w.str(m.name);
    w.str(m.qualifier ?? '');
  }
  w.varint(r.termKeys.length);
  for (const k of r.termKeys) w.u32(k);
}

class Corrupt extends Error {}

/** Decodes as Buffer's toString does: bad bytes become U+FFFD, a leading BOM is kept. */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

class ByteReader {
  constructor(private readonly b: Uint8Array, public at: number, private readonly end: number) {}

  varint(): number {
    let n = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (this.at >= this.end) throw new Corrupt();
      const byte = this.b[this.at++];
      n += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return n;
    }
    throw new Corrupt();
  }

  u8(): number {
    if (this.at >= this.end) throw new Corrupt();
    return this.b[this.at++];
  }

  u32(): number {
    if (this.at + 4 > this.end) throw new Corrupt();
    const v = readUint32(this.b, this.at);
    this.at += 4;
    return v;
  }

  str(): string {
    const n = this.varint();
    if (this.at + n > this.end) throw new Corrupt();
    const s = UTF8.decode(this.b.subarray(this.at, this.at + n));
    this.at += n;
    return s;
  }

  count(): number {
    const n = this.varint();
    if (n > this.end - this.at) throw new Corrupt(); // each item takes at least a byte
    return n;
  }

  strings(): string[] {
    const n = this.count();
    const list: string[] = [];
    for (let i = 0; i < n; i++) list.push(this.str());
    return list;
  }
}

/** Decodes a record payload (without its CRC); undefined when it does not parse. */
export function decodeRecord(b: Uint8Array, start: number, end: number): StoredRecord | undefined {
  try {
    const r = new ByteReader(b, start, end);
    const kindByte = r.u8();
    if (kindByte > 1) return undefined;
    const kind: MeshRecordKind = kindByte === 0 ? 'descriptor' : 'supplementary';
    const ui = r.str();
    const name = r.str();
    const entryTerms = r.strings();
    const entryTermCount = r.varint();
    const treeNumbers = r.strings();
    const scopeNote = r.str() || undefined;
    const mappedTo: MeshHeadingRef[] = [];
    for (let i = 0, n = r.count(); i < n; i++) {
      const mui = r.str();
      const mname = r.str();
      const qualifier = r.str();
      mappedTo.push({ ...(mui ? { ui: mui } : {}), name: mname, ...(qualifier ? { qualifier } : {}) });
    }
    const keyCount = r.count();
    const termKeys = new Uint32Array(keyCount);
    for (let i = 0; i < keyCount; i++) termKeys[i] = r.u32();
    if (r.at !== end) return undefined;
    return { ui, kind, name, entryTerms, entryTermCount, treeNumbers, scopeNote, mappedTo, termKeys };
  } catch (e) {
    if (e instanceof Corrupt) return undefined;
    throw e;
  }
}

/** Reads the varint at `at`: [value, bytes used], or undefined past `end`. */
export function readVarint(b: Uint8Array, at: number, end: number): [number, number] | undefined {
  let n = 0;
  for (let i = 0, shift = 0; i < 5; i++, shift += 7) {
    if (at + i >= end) return undefined;
    const byte = b[at + i];
    n += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [n, i + 1];
  }
  return undefined;
}

// --- CRC-32 (IEEE), table-driven: zlib.crc32 needs Node 20.15 --------------

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

export function crc32(b: Uint8Array, start = 0, end = b.length): number {
  let c = -1;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}
