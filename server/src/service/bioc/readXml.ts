// BioC XML to the collection model, with saxes: a strict (well-formedness
// errors are reported, not guessed around), streaming, dependency-light parser
// that runs unchanged in Node and in a web worker and tells where it is.
// Any string reads: errors become problems with their position, never throws.

import { SaxesParser } from 'saxes';
import type { BiocAnnotation, BiocCollection, BiocDocument, BiocInfon, BiocLocation, BiocPassage, BiocRelation, SourceRange } from './model';

const MAX_PROBLEMS = 100;

/** saxes's state between markup (S_TEXT in saxes.js): where a skipped document leaves it as reading it would have. */
const SAXES_TEXT = 13;

/** The elements the reader acts on, told apart once per tag (then compared as numbers, not names). */
const enum Kind { Other, Collection, Document, Passage, Sentence, Annotation, Relation, Location, Node, Source, Date, Key, Infon, Id, Offset, Text }

/** Elements whose text content is read: source to text. */
const FIRST_LEAF = Kind.Source;

/** The kind of an element by its name (its length first: one or two comparisons, not one per name). */
function kindOf(name: string): Kind {
  switch (name.length) {
    case 2: return name === 'id' ? Kind.Id : Kind.Other;
    case 3: return name === 'key' ? Kind.Key : Kind.Other;
    case 4: return name === 'text' ? Kind.Text : name === 'node' ? Kind.Node : name === 'date' ? Kind.Date : Kind.Other;
    case 5: return name === 'infon' ? Kind.Infon : Kind.Other;
    case 6: return name === 'offset' ? Kind.Offset : name === 'source' ? Kind.Source : Kind.Other;
    case 7: return name === 'passage' ? Kind.Passage : Kind.Other;
    case 8: return name === 'location' ? Kind.Location : name === 'document' ? Kind.Document : name === 'relation' ? Kind.Relation : name === 'sentence' ? Kind.Sentence : Kind.Other;
    case 10: return name === 'annotation' ? Kind.Annotation : name === 'collection' ? Kind.Collection : Kind.Other;
    default: return Kind.Other;
  }
}

/** An open element. One per depth, reused (an element's frame is not kept past its close tag). */
interface Frame {
  name: string;
  kind: Kind;
  start: number;
  /** Just after the open tag's `>`. */
  contentStart: number;
  attributes: Record<string, string>;
  /** The model object this element builds, if any. */
  node?: BiocDocument | BiocPassage | BiocAnnotation | BiocRelation | Sentence;
}

/** A sentence: its annotations and relations go to its passage; its text fills a passage without one. */
interface Sentence {
  kind: 'sentence';
  passage: BiocPassage;
  offset?: number;
  text?: string;
}

/** The text read so far that handlers may still look at: all of it, or (streaming) since the open document began. */
class Window {
  text = '';
  base = 0;
  get end(): number { return this.base + this.text.length; }
  /** The last `<` at or before `before` (a tag's start, a few characters back: a plain loop beats lastIndexOf's call). */
  lastOpen(before: number): number {
    const t = this.text;
    for (let i = Math.max(0, Math.min(before - this.base, t.length - 1)); i >= 0; i--) if (t.charCodeAt(i) === 60) return i + this.base;
    return -1;
  }
  /** The last `</` at or before `before`. */
  lastClose(before: number): number {
    const t = this.text;
    for (let i = Math.max(0, Math.min(before - this.base, t.length - 2)); i >= 0; i--) if (t.charCodeAt(i) === 60 && t.charCodeAt(i + 1) === 47) return i + this.base;
    return -1;
  }
  /**
   * Whether the close tag `</name>` ends just before `end`: then it starts
   * at end - name.length - 3, where lastClose would find it (no `</` inside).
   */
  closeTagEndsAt(end: number, name: string): boolean {
    const t = this.text;
    const at = end - name.length - 3 - this.base;
    if (at < 0 || end - this.base > t.length || t.charCodeAt(at) !== 60 || t.charCodeAt(at + 1) !== 47 || t.charCodeAt(end - 1 - this.base) !== 62) return false;
    for (let k = 0; k < name.length; k++) if (t.charCodeAt(at + 2 + k) !== name.charCodeAt(k)) return false;
    return true;
  }
  /** Whether the character at `offset` is `<`. */
  isOpenAt(offset: number): boolean {
    const i = offset - this.base;
    return i >= 0 && this.text.charCodeAt(i) === 60;
  }
  indexOf(s: string, from: number): number {
    const i = this.text.indexOf(s, from - this.base);
    return i < 0 ? -1 : i + this.base;
  }
  slice(start: number, end: number): string {
    return this.text.slice(Math.max(0, start - this.base), Math.max(0, end - this.base));
  }
  /** Forgets the text before `offset`. */
  drop(offset: number): void {
    if (offset <= this.base) return;
    this.text = this.text.slice(offset - this.base);
    this.base = offset;
  }
}

/** A whole BioC XML text to the collection model. */
export function readBiocXml(text: string): BiocCollection {
  const reader = new BiocXmlReader(undefined, text);
  const STEP = 1 << 20;
  for (let i = 0; i < text.length && !reader.stopped; i += STEP) reader.write(text.slice(i, i + STEP));
  return reader.close();
}

/**
 * Reads BioC XML piece by piece. With `onDocument`, each document is handed
 * over as it closes and then forgotten (with the text it was read from), so a
 * collection of any size reads in the memory of one document; the collection
 * returned by close() then holds the header and the problems only.
 */
export class BiocXmlReader {
  readonly collection: BiocCollection = { format: 'bioc-xml', source: '', date: '', key: '', infons: [], documents: [], problems: [] };
  stopped = false;
  private readonly parser = new SaxesParser({ position: true });
  /** frames[0..depth) are the open elements. */
  private readonly frames: Frame[] = [];
  private depth = 0;
  private readonly window = new Window();
  private buffer = '';
  private collecting = false;
  private rootSeen = false;
  /** Well-formedness errors so far, and when the tag being opened started (its start's guess: opentagstart). */
  private errors = 0;
  private errorsAtTag = 0;
  private tagStart = -1;
  /** File offset minus the parser's position: what skip() passed over. */
  private shift = 0;

  /**
   * `whole`: the text, all of it (it is still written after). `fragment`: the
   * text is one element taken out of a collection at file offset `base` (a
   * document, parsed on its own on a worker: splitXml.ts), read as the
   * collection's child.
   */
  constructor(private readonly onDocument?: (d: BiocDocument) => void, whole?: string, fragment?: { base: number }) {
    if (whole !== undefined) this.window.text = whole;
    this.whole = whole !== undefined;
    if (fragment) {
      this.window.base = this.shift = fragment.base;
      this.rootSeen = true;
      this.push('collection', Kind.Collection, fragment.base, fragment.base, {});
    }
    const c = this.collection;
    const parser = this.parser;
    const source = this.window;
    parser.on('error', (e) => {
      this.errors++;
      const at = Math.max(0, this.here() - 1);
      this.problem(`XML is not well-formed: ${e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}`, { start: at, end: Math.min(source.end, at + 1) });
      if (c.problems.length >= MAX_PROBLEMS) this.stopped = true;
    });
    // Where a tag starts: its `<`, name.length + 2 before where its name ended (one character after it).
    // Kept when nothing went wrong before the tag's end (a `<` inside a tag is always an error) and
    // the guess is a `<` (the name may have ended in CR LF); else the last `<` before the tag's end.
    parser.on('opentagstart', (tag) => {
      this.tagStart = this.here() - tag.name.length - 2;
      this.errorsAtTag = this.errors;
    });
    parser.on('opentag', (tag) => {
      const end = this.here();
      const start = this.errors === this.errorsAtTag && source.isOpenAt(this.tagStart) ? this.tagStart : Math.max(0, source.lastOpen(end - 1));
      const parent = this.depth > 0 ? this.frames[this.depth - 1] : undefined;
      const kind = kindOf(tag.name);
      if (!parent) {
        if (this.rootSeen) return;
        this.rootSeen = true;
        if (kind !== Kind.Collection) this.problem(`not a BioC collection: the root element is <${tag.name}>, BioC's is <collection>`, { start, end });
      }
      const frame = this.push(tag.name, kind, start, end, tag.attributes as Record<string, string>);
      if (kind >= Kind.Document && kind <= Kind.Node) open(frame, parent, source);
      this.collecting = kind >= FIRST_LEAF;
      this.buffer = '';
    });
    // Only a leaf's content is kept (not the white space between elements).
    parser.on('text', (t) => { if (this.collecting) this.buffer += t; });
    parser.on('cdata', (t) => { if (this.collecting) this.buffer += t; });
    parser.on('closetag', (tag) => {
      if (this.depth === 0) return;
      const frame = this.frames[--this.depth];
      const end = this.here();
      const closeStart = tag.isSelfClosing ? end : Math.max(frame.contentStart, source.closeTagEndsAt(end, tag.name) ? end - tag.name.length - 3 : source.lastClose(end - 1));
      close(frame, this.depth > 0 ? this.frames[this.depth - 1] : undefined, this.buffer, closeStart, end, c, source);
      this.buffer = '';
      this.collecting = false;
      frame.node = undefined;
      frame.attributes = NO_ATTRIBUTES;
      if (frame.kind === Kind.Document && this.onDocument) {
        const d = c.documents.pop();
        if (d) this.onDocument(d);
        // Forgotten at each document's end: dropping is a slice (no copy), and what is kept is copied
        // with the next piece written (the window is flattened once a piece), so keeping little pays.
        source.drop(end);
      }
    });
  }

  /** Opens an element: the frame at the current depth, reused. */
  private push(name: string, kind: Kind, start: number, contentStart: number, attributes: Record<string, string>): Frame {
    let frame = this.frames[this.depth];
    if (frame) {
      frame.name = name;
      frame.kind = kind;
      frame.start = start;
      frame.contentStart = contentStart;
      frame.attributes = attributes;
      frame.node = undefined;
    } else {
      frame = this.frames[this.depth] = { name, kind, start, contentStart, attributes, node: undefined };
    }
    this.depth++;
    return frame;
  }

  private readonly whole: boolean;

  private here(): number {
    return Math.min(this.parser.position + this.shift, this.window.end);
  }

  /**
   * Whether the reader stands where a document read elsewhere may be skipped
   * as the serial read would have read it: inside the root <collection>, between
   * elements, nothing wrong so far, nothing carried over.
   */
  get betweenDocuments(): boolean {
    const p = this.parser as unknown as { state: number; carriedFromPrevious?: string };
    return !this.stopped && this.collection.problems.length === 0 && this.depth === 1 && this.frames[0].name === 'collection'
      && p.state === SAXES_TEXT && p.carriedFromPrevious === undefined && !this.collecting;
  }

  /** The next `length` characters of the file were read elsewhere (betweenDocuments): the next write starts after them. */
  skip(length: number): void {
    this.shift += length;
    this.window.drop(this.window.end);
    this.window.base += length;
  }

  private problem(message: string, range: SourceRange): void {
    if (this.collection.problems.length < MAX_PROBLEMS) this.collection.problems.push({ message, range });
  }

  write(chunk: string): void {
    if (this.stopped) return;
    if (!this.whole) {
      this.window.text += chunk;
    }
    try {
      this.parser.write(chunk);
    } catch (e) {
      this.fail(e);
    }
  }

  close(): BiocCollection {
    if (!this.stopped) {
      try {
        this.parser.close();
      } catch (e) {
        this.fail(e);
      }
    }
    if (!this.rootSeen && this.collection.problems.length === 0) this.problem('not a BioC collection: no root element', { start: 0, end: 0 });
    return this.collection;
  }

  private fail(e: unknown): void {
    this.stopped = true;
    this.problem(`XML could not be read: ${(e as Error).message}`, { start: Math.max(0, this.here() - 1), end: this.here() });
  }
}

const NO_ATTRIBUTES: Record<string, string> = {};

function open(frame: Frame, parent: Frame | undefined, text: Window): void {
  const p = parent?.node;
  switch (frame.kind) {
    case Kind.Document:
      if (parent?.kind === Kind.Collection) frame.node = { id: '', infons: [], passages: [], annotations: [], relations: [], range: { start: frame.start, end: frame.start } };
      break;
    case Kind.Passage:
      if (p && isDocument(p)) frame.node = { infons: [], annotations: [], relations: [], range: { start: frame.start, end: frame.start }, textVerbatim: false };
      break;
    case Kind.Sentence:
      if (p && isPassage(p)) frame.node = { kind: 'sentence', passage: p };
      break;
    case Kind.Annotation:
      if (p && (isDocument(p) || isPassage(p) || isSentence(p))) {
        const a: BiocAnnotation = { infons: [], locations: [], range: { start: frame.start, end: frame.start } };
        const id = frame.attributes.id;
        if (id !== undefined) {
          a.id = id;
          a.idRange = attributeRange(text, frame, 'id');
        }
        frame.node = a;
      }
      break;
    case Kind.Relation:
      if (p && (isDocument(p) || isPassage(p) || isSentence(p))) {
        frame.node = { id: frame.attributes.id, infons: [], nodes: [], range: { start: frame.start, end: frame.start } };
      }
      break;
    case Kind.Location:
      if (p && isAnnotation(p)) {
        const attributes = frame.attributes;
        const loc: BiocLocation = { range: { start: frame.start, end: frame.contentStart } };
        loc.offset = integer(attributes.offset);
        loc.length = integer(attributes.length);
        loc.offsetRange = attributeRange(text, frame, 'offset');
        p.locations.push(loc);
      }
      break;
    case Kind.Node:
      if (p && isRelation(p)) {
        p.nodes.push({ refid: frame.attributes.refid ?? '', role: frame.attributes.role ?? '', range: { start: frame.start, end: frame.contentStart } });
      }
      break;
  }
}

/** An element closes: `closeStart` is where its close tag starts (its content's end), `end` just after it. */
function close(frame: Frame, parent: Frame | undefined, content: string, closeStart: number, end: number, c: BiocCollection, text: Window): void {
  const node = frame.node;
  // The range made at the open tag, now complete (nothing else holds it yet).
  if (node && 'range' in node) node.range.end = end;
  const p = parent?.node;
  switch (frame.kind) {
    case Kind.Source: case Kind.Date: case Kind.Key:
      if (parent?.kind === Kind.Collection) c[frame.name as 'source' | 'date' | 'key'] = content;
      return;
    case Kind.Infon: {
      if (parent?.kind === Kind.Collection) c.infons.push(infonOf(frame, content, end));
      else if (p && !isSentence(p)) p.infons.push(infonOf(frame, content, end));
      return;
    }
    case Kind.Id:
      if (p && isDocument(p)) { p.id = content.trim(); p.idRange = { start: frame.contentStart, end: closeStart }; }
      return;
    case Kind.Offset:
      if (p && (isPassage(p) || isSentence(p))) {
        p.offset = integer(content.trim());
        if (isPassage(p)) p.offsetRange = { start: frame.contentStart, end: closeStart };
      }
      return;
    case Kind.Text:
      if (p && isPassage(p)) {
        p.text = content;
        p.textRange = { start: frame.contentStart, end: closeStart };
        p.textVerbatim = closeStart - frame.contentStart === content.length && text.slice(frame.contentStart, closeStart) === content;
      } else if (p && isAnnotation(p)) {
        p.text = content;
        p.textRange = { start: frame.contentStart, end: closeStart };
      } else if (p && isSentence(p)) {
        p.text = content;
      }
      return;
    case Kind.Document:
      if (node && isDocument(node)) c.documents.push(node);
      return;
    case Kind.Passage:
      if (node && isPassage(node) && p && isDocument(p)) p.passages.push(node);
      return;
    case Kind.Sentence:
      if (node && isSentence(node)) fillFromSentence(node);
      return;
    case Kind.Annotation:
      if (node && isAnnotation(node)) annotationHolder(parent)?.annotations.push(node);
      return;
    case Kind.Relation:
      if (node && isRelation(node)) annotationHolder(parent)?.relations.push(node);
      return;
  }
}

function infonOf(frame: Frame, content: string, end: number): BiocInfon {
  return { key: frame.attributes.key ?? '', value: content, range: { start: frame.start, end } };
}

/** Where an annotation or relation goes: its passage or document (a sentence's go to the passage). */
function annotationHolder(parent: Frame | undefined): BiocDocument | BiocPassage | undefined {
  const p = parent?.node;
  if (!p) return undefined;
  if (isSentence(p)) return p.passage;
  if (isDocument(p) || isPassage(p)) return p;
  return undefined;
}

/**
 * A passage written as sentences has no text of its own: its text is the
 * sentences' texts, each at its offset (document-level), spaces between.
 */
function fillFromSentence(s: Sentence): void {
  const p = s.passage;
  if (s.text === undefined || (p.text !== undefined && p.textRange)) return;
  const base = p.offset ?? 0;
  const at = (s.offset ?? base) - base;
  const before = p.text ?? '';
  p.text = at > before.length ? before + ' '.repeat(at - before.length) + s.text : before + s.text;
  p.textVerbatim = false;
}

function isDocument(n: object): n is BiocDocument { return 'passages' in n; }
function isPassage(n: object): n is BiocPassage { return 'textVerbatim' in n; }
function isSentence(n: object): n is Sentence { return (n as Sentence).kind === 'sentence'; }
function isAnnotation(n: object): n is BiocAnnotation { return 'locations' in n; }
function isRelation(n: object): n is BiocRelation { return 'nodes' in n; }

/** A whole number of up to 15 digits, white space around allowed. */
function integer(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  // The usual value, digits only, without the pattern's run.
  const n = s.length;
  if (n > 0 && n <= 15) {
    // Read as it is checked (15 digits stay exact in a double).
    let value = 0;
    let i = 0;
    for (; i < n; i++) {
      const ch = s.charCodeAt(i);
      if (ch < 48 || ch > 57) break;
      value = value * 10 + (ch - 48);
    }
    if (i === n) return value;
  }
  if (!/^\s*\d{1,15}\s*$/.test(s)) return undefined;
  return Number(s);
}

/** Whether a character is white space to a JavaScript pattern's `\s`. */
function isPatternSpace(ch: number): boolean {
  if (ch <= 32) return ch === 32 || (ch >= 9 && ch <= 13);
  if (ch < 0xa0) return false;
  return ch === 0xa0 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x2028 || ch === 0x2029 || ch === 0x202f || ch === 0x205f || ch === 0x3000 || ch === 0xfeff;
}

/** Whether `name` stands at `at` in `t` (a loop: startsWith's call costs more on a few characters). */
function followedBy(t: string, at: number, name: string): boolean {
  for (let k = 0; k < name.length; k++) if (t.charCodeAt(at + k) !== name.charCodeAt(k)) return false;
  return true;
}

/**
 * The range of an attribute's value inside an open tag: the first place in
 * the tag where white space, the name, `=` and a quote follow each other
 * (white space allowed around `=`), as the pattern \s NAME \s* = \s* ["']
 * finds it; its value ends at the next same quote. Read in place (no copy of
 * the tag, no match object: this runs for two attributes of most tags).
 */
function attributeRange(text: Window, frame: Frame, name: string): SourceRange | undefined {
  const t = text.text;
  const from = Math.min(t.length, Math.max(0, frame.start - text.base));
  const to = Math.min(t.length, Math.max(0, frame.contentStart - text.base));
  const size = name.length;
  for (let i = from; i + size + 3 <= to; i++) {
    if (!isPatternSpace(t.charCodeAt(i)) || !followedBy(t, i + 1, name)) continue;
    let j = i + 1 + size;
    while (j < to && isPatternSpace(t.charCodeAt(j))) j++;
    if (j >= to || t.charCodeAt(j) !== 61) continue;
    j++;
    while (j < to && isPatternSpace(t.charCodeAt(j))) j++;
    if (j >= to) continue;
    const quote = t.charCodeAt(j);
    if (quote !== 34 && quote !== 39) continue;
    const start = frame.start + j + 1 - from;
    const close = text.indexOf(quote === 34 ? '"' : "'", start);
    return { start, end: close < 0 ? start : close };
  }
  return undefined;
}
