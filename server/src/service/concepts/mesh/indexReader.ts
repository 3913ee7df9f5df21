// Opens an index lazily: the header and the key table are read and checked
// (12 bytes a record: ~4 MB for all of MeSH); a record is read from disk only
// when asked for, found by bisection and fetched with one positioned read.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import {
  HEADER_SIZE, IndexHeader, KEY_SIZE, MeshIndexError, StoredRecord, crc32, decodeRecord, readHeader, readKey,
  readVarint, uiKey,
} from './indexFormat';
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
  close(): void;
}

export function openMeshIndex(path: string): MeshIndex {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new MeshIndexError(`cannot open the MeSH index ${path}: ${(e as Error).message}`, 'missing');
  }
  try {
    return new LazyMeshIndex(path, fd);
  } catch (e) {
    closeSync(fd);
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
  private readonly scratch = Buffer.alloc(FIRST_READ);
  private closed = false;

  constructor(readonly path: string, private fd: number) {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(HEADER_SIZE);
    const got = readSync(fd, head, 0, HEADER_SIZE, 0);
    const h = readHeader(head.subarray(0, got), path);
    if (h.fileLength !== size) {
      throw new MeshIndexError(`${path}: the index is ${size} bytes but should be ${h.fileLength}: it is truncated or damaged; build it again`, 'truncated');
    }
    if (h.dataOffset !== HEADER_SIZE || h.dataOffset + h.dataLength !== h.keyOffset || h.keyOffset + h.keyCount * KEY_SIZE !== size) {
      throw new MeshIndexError(`${path}: the index layout is inconsistent`, 'corrupt');
    }
    const table = Buffer.alloc(h.keyCount * KEY_SIZE);
    if (readSync(fd, table, 0, table.length, h.keyOffset) !== table.length || crc32(table) !== h.keyCrc) {
      throw new MeshIndexError(`${path}: the index's key table is damaged; build it again`, 'corrupt');
    }
    this.keys = new Float64Array(h.keyCount);
    this.offsets = new Uint32Array(h.keyCount);
    for (let i = 0; i < h.keyCount; i++) {
      this.keys[i] = readKey(table, i * KEY_SIZE);
      this.offsets[i] = table.readUInt32LE(i * KEY_SIZE + 8);
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

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cache.clear();
    closeSync(this.fd);
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
    let buf = this.scratch;
    let got = readSync(this.fd, buf, 0, Math.min(buf.length, dataEnd - start), start);
    const prefix = readVarint(buf, 0, got);
    const damaged = () => new MeshIndexError(`${this.path}: the record of ${ui} is damaged; build the index again`, 'corrupt');
    if (!prefix) throw damaged();
    const [length, prefixBytes] = prefix;
    const total = prefixBytes + length;
    if (length < 5 || start + total > dataEnd) throw damaged();
    if (total > got) {
      buf = Buffer.alloc(total);
      got = readSync(this.fd, buf, 0, total, start);
      if (got !== total) throw damaged();
    }
    const payloadEnd = prefixBytes + length - 4;
    if (buf.readUInt32LE(payloadEnd) !== crc32(buf, prefixBytes, payloadEnd)) throw damaged();
    const record = decodeRecord(buf, prefixBytes, payloadEnd);
    if (!record || record.ui !== ui) throw damaged();
    return record;
  }
}
