// The ids a file gives to each mention text, with how often: what the id
// picker offers from the corpus's files that are not open (choices.ts). The
// server keeps one per file of the workspace, built from disk in the
// background (lsp/corpusIds.ts), so it is compact: no rows, texts and ids
// copied out of the chunk they were read from (a slice would keep the chunk),
// an id used for several texts held once, and a text given one id once (most
// texts) costs its key and a small integer.
//
// "The same text" is what choices.ts matches: the mention row's text column,
// exactly (case and all); the id is the id column as written, trimmed; rows
// without an id (the file's no-id marker) are not counted.

import type { PubtatorDocument } from '../parse/model';
import { parseChunk } from '../parse/parseChunk';
import { ownString } from '../ownCopy';
import { forEachDocument } from './documentWindow';

export class IdsByText {
  /** Each distinct id once; texts refer to it by its number. */
  private readonly ids: string[] = [];
  private readonly numbers = new Map<string, number>();
  /** Per text: the number of the one id given to it once, else [id number, count, id number, count, ...]. */
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

  /** The ids given to exactly `text`, with their counts, in the order the file first gave them. */
  idsFor(text: string): [id: string, count: number][] {
    const held = this.byText.get(text);
    if (held === undefined) return [];
    if (typeof held === 'number') return [[this.ids[held], 1]];
    const out: [string, number][] = [];
    for (let i = 0; i < held.length; i += 2) out.push([this.ids[held[i]], held[i + 1]]);
    return out;
  }

  /** Distinct texts given an id. */
  get texts(): number {
    return this.byText.size;
  }
}

/** The index of a whole file's text (one document's rows at a time, released after). */
export function idsByTextOf(text: string): IdsByText {
  return new IdsByText().addText(text);
}
