// Joining PubTator3's export answers, one per batch (or one per document when
// they come from the fetch cache), into one file of the requested format, and
// saying which identifiers each answer holds (the API leaves out, without an
// error, the ones it does not have). No I/O.
//
// - pubtator: the answers' document blocks, one blank line apart.
// - bioc-xml: the first document's answer's <collection> header, every <document>, </collection>.
// - bioc-json: PubTator3's 2024 shape {"PubTator3": [...]} when an answer used it,
//   else a BioC collection (the first answer's header) holding every document.
// A document already taken (same id in two answers) is not taken twice.

import { normalizeId, splitAnswer, type AnswerPiece } from './answerPieces';
import type { FetchFormat } from './exportRequests';

export { normalizeId } from './answerPieces';

export interface MergeResult {
  /** Identifiers (PMIDs, PMC ids) the answer's new documents carry. */
  ids: string[];
  /** Documents taken from this answer. */
  documents: number;
  /** Why the answer could not be read, when it could not (then nothing of it is taken). */
  error?: string;
}

export class ExportMerger {
  private readonly blocks: string[] = [];
  private readonly seen = new Set<string>();
  private xmlHeader: string | undefined;
  private jsonShape: 'pubtator3' | 'collection' | undefined;
  private jsonHeader: Record<string, unknown> | undefined;
  private readonly jsonDocs: unknown[] = [];

  constructor(readonly format: FetchFormat) {}

  /** Takes one answer's body. */
  add(body: string): MergeResult {
    const split = splitAnswer(this.format, body);
    if (split.error !== undefined) return { ids: [], documents: 0, error: split.error };
    const ids: string[] = [];
    let documents = 0;
    for (const piece of split.pieces) {
      if (!this.addPiece(piece)) continue;
      ids.push(...piece.ids);
      documents++;
    }
    return { ids, documents };
  }

  /** Takes one document unless a document with one of its ids was taken already; says whether it did. */
  addPiece(piece: AnswerPiece): boolean {
    if (piece.ids.some((id) => this.seen.has(id))) return false;
    for (const id of piece.ids) this.seen.add(id);
    if (this.format === 'bioc-json') {
      this.jsonDocs.push(piece.doc);
      if (piece.jsonShape === 'pubtator3' || piece.jsonShape === 'collection') this.jsonShape ??= piece.jsonShape;
      if (piece.jsonHeader) this.jsonHeader ??= piece.jsonHeader;
    } else {
      this.blocks.push(piece.text ?? '');
      if (this.format === 'bioc-xml') this.xmlHeader ??= piece.xmlHeader;
    }
    return true;
  }

  /** Documents taken so far. */
  get documents(): number {
    return this.format === 'bioc-json' ? this.jsonDocs.length : this.blocks.length;
  }

  /** Whether a document with this id was taken. */
  has(id: string): boolean {
    return this.seen.has(normalizeId(id));
  }

  /** The merged file. */
  text(): string {
    if (this.format === 'pubtator') return this.blocks.length ? `${this.blocks.join('\n\n')}\n` : '';
    if (this.format === 'bioc-xml') {
      const header = this.xmlHeader ?? '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE collection SYSTEM "BioC.dtd">\n<collection><source>PubTator3</source><date></date><key>BioC.key</key>';
      return `${header}${this.blocks.join('')}</collection>\n`;
    }
    const out = this.jsonShape === 'pubtator3'
      ? { PubTator3: this.jsonDocs }
      : { source: 'PubTator3', date: '', key: 'BioC.key', infons: {}, ...this.jsonHeader, documents: this.jsonDocs };
    return `${JSON.stringify(out, null, 1)}\n`;
  }
}
