// Where each <document> element of a BioC XML collection lies, found as the
// text streams in and without parsing it, so that documents can be parsed on
// other threads (checkBiocStream.ts, cli/biocSplit.ts). The scan steps over
// comments, CDATA sections and processing instructions (a `</document>` in
// them ends nothing) and over quoted attribute values in a document's open
// tag. It need not be right about a malformed file: a piece it calls a
// document is used only when it parses on its own without a single problem,
// and then only where the serial reader stands between documents
// (readXml.ts betweenDocuments); anything else is read by the serial reader.
// A DOCTYPE with an internal subset (which may declare entities) stops the
// split: the rest is handed on as text.

/** A piece of the file in order: text for the serial reader, or a document's text and its file offset. */
export type XmlPiece = { kind: 'text'; text: string } | { kind: 'document'; text: string; start: number };

const OPEN = '<document';
const CLOSE = '</document';
/** Inside a document: a close tag that may be the document's, or a comment, CDATA section, PI or declaration (which may hide one). */
const INNER = /<(?:\/document|[!?])/g;

export class DocumentSplitter {
  /** Text not handed on yet; text[0] is file offset `base`. */
  private text = '';
  private base = 0;
  /** Where scanning goes on (relative to text): at or after the last piece handed on. */
  private pos = 0;
  /** Start of the document being read (relative), -1 between documents. */
  private doc = -1;
  /** Whether the document's open tag is read (scanning its content). */
  private inContent = false;
  /** Not sure of the rest: everything goes on as text. */
  private gaveUp = false;

  /** Feeds text; gives the pieces it completes. */
  write(chunk: string): XmlPiece[] {
    this.text += chunk;
    const out: XmlPiece[] = [];
    if (this.gaveUp) {
      this.flushText(out, this.text.length);
    } else {
      this.scan(out);
    }
    this.compact();
    return out;
  }

  /** The text is over: the rest (a document not closed, the footer) as text. */
  end(): XmlPiece[] {
    const out: XmlPiece[] = [];
    this.flushText(out, this.text.length);
    return out;
  }

  private scan(out: XmlPiece[]): void {
    const t = this.text;
    for (;;) {
      if (this.doc < 0) {
        // Between documents: the next markup that matters.
        const lt = t.indexOf('<', this.pos);
        if (lt < 0) { this.pos = t.length; return; }
        const skipped = this.skipMarkup(lt);
        if (skipped === undefined) { this.pos = lt; return; }
        if (skipped === -2) { this.giveUp(out); return; }
        if (skipped >= 0) { this.pos = skipped; continue; }
        if (t.startsWith(OPEN, lt) && isNameEnd(t.charCodeAt(lt + OPEN.length))) {
          this.flushText(out, lt);
          this.doc = lt;
          this.pos = lt + OPEN.length;
          this.inContent = false;
          continue;
        }
        this.pos = lt + 1;
        continue;
      }
      if (!this.inContent) {
        // The open tag: its end is the first `>` outside quotes.
        const end = tagEnd(t, this.pos);
        if (end < 0) return;
        if (t.charCodeAt(end - 1) === 47) { this.emitDocument(out, end + 1); continue; }
        this.inContent = true;
        this.pos = end + 1;
        continue;
      }
      // Inside a document: its close tag, unless markup that may hide one comes first (one scan for both).
      INNER.lastIndex = this.pos;
      const m = INNER.exec(t);
      if (!m) {
        // A `</document` may start in the last characters: look there again with more text.
        this.pos = Math.max(this.pos, t.length - CLOSE.length + 1);
        return;
      }
      const at = m.index;
      if (m[0].length === 2) {
        const skipped = this.skipMarkup(at);
        if (skipped === undefined) { this.pos = at; return; }
        this.pos = skipped >= 0 ? skipped : at + 2;
        continue;
      }
      const close = at;
      let i = close + CLOSE.length;
      while (i < t.length && isSpace(t.charCodeAt(i))) i++;
      if (i >= t.length) { this.pos = close; return; }
      if (t.charCodeAt(i) === 62) { this.emitDocument(out, i + 1); continue; }
      this.pos = close + 2;
    }
  }

  /**
   * At a `<`: the index after a comment, CDATA section, processing instruction
   * or DOCTYPE starting there; -1 when it is none of them; -2 for a DOCTYPE
   * with an internal subset; undefined when more text is needed to tell.
   */
  private skipMarkup(lt: number): number | undefined {
    const t = this.text;
    // Too short to tell (`<!--`, `<![CDATA[`, `<!DOCTYPE`, `<document `): wait for more.
    if (lt + 10 > t.length) return undefined;
    const c = t.charCodeAt(lt + 1);
    if (c === 63) return after(t, '?>', lt + 2);
    if (c !== 33) return -1;
    if (t.startsWith('<!--', lt)) return after(t, '-->', lt + 4);
    if (t.startsWith('<![CDATA[', lt)) return after(t, ']]>', lt + 9);
    if (t.startsWith('<!DOCTYPE', lt)) {
      const gt = t.indexOf('>', lt);
      const bracket = t.indexOf('[', lt);
      if (bracket >= 0 && (gt < 0 || bracket < gt)) return -2;
      return gt < 0 ? undefined : gt + 1;
    }
    return -1;
  }

  private emitDocument(out: XmlPiece[], end: number): void {
    out.push({ kind: 'document', text: this.text.slice(this.doc, end), start: this.base + this.doc });
    this.doc = -1;
    this.pos = end;
    this.handed = end;
  }

  /** Relative index up to which pieces were handed on. */
  private handed = 0;

  private flushText(out: XmlPiece[], end: number): void {
    if (end > this.handed) out.push({ kind: 'text', text: this.text.slice(this.handed, end) });
    this.handed = Math.max(this.handed, end);
    if (this.pos < this.handed) this.pos = this.handed;
  }

  private giveUp(out: XmlPiece[]): void {
    this.gaveUp = true;
    this.doc = -1;
    this.flushText(out, this.text.length);
  }

  /** Forgets what was handed on (once it is more than what is kept). */
  private compact(): void {
    const from = this.doc >= 0 ? Math.min(this.doc, this.handed) : this.handed;
    if (from === 0 || from * 2 < this.text.length) return;
    this.text = this.text.slice(from);
    this.base += from;
    this.pos -= from;
    this.handed -= from;
    if (this.doc >= 0) this.doc -= from;
  }
}

function after(t: string, close: string, from: number): number | undefined {
  const i = t.indexOf(close, from);
  return i < 0 ? undefined : i + close.length;
}

/** The index of the `>` ending an open tag whose name ends before `from` (quotes respected); -1 if not in the text yet. */
function tagEnd(t: string, from: number): number {
  let quote = 0;
  for (let i = from; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (quote) { if (c === quote) quote = 0; } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** What may follow an element name in a tag. */
function isNameEnd(c: number): boolean {
  return isSpace(c) || c === 62 || c === 47;
}
