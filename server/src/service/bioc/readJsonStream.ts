// BioC JSON read piece by piece, document by document, for a streamed check:
// a small scanner follows the JSON's nesting (strings and escapes, braces and
// brackets) to find each document object of the collection's "documents"
// (or PubTator3's "PubTator3", or a top-level array), and hands the text of
// each one, as it closes, to jsonc-parser (readJson.ts reads the tree), its
// offsets moved to the file's. So a collection of any size reads in the
// memory of one document. A file of another shape (a bare document) is kept
// and read whole at the end.
//
// The collection's header (source, date, key) is read as it comes, before
// or after the documents (the first of each key counts, as for the whole-file
// reader); `headerFinal` says when no later key can change it.
//
// Well-formedness: the errors jsonc-parser finds inside a document are told
// where they are; an end of file inside an open document, array or object is
// told at the end. (The whole-file reader may word the same defect otherwise.)

import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { BiocCollection, BiocDocument, SourceRange } from './model';
import { describe, readBiocJson, readJsonDocument, str } from './readJson';

const MAX_PROBLEMS = 100;
const DOCUMENT_KEYS = new Set(['documents', 'PubTator3']);
/** Characters of a root-level string kept to tell its key (longer ones are no key this reader looks for). */
const KEY_CHARS = 16;
/** The header keys a converter writes. */
const HEADER_KEYS = new Set(['source', 'date', 'key']);
type HeaderKey = 'source' | 'date' | 'key';

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
  private rootArray = false;
  private closed = false;
  /** Header keys whose value was read (the first one counts). */
  private readonly headerRead = new Set<string>();
  /** The header value being read: its key and its text so far. */
  private headerKey: HeaderKey | undefined;
  private headerText: string[] = [];

  constructor(private readonly onDocument: (d: BiocDocument) => void) {}

  /** Whether the header is as the whole file says: every key was read, the file is an array (it has none), or it was read to its end. */
  get headerFinal(): boolean {
    return this.closed || this.rootArray || this.headerRead.size === HEADER_KEYS.size;
  }

  /** Whether a header key's value was read (later ones of the same key do not count). */
  headerSeen(key: HeaderKey): boolean {
    return this.headerRead.has(key);
  }

  write(text: string): void {
    let from = 0;
    let headerFrom = 0;
    // The scanner's state in locals while the piece is scanned (most characters are inside strings).
    const stack = this.stack;
    let inString = this.inString;
    let escaped = this.escaped;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      if (inString) {
        // To the string's closing quote (or the piece's end) in one loop: the depth does not change inside.
        const key = stack.length === 1;
        for (; i < n; i++) {
          const s = text.charCodeAt(i);
          if (escaped) escaped = false;
          else if (s === 0x5c) escaped = true;
          else if (s === 0x22) { inString = false; break; }
          else if (key && this.lastString.length < KEY_CHARS) this.lastString += text[i];
        }
        continue;
      }
      const c = text.charCodeAt(i);
      switch (c) {
        case 0x22: // "
          inString = true;
          this.lastString = '';
          break;
        case 0x3a: // :
          if (this.stack.length === 1) {
            this.key = this.lastString;
            if (this.headerKey === undefined && this.stack[0] === '{' && HEADER_KEYS.has(this.key) && !this.headerRead.has(this.key)) {
              this.headerKey = this.key as HeaderKey;
              headerFrom = i + 1;
            }
          }
          break;
        case 0x2c: // ,
          if (this.stack.length === 1 && this.headerKey) this.headerValue(text.slice(headerFrom, i));
          break;
        case 0x7b: // {
        case 0x5b: { // [
          const depth = this.stack.length;
          if (depth === 0) {
            this.rootSeen = true;
            this.rootArray = c === 0x5b;
          }
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
          if (this.stack.length === 0 && this.headerKey) this.headerValue(text.slice(headerFrom, i));
          if (c === 0x7d && this.doc && this.stack.length === this.documentsDepth) {
            this.doc.push(text.slice(from, i + 1));
            this.document(this.doc.join(''));
            this.doc = undefined;
          }
          break;
      }
    }
    this.inString = inString;
    this.escaped = escaped;
    if (this.doc) this.doc.push(text.slice(from));
    if (this.headerKey) this.headerText.push(text.slice(headerFrom));
    this.kept?.push(text);
    this.at += text.length;
  }

  close(): BiocCollection {
    this.closed = true;
    if (this.kept) {
      // No documents array: read what was kept as a whole file (a bare document, or not BioC at all).
      const whole = readBiocJson(this.kept.join(''));
      this.kept = undefined;
      Object.assign(this.collection, { source: whole.source, date: whole.date, key: whole.key });
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

  /** A header value's text is complete (`last` its rest): reads it into the collection. */
  private headerValue(last: string): void {
    const key = this.headerKey!;
    this.headerText.push(last);
    const node = parseTree(this.headerText.join(''), [], { disallowComments: true, allowTrailingComma: false });
    this.collection[key] = str(node);
    this.headerRead.add(key);
    this.headerKey = undefined;
    this.headerText = [];
  }

  private document(text: string): void {
    const errors: ParseError[] = [];
    const node = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    for (const e of errors) this.problem(`JSON is not well-formed: ${describe(printParseErrorCode(e.error))}`, { start: this.docStart + e.offset, end: this.docStart + e.offset + Math.max(1, e.length) });
    if (!node || node.type !== 'object') return;
    this.onDocument(readJsonDocument(node, this.docStart));
  }

  private problem(message: string, range: SourceRange): void {
    if (this.collection.problems.length < MAX_PROBLEMS) this.collection.problems.push({ message, range });
  }
}
