// Builds the name table (nameTable.ts) as records stream in: each record's
// names are appended to a draft of the entries at once, with the record's
// input number in place of its key-table place (known only at the end, when
// the entries are written out with it and the records left out are dropped).
// Sorting needs the folded text: it is kept once per name in a second buffer,
// and each pointer remembers where its folded rest lies there. Memory at the
// end is about three times the table (the entries, the folded text, 14 bytes a
// pointer); the pointer order is sorted group by group.

import { ByteWriter } from './indexFormat';
import type { MeshRecordKind } from './record';
import { foldForSearch, innerWords } from './nameFolding';
import { ENTRY_TERM, GROUP_COUNT, MAX_INNER_WORDS, NameGroup, POINTER_SIZE } from './nameTable';

export interface WrittenNames {
  entries: Buffer;
  pointers: Buffer;
  /** The end of each group in the pointer table (in pointers). */
  groupEnds: number[];
}

const MAX_WORD_BYTE = 255;

export class NameTableWriter {
  private readonly entries = new ByteWriter();
  private readonly folded = new ByteWriter();
  private entryOf = new Uint32Array(1 << 16);
  private wordByte = new Uint8Array(1 << 16);
  private groupOf = new Uint8Array(1 << 16);
  private foldStart = new Uint32Array(1 << 16);
  private foldEnd = new Uint32Array(1 << 16);
  private count = 0;

  /** The names of the record numbered `seq` in input order. */
  add(seq: number, kind: MeshRecordKind, name: string, entryTerms: readonly string[]): void {
    const descriptor = kind === 'descriptor';
    const seen = new Set<string>();
    [name, ...entryTerms].forEach((text, i) => {
      const folded = foldForSearch(text);
      if (!folded || seen.has(folded)) return;
      seen.add(folded);
      const term = i > 0;
      const entry = this.entries.length;
      this.entries.u32(seq);
      this.entries.u8(term ? ENTRY_TERM : 0);
      this.entries.str(text);
      const start = this.folded.length;
      this.folded.bytes(folded);
      const end = this.folded.length;
      const group = term
        ? (descriptor ? NameGroup.DescriptorTerm : NameGroup.SupplementaryTerm)
        : (descriptor ? NameGroup.DescriptorName : NameGroup.SupplementaryName);
      this.pointer(entry, 0, group, start, end);
      for (const w of innerWords(text, folded, MAX_INNER_WORDS)) {
        const byte = Buffer.byteLength(text.slice(0, w.at), 'utf8');
        if (byte > MAX_WORD_BYTE) break;
        this.pointer(entry, byte, descriptor ? NameGroup.DescriptorWord : NameGroup.SupplementaryWord,
          end - Buffer.byteLength(w.folded, 'utf8'), end);
      }
    });
  }

  /**
   * The table, each entry naming its record's place in the key table
   * (`placeOf[seq]`; -1 for a record left out, whose names are dropped).
   */
  finish(placeOf: Int32Array): WrittenNames {
    const buf = this.entries.buf;
    const kept: number[][] = Array.from({ length: GROUP_COUNT }, () => []);
    for (let p = 0; p < this.count; p++) {
      if (placeOf[buf.readUInt32LE(this.entryOf[p])] >= 0) kept[this.groupOf[p]].push(p);
    }
    // The entries written out: each input number becomes its record's place, and the
    // pointers (made in entry order) follow their entry to its new offset.
    const out = new ByteWriter();
    for (let at = 0, p = 0; at < this.entries.length;) {
      const place = placeOf[buf.readUInt32LE(at)];
      const flags = buf[at + 4];
      const from = at;
      at += 5;
      let length = 0;
      for (let shift = 0; ; shift += 7) {
        const b = buf[at++];
        length += (b & 0x7f) * 2 ** shift;
        if (b < 0x80) break;
      }
      const textAt = at;
      at += length;
      const to = out.length;
      if (place >= 0) {
        out.varint(place * 2 + flags);
        out.varint(length);
        out.raw(buf, textAt, at);
      }
      for (; p < this.count && this.entryOf[p] === from; p++) this.entryOf[p] = to;
    }
    const f = this.folded.buf;
    const { foldStart, foldEnd } = this;
    const compare = (a: number, b: number): number => {
      const ea = foldEnd[a];
      const eb = foldEnd[b];
      for (let i = foldStart[a], j = foldStart[b]; i < ea && j < eb; i++, j++) if (f[i] !== f[j]) return f[i] - f[j];
      return (ea - foldStart[a]) - (eb - foldStart[b]) || a - b;
    };
    const total = kept.reduce((n, g) => n + g.length, 0);
    const pointers = Buffer.alloc(total * POINTER_SIZE);
    const groupEnds: number[] = [];
    let n = 0;
    for (const group of kept) {
      for (const p of Uint32Array.from(group).sort(compare)) {
        pointers.writeUInt32LE(this.entryOf[p], n * POINTER_SIZE);
        pointers[n * POINTER_SIZE + 4] = this.wordByte[p];
        n++;
      }
      groupEnds.push(n);
    }
    return { entries: out.buf.subarray(0, out.length), pointers, groupEnds };
  }

  private pointer(entry: number, byte: number, group: NameGroup, start: number, end: number): void {
    if (this.count === this.entryOf.length) {
      const grow = <T extends Uint32Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.entryOf = grow(this.entryOf);
      this.wordByte = grow(this.wordByte);
      this.groupOf = grow(this.groupOf);
      this.foldStart = grow(this.foldStart);
      this.foldEnd = grow(this.foldEnd);
    }
    this.entryOf[this.count] = entry;
    this.wordByte[this.count] = byte;
    this.groupOf[this.count] = group;
    this.foldStart[this.count] = start;
    this.foldEnd[this.count] = end;
    this.count++;
  }
}
