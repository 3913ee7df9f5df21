// BioC XML to the collection model, with saxes: a strict (well-formedness
// errors are reported, not guessed around), streaming, dependency-light parser
// that runs unchanged in Node and in a web worker and tells where it is.
// Any string reads: errors become problems with their position, never throws.

import { SaxesParser } from 'saxes';
import type { BiocAnnotation, BiocCollection, BiocDocument, BiocInfon, BiocLocation, BiocPassage, BiocRelation, SourceRange } from './model';

const MAX_PROBLEMS = 100;
/** Characters read past before the streaming window forgets them. */
const DROP_AFTER = 1 << 17;

/** saxes's state between markup (S_TEXT in saxes.js): where a skipped document leaves it as reading it would have. */
const SAXES_TEXT = 13;

/** Elements whose text content is read. */
const LEAVES = new Set(['source', 'date', 'key', 'infon', 'id', 'offset', 'text']);

interface Frame {
  name: string;
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
  private readonly stack: Frame[] = [];
  private readonly window = new Window();
  private buffer = '';
  private collecting = false;
  private rootSeen = false;
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
      this.stack.push({ name: 'collection', start: fragment.base, contentStart: fragment.base, attributes: {} });
    }
    const c = this.collection;
    const parser = this.parser;
    const stack = this.stack;
    const source = this.window;
    parser.on('error', (e) => {
      const at = Math.max(0, this.here() - 1);
      this.problem(`XML is not well-formed: ${e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')}`, { start: at, end: Math.min(source.end, at + 1) });
      if (c.problems.length >= MAX_PROBLEMS) this.stopped = true;
    });
    parser.on('opentag', (tag) => {
      const end = this.here();
      const start = Math.max(0, source.lastOpen(end - 1));
      const frame: Frame = { name: tag.name, start, contentStart: end, attributes: tag.attributes as Record<string, string> };
      const parent = stack[stack.length - 1];
      if (!parent) {
        if (this.rootSeen) return;
        this.rootSeen = true;
        if (tag.name !== 'collection') this.problem(`not a BioC collection: the root element is <${tag.name}>, BioC's is <collection>`, { start, end });
      }
      open(frame, parent, c, source);
      stack.push(frame);
      this.collecting = LEAVES.has(tag.name);
      this.buffer = '';
    });
    // Only a leaf's content is kept (not the white space between elements).
    parser.on('text', (t) => { if (this.collecting) this.buffer += t; });
    parser.on('cdata', (t) => { if (this.collecting) this.buffer += t; });
    parser.on('closetag', (tag) => {
      const frame = stack.pop();
      if (!frame) return;
      const end = this.here();
      const closeStart = tag.isSelfClosing ? end : Math.max(frame.contentStart, source.lastClose(end - 1));
      close(frame, stack[stack.length - 1], this.buffer, { start: frame.contentStart, end: closeStart }, { start: frame.start, end }, c, source);
      this.buffer = '';
      this.collecting = false;
      if (frame.name === 'document' && this.onDocument) {
        const d = c.documents.pop();
        if (d) this.onDocument(d);
        // Forgetting costs a copy of what is kept: done once a megabyte has been read past.
        if (end - source.base > DROP_AFTER) source.drop(end);
      }
    });
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
    return !this.stopped && this.collection.problems.length === 0 && this.stack.length === 1 && this.stack[0].name === 'collection'
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

function open(frame: Frame, parent: Frame | undefined, c: BiocCollection, text: Window): void {
  const p = parent?.node;
  const range = { start: frame.start, end: frame.start };
  switch (frame.name) {
    case 'document':
      if (parent?.name === 'collection') frame.node = { id: '', infons: [], passages: [], annotations: [], relations: [], range };
      break;
    case 'passage':
      if (p && isDocument(p)) frame.node = { infons: [], annotations: [], relations: [], range, textVerbatim: false };
      break;
    case 'sentence':
      if (p && isPassage(p)) frame.node = { kind: 'sentence', passage: p };
      break;
    case 'annotation':
      if (p && (isDocument(p) || isPassage(p) || isSentence(p))) {
        const a: BiocAnnotation = { infons: [], locations: [], range };
        if (frame.attributes.id !== undefined) {
          a.id = frame.attributes.id;
          a.idRange = attributeRange(text, frame, 'id');
        }
        frame.node = a;
      }
      break;
    case 'relation':
      if (p && (isDocument(p) || isPassage(p) || isSentence(p))) {
        frame.node = { id: frame.attributes.id, infons: [], nodes: [], range };
      }
      break;
    case 'location':
      if (p && isAnnotation(p)) {
        const loc: BiocLocation = { range: { start: frame.start, end: frame.contentStart } };
        loc.offset = integer(frame.attributes.offset);
        loc.length = integer(frame.attributes.length);
        loc.offsetRange = attributeRange(text, frame, 'offset');
        p.locations.push(loc);
      }
      break;
    case 'node':
      if (p && isRelation(p)) {
        p.nodes.push({ refid: frame.attributes.refid ?? '', role: frame.attributes.role ?? '', range: { start: frame.start, end: frame.contentStart } });
      }
      break;
  }
  void c;
}

function close(frame: Frame, parent: Frame | undefined, content: string, inner: SourceRange, whole: SourceRange, c: BiocCollection, text: Window): void {
  const node = frame.node;
  if (node && 'range' in node) node.range = whole;
  const p = parent?.node;
  switch (frame.name) {
    case 'source': case 'date': case 'key':
      if (parent?.name === 'collection') c[frame.name] = content;
      return;
    case 'infon': {
      const i: BiocInfon = { key: frame.attributes.key ?? '', value: content, range: whole };
      if (parent?.name === 'collection') c.infons.push(i);
      else if (p && !isSentence(p)) p.infons.push(i);
      return;
    }
    case 'id':
      if (p && isDocument(p)) { p.id = content.trim(); p.idRange = inner; }
      return;
    case 'offset':
      if (p && (isPassage(p) || isSentence(p))) {
        p.offset = integer(content.trim());
        if (isPassage(p)) p.offsetRange = inner;
      }
      return;
    case 'text':
      if (p && isPassage(p)) {
        p.text = content;
        p.textRange = inner;
        p.textVerbatim = inner.end - inner.start === content.length && text.slice(inner.start, inner.end) === content;
      } else if (p && isAnnotation(p)) {
        p.text = content;
        p.textRange = inner;
      } else if (p && isSentence(p)) {
        p.text = content;
      }
      return;
    case 'document':
      if (node && isDocument(node)) c.documents.push(node);
      return;
    case 'passage':
      if (node && isPassage(node) && p && isDocument(p)) p.passages.push(node);
      return;
    case 'sentence':
      if (node && isSentence(node)) fillFromSentence(node);
      return;
    case 'annotation':
      if (node && isAnnotation(node)) annotationHolder(parent)?.annotations.push(node);
      return;
    case 'relation':
      if (node && isRelation(node)) annotationHolder(parent)?.relations.push(node);
      return;
  }
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

function integer(s: string | undefined): number | undefined {
  if (s === undefined || !/^\s*\d{1,15}\s*$/.test(s)) return undefined;
  return Number(s);
}

const ATTRIBUTE = new Map<string, RegExp>();

/** The range of an attribute's value inside an open tag. */
function attributeRange(text: Window, frame: Frame, name: string): SourceRange | undefined {
  const tag = text.slice(frame.start, frame.contentStart);
  let pattern = ATTRIBUTE.get(name);
  if (!pattern) ATTRIBUTE.set(name, pattern = new RegExp(`\\s${name}\\s*=\\s*(["'])`));
  const m = pattern.exec(tag);
  if (!m) return undefined;
  const start = frame.start + m.index + m[0].length;
  const close = text.indexOf(m[1], start);
  return { start, end: close < 0 ? start : close };
}
