// BioC JSON read piece by piece, document by document, for a streamed check:
// a small scanner follows the JSON's nesting (strings and escapes, braces and
// brackets) to find each document object of the collection's "documents"
// (or PubTator3's "PubTator3", or a top-level array), and hands the text of
// each one, as it closes, to jsonc-parser (readJson.ts reads the tree), its
// offsets moved to the file's. So a collection of any size reads in the
// memory of one document. A file of another shape (a bare document) is kept
// and read whole at the end.
//
// Well-formedness: the errors jsonc-parser finds inside a document are told
// where they are; an end of file inside an open document, array or object is
// told at the end. (The whole-file reader may word the same defect otherwise.)

import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { BiocCollection, BiocDocument, SourceRange } from './model';
import { describe, readBiocJson, readJsonDocument } from './readJson';

const MAX_PROBLEMS = 100;
const DOCUMENT_KEYS = new Set(['documents', 'PubTator3']);
/** Characters of a root-level string kept to tell its key (longer ones are no key this reader looks for). */
const KEY_CHARS = 16;

export class BiocJsonReader {
  readonly collection: BiocCollection = { format: 'bioc-json', source: '', date: '', key: '', infons: [], documents: [], problems: [] };
  /** Offset of the next character fed. */
  private at = 0;
  /** Open containers: '{' or '['; and, for the documents array, its depth. */
  private readonly stack: string[] = [];
  private documentsDepth = -1;
  private inString = false;
  private escaped = false;
  /** The string just read at depth 1 of the root object (a key, when a ':' follows), its first KEY_CHARS characters as written. */
  private lastString = '';
  private key = '';
  /** The open document's text, from its '{'. */
  private doc: string[] | undefined;
  private docStart = 0;
  /** Everything read while no documents array was found (a bare document is read whole at the end). */
  private kept: string[] | undefined = [];
  private rootSeen = false;

  constructor(private readonly onDocument: (d: BiocDocument) => void) {}

  write(text: string): void {
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x22) this.inString = false;
        else if (this.stack.length === 1 && this.lastString.length < KEY_CHARS) this.lastString += text[i];
        continue;
      }
      switch (c) {
        case 0x22: // "
          this.inString = true;
          this.lastString = '';
          break;
        case 0x3a: // :
          if (this.stack.length === 1) this.key = this.lastString;
          break;
        case 0x7b: // {
        case 0x5b: { // [
          const depth = this.stack.length;
          if (depth === 0) this.rootSeen = true;
          if (c === 0x5b && this.documentsDepth < 0 && (depth === 0 || (depth === 1 && this.stack[0] === '{' && DOCUMENT_KEYS.has(this.key)))) {
            this.documentsDepth = depth + 1;
            this.kept = undefined;
          }
          if (c === 0x7b && depth === this.documentsDepth && this.doc === undefined) {
            this.doc = [];
            this.docStart = this.at + i;
            from = i;
          }
          this.stack.push(c === 0x7b ? '{' : '[');
          break;
        }
        case 0x7d: // }
        case 0x5d: // ]
          this.stack.pop();
          if (c === 0x7d && this.doc && this.stack.length === this.documentsDepth) {
            this.doc.push(text.slice(from, i + 1));
            this.document(this.doc.join(''));
            this.doc = undefined;
          }
          break;
      }
    }
    if (this.doc) this.doc.push(text.slice(from));
    this.kept?.push(text);
    this.at += text.length;
  }

  close(): BiocCollection {
    if (this.kept) {
      // No documents array: read what was kept as a whole file (a bare document, or not BioC at all).
      const whole = readBiocJson(this.kept.join(''));
      this.kept = undefined;
      // Problems first: a reader places them as a document comes, before it forgets the lines before that document.
      this.collection.problems.push(...whole.problems);
      for (const d of whole.documents) this.onDocument(d);
      return this.collection;
    }
    if (this.doc) {
      this.document(this.doc.join(''));
      this.doc = undefined;
    }
    if (this.inString || this.stack.length > 0) {
      const what = this.inString ? 'unexpected end of string' : this.stack[this.stack.length - 1] === '{' ? 'close brace expected' : 'close bracket expected';
      this.problem(`JSON is not well-formed: ${what}`, { start: this.at, end: this.at + 1 });
    }
    if (!this.rootSeen && this.collection.problems.length === 0) this.problem('not a BioC collection: the file holds no JSON value', { start: 0, end: 0 });
    return this.collection;
  }

  private document(text: string): void {
    const errors: ParseError[] = [];
    const node = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    for (const e of errors) this.problem(`JSON is not well-formed: ${describe(printParseErrorCode(e.error))}`, { start: this.docStart + e.offset, end: this.docStart + e.offset + Math.max(1, e.length) });
    if (!node || node.type !== 'object') return;
    shift(node, this.docStart);
    this.onDocument(readJsonDocument(node));
  }

  private problem(message: string, range: SourceRange): void {
    if (this.collection.problems.length < MAX_PROBLEMS) this.collection.problems.push({ message, range });
  }
}

/** Moves a tree parsed from a slice to the file's offsets. */
function shift(n: Node, by: number): void {
  const m = n as { offset: number; colonOffset?: number };
  m.offset += by;
  if (m.colonOffset !== undefined) m.colonOffset += by;
  if (n.children) for (const c of n.children) shift(c, by);
}
