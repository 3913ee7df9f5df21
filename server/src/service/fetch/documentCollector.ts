// The documents of a fetch as they come, from the cache or in answers, kept
// whole until the end so that the file is written in the order the ids were
// asked (whichever way each came), and so that each new document can be put
// in the cache under the id it was asked as. No I/O.

import type { AnswerSink } from './exportClient';
import { normalizeId, pieceBody, splitAnswer, type AnswerPiece } from './answerPieces';
import type { ExportRequest, FetchFormat } from './exportRequests';

export class DocumentCollector implements AnswerSink {
  private readonly byId = new Map<string, AnswerPiece>();
  /** Documents by `kind id` for the ids they were asked as: a full text's abstract, come for its PMID, is not its PMC id's answer. */
  private readonly byAsked = new Map<string, AnswerPiece>();
  /** Every document, in the order it came. */
  readonly arrived: AnswerPiece[] = [];

  constructor(readonly format: FetchFormat) {}

  /** Takes an answer from the network: all of its documents, or none when it cannot be read. */
  add(body: string, request: ExportRequest): { error?: string } {
    const split = splitAnswer(this.format, body);
    if (split.error !== undefined) return { error: split.error };
    for (const piece of split.pieces) this.keep(piece, request.kind);
    return {};
  }

  /**
   * Takes a cached answer for `id`: true when it is one readable document
   * carrying that id, false (and nothing taken) for anything else, so a
   * damaged or foreign entry is asked for again.
   */
  addCached(body: string, kind: ExportRequest['kind'], id: string): boolean {
    const split = splitAnswer(this.format, body);
    if (split.error !== undefined || split.pieces.length !== 1 || !split.pieces[0].ids.includes(normalizeId(id))) return false;
    this.keep(split.pieces[0], kind);
    return true;
  }

  has(id: string): boolean {
    return this.byId.has(normalizeId(id));
  }

  /** The document that carries `id`, if one came. */
  piece(id: string): AnswerPiece | undefined {
    return this.byId.get(normalizeId(id));
  }

  /** What the cache keeps for `id` asked as `kind`: the document that came in an answer to such a request, alone. */
  cacheBody(kind: ExportRequest['kind'], id: string): string | undefined {
    const piece = this.byAsked.get(`${kind} ${normalizeId(id)}`);
    return piece === undefined ? undefined : pieceBody(this.format, piece);
  }

  /** Every document, those asked for in the order of `ids` first, then any other that came. */
  ordered(ids: readonly string[]): AnswerPiece[] {
    const out = new Set<AnswerPiece>();
    for (const id of ids) {
      const piece = this.piece(id);
      if (piece) out.add(piece);
    }
    for (const piece of this.arrived) out.add(piece);
    return [...out];
  }

  private keep(piece: AnswerPiece, kind: ExportRequest['kind']): void {
    this.arrived.push(piece);
    for (const id of piece.ids) {
      if (!this.byId.has(id)) this.byId.set(id, piece);
      if (!this.byAsked.has(`${kind} ${id}`)) this.byAsked.set(`${kind} ${id}`, piece);
    }
  }
}
