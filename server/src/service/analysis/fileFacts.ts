// Facts about a whole file gathered chunk by chunk, for the checks that look
// across documents (duplicate-document today). A file can be checked as one
// piece (the editor) or in chunks of whole documents, on several threads (the
// command line): each chunk yields its ChunkFacts on its own, plain data that
// crosses threads, and FileFacts merges them in file order. The checks across
// documents read only these facts, so both ways give the same diagnostics.
//
// To give such a check a new fact: add a field to ChunkFacts, fill it in
// chunkFacts(), and merge it in FileFacts.add(). A check that can only decide
// once the whole file is known (a convention learned from all of it) reads
// FileFacts at the file's end (AcrossFileCheck.end).

import { ownString } from '../ownCopy';
import type { ParsedFile } from '../parse/model';

/** One document as the checks across documents see it. */
export interface DocumentFact {
  id: string;
  /** Its first line in the file. */
  line: number;
  /** Whether it continues the document before it in the same chunk (NLM-Chem passage blocks); the chunk's first says false. */
  continues: boolean;
}

/** What one chunk tells about its file (serialisable). */
export interface ChunkFacts {
  /** The file starts with a byte-order mark (only the chunk holding line 0 can say so). */
  bom: boolean;
  /** The chunk's documents, in order. */
  documents: DocumentFact[];
}

export function chunkFacts(file: ParsedFile): ChunkFacts {
  // A loop, not a closure made per chunk (see parse/model.ts cached).
  const documents: ChunkFacts['documents'] = [];
  for (let i = 0; i < file.documents.length; i++) {
    const d = file.documents[i];
    documents.push({ id: d.id, line: d.startLine, continues: i > 0 && d.continuesPrevious });
  }
  return { bom: file.bom, documents };
}

/** The facts of every chunk of a file merged so far, in file order. */
export class FileFacts {
  bom = false;
  /** Id of the last document so far. */
  lastId: string | undefined;
  /**
   * First line of every document id so far. Memory grows with the number of
   * distinct ids: about 70 bytes for an 8-digit PMID, 70 MB for a million.
   */
  readonly firstLines = new Map<string, number>();

  /** Whether a chunk's document continues the one before it, its chunk's first included. */
  continues(chunk: ChunkFacts, index: number): boolean {
    const doc = chunk.documents[index];
    return index === 0 ? doc.id === this.lastId : doc.continues;
  }

  add(chunk: ChunkFacts): void {
    this.bom ||= chunk.bom;
    // Kept to the file's end, past the chunk's text: ids of their own (ownCopy.ts).
    for (const d of chunk.documents) if (!this.firstLines.has(d.id)) this.firstLines.set(ownString(d.id), d.line);
    if (chunk.documents.length) this.lastId = ownString(chunk.documents[chunk.documents.length - 1].id);
  }
}
