// Builds the name table (nameTable.ts) as records stream in: each record's
// names are appended to a draft of the entries at once, with the record's
// input number in place of its key-table place (known only at the end, when
// the entries are written out with it and the records left out are dropped).
// Sorting needs the folded text: it is kept once per name in a second buffer,
// and each pointer remembers where its folded rest lies there. Memory at the
// end is about two to three times the table (the draft entries until they are
// written out, the folded text, 14 bytes a pointer while building, 9 while
// sorting); the pointer order is sorted group by group.

import { ByteWriter } from './indexFormat';
import type { MeshRecordKind } from './record';
import { foldForSearch, innerWords } from './nameFolding';
import { ENTRY_TERM, GROUP_COUNT, MAX_INNER_WORDS, NameGroup, POINTER_SIZE } from './nameTable';

export interface WrittenNames {
  /** Bytes of entries written. */
  entriesLength: number;
  pointers: Buffer;
  /** The end of each group in the pointer table (in pointers). */
  groupEnds: number[];
}

const MAX_WORD_BYTE = 255;
const FLUSH_AT = 1 << 20;

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
   * Writes the table's entries to `write` (in order, a chunk at a time), each
   * naming its record's place in the key table (`placeOf[seq]`; -1 for a
   * record left out, whose names are dropped), and returns the pointers.
   */
  finish(placeOf: Int32Array, write: (chunk: Buffer) => void): WrittenNames {
    let buf = this.entries.buf;
    // The kept pointers, grouped: counted first, so that one typed array holds them all.
    const counts = new Array<number>(GROUP_COUNT).fill(0);
    const keep = (p: number) => placeOf[buf.readUInt32LE(this.entryOf[p])] >= 0;
    for (let p = 0; p < this.count; p++) if (keep(p)) counts[this.groupOf[p]]++;
    const groupEnds: number[] = [];
    counts.reduce((end, n) => (groupEnds.push(end + n), end + n), 0);
    const order = new Uint32Array(groupEnds[GROUP_COUNT - 1]);
    const next = groupEnds.map((end, g) => end - counts[g]);
    for (let p = 0; p < this.count; p++) if (keep(p)) order[next[this.groupOf[p]]++] = p;
    // The entries written out: each input number becomes its record's place, and the
    // pointers (made in entry order) follow their entry to its new offset.
    const out = new ByteWriter();
    let written = 0;
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
      const to = written + out.length;
      if (place >= 0) {
        out.varint(place * 2 + flags);
        out.varint(length);
        out.raw(buf, textAt, at);
        if (out.length >= FLUSH_AT) {
          write(out.buf.subarray(0, out.length));
          written += out.length;
          out.length = 0;
        }
      }
      for (; p < this.count && this.entryOf[p] === from; p++) this.entryOf[p] = to;
    }
    write(out.buf.subarray(0, out.length));
    written += out.length;
    // The draft is not needed any more: let it go before sorting.
    buf = Buffer.alloc(0);
    this.entries.buf = buf;
    this.entries.length = 0;
    const f = this.folded.buf;
    const { foldStart, foldEnd } = this;
    const compare = (a: number, b: number): number => {
      const ea = foldEnd[a];
      const eb = foldEnd[b];
      for (let i = foldStart[a], j = foldStart[b]; i < ea && j < eb; i++, j++) if (f[i] !== f[j]) return f[i] - f[j];
      return (ea - foldStart[a]) - (eb - foldStart[b]) || a - b;
    };
    const pointers = Buffer.alloc(order.length * POINTER_SIZE);
    groupEnds.forEach((end, g) => {
      const group = order.subarray(end - counts[g], end).sort(compare);
      for (let n = end - counts[g], k = 0; k < group.length; n++, k++) {
        pointers.writeUInt32LE(this.entryOf[group[k]], n * POINTER_SIZE);
        pointers[n * POINTER_SIZE + 4] = this.wordByte[group[k]];
      }
    });
    return { entriesLength: written, pointers, groupEnds };
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
