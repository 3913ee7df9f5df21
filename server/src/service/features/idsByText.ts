// The ids a file gives to each mention text, with how often: what the id
// picker offers from the corpus's files that are not open (choices.ts). The
// server keeps one per file of the workspace, built from disk in the
// background (lsp/corpusIds.ts), so it is compact: a builder counts into maps
// while the file is read, then packs them (IdsByText): every distinct text in
// one string, in sorted order, and every distinct id in another, with typed
// arrays of offsets and of (id, count) pairs. No rows, no string of the text
// it was read from (a slice would keep the whole chunk), about 40 bytes a
// distinct text; a look-up is a binary search.
//
// "The same text" is what choices.ts matches: the mention row's text column,
// exactly (case and all); the id is the id column as written, trimmed; rows
// without an id (the file's no-id marker) are not counted.

import type { PubtatorDocument } from '../parse/model';
import { parseChunk } from '../parse/parseChunk';
import { forEachDocument } from './documentWindow';
import { ownString } from '../ownCopy';

/** Strings packed in one: the i-th is `joined.slice(starts[i], starts[i + 1])`. */
interface Packed {
  joined: string;
  starts: Uint32Array;
}

function pack(strings: readonly string[]): Packed {
  const starts = new Uint32Array(strings.length + 1);
  for (let i = 0; i < strings.length; i++) starts[i + 1] = starts[i] + strings[i].length;
  // join writes a new flat string: nothing of the strings it was given is kept.
  return { joined: strings.join(''), starts };
}

/** Compares `s` with the i-th packed string, by UTF-16 code units (as `<` does). */
function compareAt(s: string, p: Packed, i: number): number {
  const from = p.starts[i];
  const length = p.starts[i + 1] - from;
  const n = Math.min(s.length, length);
  for (let k = 0; k < n; k++) {
    const d = s.charCodeAt(k) - p.joined.charCodeAt(from + k);
    if (d !== 0) return d;
  }
  return s.length - length;
}

/** A file's ids by mention text, packed: read-only. */
export class IdsByText {
  /** @param pairs for text i, pairs[2j], pairs[2j + 1] for j in pairsAt[i]..pairsAt[i + 1]: an id's number and its count. */
  constructor(
    private readonly texts: Packed,
    private readonly ids: Packed,
    private readonly pairsAt: Uint32Array,
    private readonly pairs: Uint32Array,
  ) {}

  /** The ids given to exactly `text`, with their counts, in the order the file first gave them. */
  idsFor(text: string): [id: string, count: number][] {
    let lo = 0;
    let hi = this.pairsAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareAt(text, this.texts, mid);
      if (c === 0) {
        const out: [string, number][] = [];
        for (let j = this.pairsAt[mid]; j < this.pairsAt[mid + 1]; j++) {
          const n = this.pairs[2 * j];
          out.push([this.ids.joined.slice(this.ids.starts[n], this.ids.starts[n + 1]), this.pairs[2 * j + 1]]);
        }
        return out;
      }
      if (c < 0) hi = mid;
      else lo = mid + 1;
    }
    return [];
  }

  /** Distinct texts given an id. */
  get size(): number {
    return this.pairsAt.length - 1;
  }
}

/** Counts a file's mentions, document by document or chunk by chunk, then packs the counts (build). */
export class IdsByTextBuilder {
  private readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** Per text: the number of the one id given to it once (most texts), else [id number, count, ...]. */
  private readonly byText = new Map<string, number | number[]>();

  /** Counts the document's mentions (its rows are read). */
  addDocument(doc: PubtatorDocument): void {
    for (const m of doc.mentions) {
      if (m.concept.none) continue;
      this.add(m.textField.text, m.concept.raw.trim());
    }
  }

  /** Counts the mentions of a piece of a file made of whole documents, whose first line is `firstLine` (a chunk read from disk). */
  addText(text: string, firstLine = 0): this {
    forEachDocument(parseChunk(text, firstLine), (doc) => this.addDocument(doc));
    return this;
  }

  /** Counts `id` given to `text` once more. */
  add(text: string, id: string): void {
    if (!id) return;
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.ids.length;
      // Copies: while the file is read, a slice of a chunk would keep the chunk.
      this.ids.push(ownString(id));
      this.numbers.set(this.ids[n], n);
    }
    const held = this.byText.get(text);
    if (held === undefined) this.byText.set(ownString(text), n);
    else if (typeof held === 'number') this.byText.set(text, held === n ? [n, 2] : [held, 1, n, 1]);
    else {
      for (let i = 0; i < held.length; i += 2) {
        if (held[i] === n) {
          held[i + 1]++;
          return;
        }
      }
      held.push(n, 1);
    }
  }

  /** The packed index of what was counted. */
  build(): IdsByText {
    // The default sort compares UTF-16 code units, as compareAt does.
    const texts = [...this.byText.keys()].sort();
    const held = texts.map((t) => this.byText.get(t)!);
    const pairsAt = new Uint32Array(texts.length + 1);
    for (let i = 0; i < texts.length; i++) {
      const h = held[i];
      pairsAt[i + 1] = pairsAt[i] + (typeof h === 'number' ? 1 : h.length / 2);
    }
    const pairs = new Uint32Array(2 * pairsAt[texts.length]);
    held.forEach((h, i) => {
      if (typeof h === 'number') {
        pairs[2 * pairsAt[i]] = h;
        pairs[2 * pairsAt[i] + 1] = 1;
      } else pairs.set(h, 2 * pairsAt[i]);
    });
    return new IdsByText(pack(texts), pack(this.ids), pairsAt, pairs);
  }
}

/** The index of a whole file's text (one document's rows at a time, released after). */
export function idsByTextOf(text: string): IdsByText {
  return new IdsByTextBuilder().addText(text).build();
}
