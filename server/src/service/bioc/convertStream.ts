// Conversion fed piece by piece, giving its output as it goes: BioC XML is
// read by a streaming parser and each document converted as it closes;
// PubTator is converted block by block (documents end at a blank line). So
// both take the memory of one document, whatever the file's size. BioC JSON
// to PubTator (convert, stats, compare) is read document by document too
// (readJsonStream.ts); BioC JSON to BioC is read whole (its header is needed
// first) and converted at the end.

import { parsePubtator } from '../parse/parseFile';
import { convertText, type ConvertOptions } from './convert';
import { detectFormat, type FileFormat } from './detect';
import { documentToBioc } from './fromPubtator';
import type { BiocDocument } from './model';
import { ProjectionStream } from './project';
import { BiocXmlReader } from './readXml';
import { BiocJsonReader } from './readJsonStream';
import { UNIT_NAME } from './units';
import { defaultHeader, jsonWriter, xmlWriter, type BiocWriter } from './writeBioc';

/** Text looked at before the format is decided. */
const SNIFF = 4096;

export class ConvertStream {
  from: FileFormat | undefined;
  to: FileFormat | undefined;
  readonly errors: string[] = [];
  private readonly warningList: string[] = [];
  private pending = '';
  private reader: BiocXmlReader | BiocJsonReader | undefined;
  private projection: ProjectionStream | undefined;
  private writer: BiocWriter | undefined;
  private headWritten = false;
  private documents = 0;
  private malformed = 0;
  private out: string[] = [];

  constructor(private readonly options: ConvertOptions = {}) {}

  /** Feeds text; returns the output it completes. */
  write(text: string): string {
    if (this.from === undefined) {
      this.pending += text;
      if (this.pending.length < SNIFF) return '';
      this.start();
      const first = this.pending;
      this.pending = '';
      return this.feed(first);
    }
    return this.feed(text);
  }

  /** Ends the input; returns the rest of the output. */
  end(): string {
    let first = '';
    if (this.from === undefined) {
      this.start();
      const all = this.pending;
      this.pending = '';
      first = this.feed(all);
    }
    if (this.from === 'bioc-json' && !this.reader) {
      const r = convertText(this.pending, { ...this.options, to: this.to });
      this.pending = '';
      this.errors.push(...r.errors);
      this.warningList.push(...r.warnings);
      this.unitNoteJson = r.unitNote;
      return r.output;
    }
    this.out.unshift(first);
    if (this.reader) {
      const c = this.reader.close();
      this.errors.push(...c.problems.map((p) => p.message));
    } else {
      this.pubtatorBlocks(this.pending);
      this.pending = '';
    }
    if (this.writer) {
      this.head(this.reader instanceof BiocXmlReader ? this.reader.collection : undefined);
      this.out.push(this.writer.tail());
    }
    return this.flush();
  }

  get warnings(): string[] {
    const list = [...this.warningList];
    if (this.projection) for (const w of this.projection.warnings) list.push(w.count > 1 ? `${w.message} (${w.count} times)` : w.message);
    if (this.malformed > 0) list.push(`${this.malformed} line(s) that are neither passages nor rows were left out`);
    return list;
  }

  private unitNoteJson: string | undefined;

  get unitNote(): string | undefined {
    if (this.from === 'bioc-json' && !this.reader) return this.unitNoteJson;
    const p = this.projection;
    if (!p) return undefined;
    return p.unitTold
      ? `offsets count ${p.unitFits.map((u) => UNIT_NAME[u]).join(' or ')}${p.unitFits.length > 1 ? ' (they agree on this file)' : ''}`
      : 'offsets: the text is ASCII before every annotation, so bytes, UTF-16 units and code points agree';
  }

  private start(): void {
    this.from = detectFormat(this.pending);
    this.to = this.options.to ?? (this.from === 'pubtator' ? 'bioc-xml' : 'pubtator');
    if (this.to !== 'pubtator') this.writer = this.to === 'bioc-json' ? jsonWriter : xmlWriter;
    if (this.from === 'bioc-xml') {
      this.projection = new ProjectionStream();
      this.reader = new BiocXmlReader((d) => this.biocDocument(d));
    } else if (this.from === 'bioc-json' && this.to === 'pubtator') {
      this.projection = new ProjectionStream();
      this.reader = new BiocJsonReader((d) => this.biocDocument(d));
    }
  }

  private feed(text: string): string {
    if (this.from === 'bioc-json' && !this.reader) {
      this.pending += text;
      return '';
    }
    if (this.reader) {
      this.reader.write(text);
      return this.flush();
    }
    if (this.from === 'pubtator' && this.to === 'pubtator') return text;
    // PubTator: convert the complete blocks, keep the open one.
    this.pending += text;
    const cut = this.pending.lastIndexOf('\n\n');
    if (cut < 0) return '';
    this.pubtatorBlocks(this.pending.slice(0, cut + 2));
    this.pending = this.pending.slice(cut + 2);
    return this.flush();
  }

  private biocDocument(d: BiocDocument): void {
    const text = this.projection!.document(d);
    if (!this.writer) {
      this.out.push(text);
      return;
    }
    // BioC to BioC: through the PubTator model, as convertText does.
    this.pubtatorBlocks(text, this.reader instanceof BiocXmlReader ? this.reader.collection : undefined);
  }

  private pubtatorBlocks(text: string, header?: { source: string; date: string; key: string }): void {
    if (text.trim() === '') return;
    const file = parsePubtator(text);
    this.malformed += file.stray.length;
    this.head(header);
    for (const d of file.documents) {
      this.malformed += d.malformed.length;
      this.out.push(this.writer!.document(documentToBioc(d, this.options), this.documents === 0));
      this.documents++;
      d.release();
    }
  }

  private head(header?: { source: string; date: string; key: string }): void {
    if (this.headWritten || !this.writer) return;
    this.headWritten = true;
    const h = header ? { source: header.source, date: header.date, key: header.key } : defaultHeader();
    this.out.push(this.writer.head({ ...h, ...this.options.header }));
  }

  private flush(): string {
    const text = this.out.join('');
    this.out = [];
    return text;
  }
}
