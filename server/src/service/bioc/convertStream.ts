// Conversion fed piece by piece, giving its output as it goes: BioC XML is
// read by a streaming parser and each document converted as it closes;
// PubTator is converted block by block (documents end at a blank line). So
// both take the memory of one document, whatever the file's size. BioC JSON
// is read document by document too (readJsonStream.ts).
//
// BioC to BioC writes the collection's header first. A BioC JSON file may
// hold its header keys after its documents (legal JSON): when the documents
// start before every key was read (and the options do not set the rest), the
// head is deferred: `headDeferred` is set, the output goes on with the
// documents, and `deferredHead()` gives, after `end()`, the text to write before all
// of it (the CLI keeps the output in a temporary file meanwhile:
// cli/deferredHead.ts). So the output is that of the whole-text conversion.
//
// BioC XML to PubTator may also be split (cli/biocConvertSplit.ts): batches of
// documents converted on workers (convertBatch.ts) are taken here in file
// order where the serial read stands between documents (canTake, takeBatch);
// their warnings join the file's (project.ts addTally), each kind told once in the order first met.

import { parsePubtator } from '../parse/parseFile';
import type { ConvertOptions } from './convert';
import type { BiocConvertResult, BiocConvertTask } from './convertBatch';
import type { DetectedUnit } from './detectUnit';
import { detectFormat, type FileFormat } from './detect';
import { documentToBioc } from './fromPubtator';
import type { BiocDocument } from './model';
import { ProjectionStream } from './project';
import { BiocXmlReader } from './readXml';
import { BiocJsonReader } from './readJsonStream';
import { UNIT_NAME } from './units';
import { defaultHeader, jsonWriter, xmlWriter, type BiocWriter } from './writeBioc';

/** Text looked at before the format is decided. */
export const SNIFF = 4096;

export class ConvertStream {
  from: FileFormat | undefined;
  to: FileFormat | undefined;
  readonly errors: string[] = [];
  private pending = '';
  private reader: BiocXmlReader | BiocJsonReader | undefined;
  private projection: ProjectionStream | undefined;
  private writer: BiocWriter | undefined;
  private headWritten = false;
  private documents = 0;
  private malformed = 0;
  private out: string[] = [];
  /** Set once documents are output before the head they go after (BioC JSON whose header may come later). */
  headDeferred = false;
  private lateHead = '';
  /** BioC documents read or taken so far. */
  private biocDocuments = 0;

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

  /**
   * Decides the format from the input's head (SNIFF characters, or all of a
   * shorter input) before any of it is written: a split conversion writes
   * the head in pieces, and takes batches only once the format is known.
   */
  sniff(head: string): void {
    if (this.from !== undefined || this.pending) return;
    this.pending = head;
    this.start();
    this.pending = '';
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
    this.out.unshift(first);
    if (this.reader) {
      const c = this.reader.close();
      this.errors.push(...c.problems.map((p) => p.message));
      this.projected(this.projection!.end());
    } else {
      this.pubtatorBlocks(this.pending);
      this.pending = '';
    }
    if (this.writer) {
      this.head(this.reader?.collection);
      this.out.push(this.writer.tail());
    }
    if (this.headDeferred) this.lateHead = this.headText(this.reader?.collection);
    return this.flush();
  }

  /** After end(), when the head was deferred: the text that goes before all the output. */
  deferredHead(): string {
    return this.lateHead;
  }

  get warnings(): string[] {
    const list: string[] = [];
    if (this.projection) for (const w of this.projection.warnings) list.push(w.count > 1 ? `${w.message} (${w.count} times)` : w.message);
    if (this.malformed > 0) list.push(`${this.malformed} line(s) that are neither passages nor rows were left out`);
    return list;
  }

  get unitNote(): string | undefined {
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
    } else if (this.from === 'bioc-json') {
      this.projection = new ProjectionStream();
      this.reader = new BiocJsonReader((d) => this.biocDocument(d));
    }
  }

  private feed(text: string): string {
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

  /** The unit a batch converted elsewhere is to assume now: the settled one, else none (its documents must be ASCII). */
  get settledUnit(): DetectedUnit | undefined {
    return this.projection?.settledUnit;
  }

  /**
   * Whether a batch converted elsewhere can be taken as the serial read would
   * have read it: BioC XML to PubTator, the reader between documents with
   * nothing wrong, no document waiting for the unit, the documents before it
   * those it counted on, and the unit it assumed the settled one (or none).
   */
  canTake(task: BiocConvertTask, result: BiocConvertResult): boolean {
    if (result.refused || this.from !== 'bioc-xml' || this.to !== 'pubtator') return false;
    if (!(this.reader instanceof BiocXmlReader) || !this.reader.betweenDocuments) return false;
    if (this.projection!.holding || this.biocDocuments !== task.documentsBefore) return false;
    if (!task.unit) return true;
    const u = this.projection!.settledUnit;
    return u !== undefined && u.unit === task.unit.unit && u.told === task.unit.told && u.fits.join() === task.unit.fits.join();
  }

  /** Takes a batch converted elsewhere (after canTake): its output. */
  takeBatch(task: BiocConvertTask, result: BiocConvertResult): string {
    (this.reader as BiocXmlReader).skip(task.text.length);
    this.projection!.skipDocuments(result.documents);
    // After what was read here, which comes before it in the file: each kind keeps the place it was first met.
    this.projection!.addTally(result.tally);
    this.biocDocuments += result.documents;
    return result.text;
  }

  private biocDocument(d: BiocDocument): void {
    this.biocDocuments++;
    this.projected(this.projection!.document(d));
  }

  /** Projected documents (none while the unit is open), converted on. */
  private projected(text: string): void {
    if (!this.writer) {
      if (text) this.out.push(text);
      return;
    }
    // BioC to BioC: through the PubTator model, as convertText does.
    this.pubtatorBlocks(text, this.reader?.collection);
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
    if (this.reader instanceof BiocJsonReader && !this.headerKnown(this.reader)) this.headDeferred = true;
    else this.out.push(this.headText(header));
  }

  /** Whether a BioC JSON file's header can no longer change what the head says. */
  private headerKnown(reader: BiocJsonReader): boolean {
    const given = this.options.header ?? {};
    return reader.headerFinal || (['source', 'date', 'key'] as const).every((k) => given[k] !== undefined || reader.headerSeen(k));
  }

  private headText(header?: { source: string; date: string; key: string }): string {
    const h = header ? { source: header.source, date: header.date, key: header.key } : defaultHeader();
    return this.writer!.head({ ...h, ...this.options.header });
  }

  private flush(): string {
    const text = this.out.join('');
    this.out = [];
    return text;
  }
}
