// Opens an index lazily: the header and the key table are read and checked
// (12 bytes a record: ~4 MB for all of MeSH); a record is read only when
// asked for, found by bisection and fetched with one positioned read. The
// bytes come from an IndexBytes: a file on disk in Node (indexFile.ts), or
// the whole file in memory where there is no disk (a browser worker). Search
// by name reads the name table the same way, entry by entry (nameSearch.ts).

import {
  HEADER_SIZE, IndexHeader, KEY_SIZE, MeshIndexError, StoredRecord, crc32, decodeRecord, readHeader, readKey,
  readUint32, readVarint, uiKey, uiOfKey,
} from './indexFormat';
import { POINTER_SIZE } from './nameTable';
import { searchNames, type MeshNameMatch, type NameTableSource } from './nameSearch';
import type { YearSource } from './meshFile';
import { normaliseMeshUi } from './record';
import { partitionPoint } from '../../sortedSearch';

const FIRST_READ = 1024;
const CACHE_SIZE = 256;

export interface MeshIndex {
  readonly path: string;
  /** The MeSH year (e.g. 2025), when the build could tell it. */
  readonly year?: number;
  /** Where the year came from: the input file's name, its DTD, or its newest DateCreated. */
  readonly yearSource?: YearSource;
  readonly descriptors: number;
  readonly supplementary: number;
  /** When the index was built (ms since 1970). */
  readonly builtAt: number;
  /** Whether the index has this UI, without reading the record. */
  has(ui: string): boolean;
  /**
   * The record (shared: do not change it), or undefined for a UI the index does
   * not know. Takes `D007649`, `d007649` or `MESH:D007649`. Throws MeshIndexError
   * when the file is damaged or the index closed.
   */
  lookup(ui: string): StoredRecord | undefined;
  /**
   * Records whose name or an entry term starts with `query` (folded: case,
   * accents, punctuation, dashes and spaces), or has a later word that does;
   * at most `limit`, ranked (see nameSearch.ts). Throws MeshIndexError when the
   * file is damaged or the index closed.
   */
  search(query: string, limit: number): MeshNameMatch[];
  close(): void;
}

/** Where an index's bytes are read from. */
export interface IndexBytes {
  readonly size: number;
  /** The bytes at [position, position + length), or fewer at the end; the view is valid until the next read. */
  read(position: number, length: number): Uint8Array;
  close(): void;
}

/** The bytes of an index held in memory. */
export function bytesInMemory(bytes: Uint8Array): IndexBytes {
  return {
    size: bytes.length,
    read: (position, length) => bytes.subarray(position, Math.min(bytes.length, position + length)),
    close: () => undefined,
  };
}

/**
 * Opens the index in `bytes`; `path` names it in messages and in
 * `MeshIndex.path`. Throws MeshIndexError for a damaged or foreign file, and
 * closes `bytes` then.
 */
export function openMeshIndexBytes(bytes: IndexBytes, path: string): MeshIndex {
  try {
    return new LazyMeshIndex(path, bytes);
  } catch (e) {
    bytes.close();
    throw e;
  }
}

class LazyMeshIndex implements MeshIndex {
  readonly year?: number;
  readonly yearSource?: YearSource;
  readonly descriptors: number;
  readonly supplementary: number;
  readonly builtAt: number;
  private readonly header: IndexHeader;
  private readonly keys: Float64Array;
  private readonly offsets: Uint32Array;
  private readonly cache = new Map<string, StoredRecord>();
  private closed = false;

  constructor(readonly path: string, private readonly bytes: IndexBytes) {
    const size = bytes.size;
    const h = readHeader(bytes.read(0, HEADER_SIZE), path);
    if (h.fileLength !== size) {
      throw new MeshIndexError(`${path}: the index is ${size} bytes but should be ${h.fileLength}: it is truncated or damaged; build it again`, 'truncated');
    }
    const ends = h.groupEnds;
    if (h.dataOffset !== HEADER_SIZE || h.dataOffset + h.dataLength !== h.namesOffset || h.namesOffset + h.namesLength !== h.pointerOffset
      || h.pointerOffset + h.pointerCount * POINTER_SIZE !== h.keyOffset || h.keyOffset + h.keyCount * KEY_SIZE !== size
      || ends.some((end, i) => end < (i ? ends[i - 1] : 0)) || ends[ends.length - 1] !== h.pointerCount) {
      throw new MeshIndexError(`${path}: the index layout is inconsistent`, 'corrupt');
    }
    const table = bytes.read(h.keyOffset, h.keyCount * KEY_SIZE);
    if (table.length !== h.keyCount * KEY_SIZE || crc32(table) !== h.keyCrc) {
      throw new MeshIndexError(`${path}: the index's key table is damaged; build it again`, 'corrupt');
    }
    this.keys = new Float64Array(h.keyCount);
    this.offsets = new Uint32Array(h.keyCount);
    for (let i = 0; i < h.keyCount; i++) {
      this.keys[i] = readKey(table, i * KEY_SIZE);
      this.offsets[i] = readUint32(table, i * KEY_SIZE + 8);
      if ((i > 0 && this.keys[i] <= this.keys[i - 1]) || this.offsets[i] >= h.dataLength) {
        throw new MeshIndexError(`${path}: the index's key table is out of order; build it again`, 'corrupt');
      }
    }
    this.header = h;
    this.year = h.year;
    this.yearSource = h.yearSource;
    this.descriptors = h.descriptors;
    this.supplementary = h.supplementary;
    this.builtAt = h.builtAt;
  }

  has(ui: string): boolean {
    this.checkOpen();
    return this.find(normaliseMeshUi(ui)) >= 0;
  }

  lookup(id: string): StoredRecord | undefined {
    this.checkOpen();
    const ui = normaliseMeshUi(id);
    const cached = this.cache.get(ui);
    if (cached) {
      this.cache.delete(ui); // re-insert: the Map's order is the recency order
      this.cache.set(ui, cached);
      return cached;
    }
    const i = this.find(ui);
    if (i < 0) return undefined;
    const record = this.read(ui, this.offsets[i]);
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(ui, record);
    return record;
  }

  search(query: string, limit: number): MeshNameMatch[] {
    this.checkOpen();
    const h = this.header;
    const source: NameTableSource = {
      path: this.path,
      read: (position, length) => this.bytes.read(position, length),
      namesOffset: h.namesOffset,
      namesLength: h.namesLength,
      pointerOffset: h.pointerOffset,
      groupEnds: h.groupEnds,
      records: this.keys.length,
      recordAt: (place) => this.lookup(uiOfKey(this.keys[place]))!,
    };
    return searchNames(source, query, limit);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cache.clear();
    this.bytes.close();
  }

  private checkOpen(): void {
    if (this.closed) throw new MeshIndexError(`${this.path}: the MeSH index is closed`, 'closed');
  }

  private find(ui: string): number {
    const key = uiKey(ui);
    if (key === undefined) return -1;
    const keys = this.keys;
    const i = partitionPoint(keys.length, (k) => keys[k] < key);
    return i < keys.length && keys[i] === key ? i : -1;
  }

  private read(ui: string, offset: number): StoredRecord {
    const h = this.header;
    const start = h.dataOffset + offset;
    const dataEnd = h.dataOffset + h.dataLength;
    let buf = this.bytes.read(start, Math.min(FIRST_READ, dataEnd - start));
    const prefix = readVarint(buf, 0, buf.length);
    const damaged = () => new MeshIndexError(`${this.path}: the record of ${ui} is damaged; build the index again`, 'corrupt');
    if (!prefix) throw damaged();
    const [length, prefixBytes] = prefix;
    const total = prefixBytes + length;
    if (length < 5 || start + total > dataEnd) throw damaged();
    if (total > buf.length) {
      buf = this.bytes.read(start, total);
      if (buf.length !== total) throw damaged();
    }
    const payloadEnd = prefixBytes + length - 4;
    if (readUint32(buf, payloadEnd) !== crc32(buf, prefixBytes, payloadEnd)) throw damaged();
    const record = decodeRecord(buf, prefixBytes, payloadEnd);
    if (!record || record.ui !== ui) throw damaged();
    return record;
  }
}
