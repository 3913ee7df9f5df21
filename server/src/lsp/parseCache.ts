// One parse per document version: validation, hover, definition and the rest
// all ask for the same text, and parsing a 50 MB file twice is not free.

import type { ParsedFile } from '../service/parse/model';

export interface VersionedText {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export class ParseCache {
  private readonly entries = new Map<string, { version: number; file: ParsedFile }>();

  constructor(private readonly parse: (text: string) => ParsedFile) {}

  /** The parsed file of this exact version, parsing it on first use. */
  get(doc: VersionedText): ParsedFile {
    const hit = this.entries.get(doc.uri);
    if (hit && hit.version === doc.version) return hit.file;
    const file = this.parse(doc.getText());
    this.entries.set(doc.uri, { version: doc.version, file });
    return file;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
