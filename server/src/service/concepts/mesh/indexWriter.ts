// Writes the index as records stream in: each record is trimmed, encoded and
// appended to the data section at once; only its key and offset stay in memory
// (12 bytes a record) until the sorted key table is written at the end. Its
// names go to the name table, held in memory until it is sorted at the end
// (nameTableWriter.ts).

import { closeSync, openSync, writeSync } from 'node:fs';
import {
  ByteWriter, HEADER_SIZE, KEY_SIZE, StoredRecord, crc32, encodeRecord, uiKey, writeHeader, writeKey,
} from './indexFormat';
import type { YearSource } from './meshFile';
import { MAX_ENTRY_TERMS, MAX_MAPPED, MAX_TREE_NUMBERS, MeshSourceRecord, firstSentence } from './record';
import { termKeys } from './termKeys';
import { NameTableWriter } from './nameTableWriter';
import { POINTER_SIZE } from './nameTable';

const FLUSH_AT = 1 << 20;
const MAX_OFFSET = 2 ** 32 - 1;

export interface WrittenIndex {
  descriptors: number;
  supplementary: number;
  /** Records whose UI an earlier record already had (the first one is kept). */
  duplicates: number;
  /** Records without a usable UI (a letter and up to 9 digits). */
  badUis: number;
  bytes: number;
}

export class MeshIndexWriter {
  private readonly fd: number;
  private readonly out = Buffer.alloc(FLUSH_AT + 64 * 1024);
  private outLength = 0;
  private position = HEADER_SIZE;
  private dataLength = 0;
  private keys = new Float64Array(1 << 16);
  private offsets = new Uint32Array(1 << 16);
  private kinds = new Uint8Array(1 << 16);
  private count = 0;
  private badUis = 0;
  private readonly record = new ByteWriter();
  private readonly lengthPrefix = new ByteWriter();
  private readonly names = new NameTableWriter();

  constructor(path: string) {
    this.fd = openSync(path, 'w');
    writeSync(this.fd, Buffer.alloc(HEADER_SIZE), 0, HEADER_SIZE, 0); // the header comes last
  }

  add(source: MeshSourceRecord): void {
    const key = uiKey(source.ui);
    if (key === undefined) {
      this.badUis++;
      return;
    }
    const stored: StoredRecord = {
      ui: source.ui,
      kind: source.kind,
      name: source.name,
      entryTerms: source.entryTerms.slice(0, MAX_ENTRY_TERMS),
      entryTermCount: source.entryTerms.length,
      treeNumbers: source.treeNumbers.slice(0, MAX_TREE_NUMBERS),
      scopeNote: source.scopeNote ? firstSentence(source.scopeNote) : undefined,
      mappedTo: source.mappedTo.slice(0, MAX_MAPPED),
      termKeys: termKeys([source.name, ...source.entryTerms]),
    };
    const w = this.record;
    w.length = 0;
    encodeRecord(stored, w);
    w.u32(crc32(w.buf, 0, w.length));
    const prefix = this.lengthPrefix;
    prefix.length = 0;
    prefix.varint(w.length);
    const size = prefix.length + w.length;
    if (this.dataLength + size > MAX_OFFSET) throw new Error('the MeSH index would pass 4 GB');
    this.names.add(this.count, source.kind, source.name, source.entryTerms);
    this.remember(key, this.dataLength, source.kind === 'descriptor' ? 0 : 1);
    this.append(prefix.buf, prefix.length);
    this.append(w.buf, w.length);
    this.dataLength += size;
  }

  finish(meta: { year?: number; yearSource?: YearSource; builtAt?: number }): WrittenIndex {
    this.flush();
    const order = this.sortedOrder();
    // Equal UIs sit together after sorting, the earliest record first: keep it.
    const table = Buffer.alloc(order.length * KEY_SIZE);
    let kept = 0;
    let descriptors = 0;
    let previous = -1;
    const placeOf = new Int32Array(this.count).fill(-1);
    for (const i of order) {
      if (this.keys[i] === previous) continue;
      previous = this.keys[i];
      writeKey(table, kept * KEY_SIZE, this.keys[i], this.offsets[i]);
      placeOf[i] = kept;
      if (this.kinds[i] === 0) descriptors++;
      kept++;
    }
    const namesOffset = HEADER_SIZE + this.dataLength;
    let at = namesOffset;
    const names = this.names.finish(placeOf, (chunk) => {
      if (at + chunk.length > MAX_OFFSET) throw new Error('the MeSH index would pass 4 GB');
      this.writeAt(chunk, at);
      at += chunk.length;
    });
    const pointerOffset = namesOffset + names.entriesLength;
    const keyOffset = pointerOffset + names.pointers.length;
    if (keyOffset > MAX_OFFSET) throw new Error('the MeSH index would pass 4 GB');
    this.writeAt(names.pointers, pointerOffset);
    const keyTable = table.subarray(0, kept * KEY_SIZE);
    writeSync(this.fd, keyTable, 0, keyTable.length, keyOffset);
    const fileLength = keyOffset + keyTable.length;
    if (fileLength > MAX_OFFSET) throw new Error('the MeSH index would pass 4 GB');
    const header = writeHeader({
      year: meta.year,
      yearSource: meta.yearSource,
      descriptors,
      supplementary: kept - descriptors,
      keyCount: kept,
      dataOffset: HEADER_SIZE,
      dataLength: this.dataLength,
      keyOffset,
      keyCrc: crc32(keyTable),
      fileLength,
      builtAt: meta.builtAt ?? Date.now(),
      namesOffset,
      namesLength: names.entriesLength,
      pointerOffset,
      pointerCount: names.pointers.length / POINTER_SIZE,
      groupEnds: names.groupEnds,
    });
    writeSync(this.fd, header, 0, HEADER_SIZE, 0);
    closeSync(this.fd);
    return { descriptors, supplementary: kept - descriptors, duplicates: this.count - kept, badUis: this.badUis, bytes: fileLength };
  }

  /** Closes the file after a failure; the caller deletes it. */
  abandon(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }

  private remember(key: number, offset: number, kind: number): void {
    if (this.count === this.keys.length) {
      const grow = <T extends Float64Array | Uint32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.keys = grow(this.keys, (n) => new Float64Array(n));
      this.offsets = grow(this.offsets, (n) => new Uint32Array(n));
      this.kinds = grow(this.kinds, (n) => new Uint8Array(n));
    }
    this.keys[this.count] = key;
    this.offsets[this.count] = offset;
    this.kinds[this.count] = kind;
    this.count++;
  }

  private sortedOrder(): Uint32Array {
    const order = new Uint32Array(this.count);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const keys = this.keys;
    return order.sort((a, b) => keys[a] - keys[b] || a - b);
  }

  private append(b: Buffer, n: number): void {
    if (this.outLength + n > this.out.length) this.flush();
    if (n > this.out.length) {
      this.writeOut(b, n);
      return;
    }
    b.copy(this.out, this.outLength, 0, n);
    this.outLength += n;
    if (this.outLength >= FLUSH_AT) this.flush();
  }

  private flush(): void {
    if (this.outLength === 0) return;
    this.writeOut(this.out, this.outLength);
    this.outLength = 0;
  }

  private writeAt(b: Buffer, position: number): void {
    let done = 0;
    while (done < b.length) done += writeSync(this.fd, b, done, b.length - done, position + done);
  }

  private writeOut(b: Buffer, n: number): void {
    let done = 0;
    while (done < n) done += writeSync(this.fd, b, done, n - done, this.position + done);
    this.position += n;
  }
}
