// A document whose rows are parsed only when someone reads them. Parsing a
// 50 MB file then costs one scan for document boundaries; the checks walk the
// documents one at a time and release each, so the full model of every row
// never sits in memory at once, and a hover parses just its own document.

import type { CachedDiagnostics } from '../types';
import type { PubtatorDocument } from './model';
import { ABSTRACT_MARKERS, classifyRow, mayBePassage, parsePassage, splitFieldsIn, tabCursor, TITLE_MARKERS } from './rows';

const SURROGATE = /[\uD800-\uDFFF]/;

/** What parsing the rows gives: the document's fields that are not known from the scan. */
type Body = Pick<PubtatorDocument,
  'passages' | 'title' | 'abstract' | 'text' | 'passageStarts' | 'astral' | 'mentions' | 'relations' | 'malformed' | 'latePassages' | 'cache'>;

export class LazyDocument implements PubtatorDocument {
  private body: Body | undefined;
  /** Kept across release(): diagnostics do not depend on the parsed rows staying in memory. */
  checked: CachedDiagnostics | undefined = undefined;

  constructor(
    private readonly source: string,
    /** Character offsets in `source` of the first line's start and the last line's end. */
    private readonly startOffset: number,
    private readonly endOffset: number,
    /** Characters to skip on the first line (a byte-order mark). */
    private readonly firstLineBase: number,
    readonly id: string,
    public startLine: number,
    public endLine: number,
    public continuesPrevious: boolean,
  ) {}

  /**
   * Moves the document after an edit above it: same text, other line numbers.
   * Parsed rows carry line numbers, so they are dropped.
   */
  moveLines(delta: number): void {
    if (delta === 0) return;
    this.startLine += delta;
    this.endLine += delta;
    this.body = undefined;
  }

  get passages() { return this.materialize().passages; }
  get title() { return this.materialize().title; }
  get abstract() { return this.materialize().abstract; }
  get text() { return this.materialize().text; }
  get passageStarts() { return this.materialize().passageStarts; }
  get astral() { return this.materialize().astral; }
  get mentions() { return this.materialize().mentions; }
  get relations() { return this.materialize().relations; }
  get malformed() { return this.materialize().malformed; }
  get latePassages() { return this.materialize().latePassages; }
  get cache() { return this.materialize().cache; }

  /**
   * The text the document was parsed from and where in it the document lies,
   * for readers that classify lines without building rows. After edits,
   * documents may read different strings: use this, not the file's text.
   */
  get raw(): { text: string; start: number; end: number } {
    return { text: this.source, start: this.startOffset, end: this.endOffset };
  }

  get materialized(): boolean {
    return this.body !== undefined;
  }

  /** Drops the parsed rows and every cache built on them; they come back on the next read. */
  release(): void {
    this.body = undefined;
  }

  private materialize(): Body {
    return (this.body ??= parseBody(this.source, this.startOffset, this.endOffset, this.firstLineBase, this.startLine));
  }
}

/**
 * Parses the lines of one document. The scan in parseFile already decided that
 * they all belong to it, so a passage line after rows is a misplaced one.
 */
function parseBody(source: string, start: number, end: number, firstBase: number, firstLine: number): Body {
  // Every field set here, even those a document may lack (title, abstract): one object shape for
  // every document, so code tuned on documents with an abstract line is not thrown away on a file
  // without (a title-only file ran at half speed while the engine re-tuned every check for it).
  const body: Body = {
    passages: [], title: undefined, abstract: undefined, text: '', passageStarts: [], astral: false,
    mentions: [], relations: [], malformed: [], latePassages: [], cache: new Map(),
  };
  let rows = 0;
  let pos = start;
  const tabs = tabCursor();
  for (let line = firstLine; pos <= end; line++) {
    let nl = source.indexOf('\n', pos);
    if (nl < 0 || nl > end) nl = end;
    let lineEnd = nl;
    if (lineEnd > pos && source.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const base = line === firstLine ? firstBase : 0;
    const from = pos + base;
    pos = nl + 1;
    // A row is split where it lies in the source: only a passage line gets a string of its own.
    const passage = mayBePassage(source, from, lineEnd) ? parsePassage(source.slice(from, lineEnd), line, base) : undefined;
    if (passage) {
      if (rows > 0) body.latePassages.push(passage);
      body.passages.push(passage);
      const marker = passage.marker.text;
      if (TITLE_MARKERS.has(marker)) body.title ??= passage;
      else if (ABSTRACT_MARKERS.has(marker)) body.abstract ??= passage;
      continue;
    }
    rows++;
    const row = classifyRow(splitFieldsIn(source, from, lineEnd, base, tabs), line);
    if (row.kind === 'mention') body.mentions.push(row);
    else if (row.kind === 'relation') body.relations.push(row);
    else body.malformed.push(row);
  }
  let at = 0;
  const texts: string[] = [];
  for (const p of body.passages) {
    body.passageStarts.push(at);
    texts.push(p.text.text);
    at += p.text.text.length + 1;
  }
  body.text = texts.length === 1 ? texts[0] : texts.join(' ');
  body.astral = SURROGATE.test(body.text);
  return body;
}
