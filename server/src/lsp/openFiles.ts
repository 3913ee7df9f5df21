// The open documents as the server holds them: the text (a ChunkedTextDocument,
// which never copies the whole text on an edit) and its parse, kept up to date
// edit by edit (service/incrementalFile.ts), so a keystroke in a 50 MB file
// re-parses one document block, not the file.
// It plugs into TextDocuments as its configuration: TextDocuments hands every
// content change to `update` here, with its range.

import { ChunkedTextDocument } from './chunkedTextDocument';
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { IncrementalFile } from '../service/incrementalFile';
import type { ParsedFile } from '../service/parse/model';

/** Sees a one-change edit before it is applied: the parse it is made on, the change, and the version it makes. */
export type BeforeChange = (uri: string, before: ParsedFile, change: TextDocumentContentChangeEvent, version: number) => void;

/** More changes than this in one notification are cheaper to re-parse whole. */
const MAX_INCREMENTAL_CHANGES = 32;

export class OpenFiles {
  private readonly files = new Map<string, IncrementalFile>();
  private readonly beforeChange: BeforeChange[] = [];

  constructor(private readonly onError: (message: string) => void = () => undefined) {}

  readonly configuration: TextDocumentsConfiguration<ChunkedTextDocument> = {
    create: (uri, languageId, version, content) => {
      this.files.set(uri, new IncrementalFile(content));
      return ChunkedTextDocument.create(uri, languageId, version, content);
    },
    update: (document, changes, version) => this.update(document, changes, version),
  };

  /** The up-to-date parse of an open document. */
  get(doc: { readonly uri: string; getText(): string }): IncrementalFile {
    let file = this.files.get(doc.uri);
    if (!file) {
      file = new IncrementalFile(doc.getText());
      this.files.set(doc.uri, file);
    }
    return file;
  }

  /** Listens to single edits before they apply (text corrections that carry the annotations). */
  onBeforeChange(listener: BeforeChange): void {
    this.beforeChange.push(listener);
  }

  delete(uri: string): void {
    this.files.delete(uri);
  }

  private update(doc: ChunkedTextDocument, changes: TextDocumentContentChangeEvent[], version: number): ChunkedTextDocument {
    const file = this.files.get(doc.uri);
    if (file && changes.length === 1 && 'range' in changes[0]) {
      for (const listener of this.beforeChange) {
        try {
          listener(doc.uri, file.file, changes[0], version);
        } catch (e) {
          this.onError(`A listener of edits failed on ${doc.uri}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    }
    const incremental = file !== undefined && changes.length <= MAX_INCREMENTAL_CHANGES
      && changes.every((c) => 'range' in c && c.range !== undefined);
    if (!file || !incremental) {
      const updated = ChunkedTextDocument.update(doc, changes, version);
      this.files.set(doc.uri, new IncrementalFile(updated.getText()));
      return updated;
    }
    let current = doc;
    for (const change of changes) {
      const { start, end } = (change as { range: { start: { line: number }; end: { line: number } } }).range;
      current = ChunkedTextDocument.update(current, [change], version);
      const edited = current;
      try {
        file.applyEdit({ startLine: start.line, endLine: end.line, newEndLine: start.line + lineBreaks(change.text) },
          (first, last) => edited.getLines(first, last));
      } catch (e) {
        // The incremental path must never lose the user's file: parse it whole.
        this.onError(`Incremental parse failed, re-parsing ${doc.uri}: ${e instanceof Error ? e.message : String(e)}`);
        file.reset(edited.getText());
      }
    }
    return current;
  }
}

function lineBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
