// A BioC XML or JSON file checked as it is read, in the memory of a few documents:
// the streamed twin of checkBioc.ts, giving the same diagnostics.
//
// The file is read by a streaming reader (readXml.ts, readJsonStream.ts); each document, as it
// closes, is projected onto PubTator (project.ts) and its BioC findings are
// placed at once; projected documents are gathered into batches of about
// `batchChars`, which the caller checks with the PubTator map step
// (streamingValidator.ts checkChunk, on this thread or a worker) and hands
// back in order to `take`, which reduces them with the PubTator FileReducer
// (so the file's conventions are learned as for a big PubTator file: rows
// held, settled at the end) and puts each diagnostic on its XML element.
//
// What the file as a whole decides:
// - the offset unit: learned from the first annotations that tell it
//   (detectUnit.ts). Documents whose passages are all ASCII project the same
//   under any unit and go on; from the first other one, documents wait,
//   unprojected, until the unit is decided or UNIT_SAMPLE_CHARS of them have been
//   read (then the votes so far decide: a whole-file check would look on);
// - whether relation nodes name annotations (documentFindings.ts NodeVotes):
//   nodes that name none are held, and reported at the end if they should.
//
// Order: as checkBioc sorts (by position; BioC's own findings before the
// PubTator checks' at one place), all at the end when there are at most
// OUTPUT_BUFFER diagnostics, else each batch's as it comes.

import type { ChunkCheck } from '../streamingValidator';
import { FileReducer } from '../streamingValidator';
import type { Diagnostic, Range } from '../types';
import type { ValidationOptions } from '../validate';
import { keeps, placeFinding, rangeKey } from './streamPlacing';
import { UNIT_SAMPLE_CHARS, UnitVotes, type DetectedUnit } from './detectUnit';
import type { BiocBatchResult, BiocBatchTask, LineFacts } from './batchMap';
import { duplicateAnnotationIds, NodeVotes, overlappingPassages } from './documentFindings';
import type { BiocDocument } from './model';
import { DocumentProjector, isAsciiDocument, type Finding, type LineMap } from './project';
import { BiocXmlReader } from './readXml';
import { BiocJsonReader } from './readJsonStream';
import { LineWindow, SlidingLineIndex } from './slidingLines';
import { sourceRange } from './sourceMap';
import { HeldPlaces, type BatchPlaces } from './heldPlaces';
import { order, type Ranked } from './rankedOrder';
import { rowOfOffset } from './rowOfOffset';
import { OncePerFile } from './oncePerFile';

/** Diagnostics held back to be printed in order with those only the file's end settles. */
const OUTPUT_BUFFER = 20_000;

/** Projected documents to check as one chunk: whole documents of PubTator text, and the map back to the XML. */
export interface BiocBatch {
  /** The projection's lines, without the last newline (as a chunk of a PubTator file). */
  text: string;
  /** Line of the projection (of the whole file) that `text` starts at. */
  firstLine: number;
  /** @internal the map of each line of `text` to the XML, and the XML's line starts there. */
  readonly lines: (LineMap | undefined)[];
  readonly index: LineWindow;
  /** @internal BioC's own findings about these documents, placed. */
  readonly findings: Ranked[];
}

/** The options a BioC file's batches are checked with: the projection's offsets count code points. */
export function biocCheckOptions(options: ValidationOptions): ValidationOptions {
  return { ...options, unit: 'codepoint' };
}

export class BiocCheckStream {
  documents = 0;
  mentions = 0;
  relations = 0;
  private readonly lines = new SlidingLineIndex();
  private readonly reader: BiocXmlReader | BiocJsonReader;
  private readonly votes = new UnitVotes();
  private readonly nodes = new NodeVotes();
  private readonly reducer: FileReducer;
  private readonly projector = new DocumentProjector(new UnitVotes().result());
  private decided = false;
  /** Documents read while the unit is not decided. */
  private waiting: BiocDocument[] = [];
  private problemsPlaced = 0;
  /** BioC findings placed and not yet in a batch. */
  private findings: Ranked[] = [];
  private dangling: Ranked[] = [];
  /** The findings told once per file (oncePerFile.ts): told when the file ends. */
  private readonly once = new OncePerFile((r: Ranked) => r.d);
  private parts: string[] = [];
  private partLines: (LineMap | undefined)[] = [];
  private partChars = 0;
  private batchStart: number | undefined;
  private batchEnd = 0;
  private nextLine = 0;
  private ready: BiocBatch[] = [];
  /** First line of each document id's first document: its XML line and id range (duplicate-document points there). */
  private readonly titles = new Map<number, { line: number; id: Range }>();
  private readonly titleIds = new Set<string>();
  /** Where the rows held for the file's habits lie in the XML. */
  private readonly held = new HeldPlaces();
  /** Diagnostics not printed yet (undefined once past OUTPUT_BUFFER). */
  private pending: Ranked[] | undefined = [];
  /** The projection row each diagnostic stands for, when asked for (`stats` counts rows with problems). */
  private readonly rows: WeakMap<Diagnostic, number> | undefined;

  /** `format`: BioC XML or BioC JSON (both read document by document); `rows`: tell rowOf. */
  constructor(private readonly options: ValidationOptions = {}, private readonly batchChars = 1 << 20, format: 'bioc-xml' | 'bioc-json' = 'bioc-xml', rows = false) {
    if (rows) this.rows = new WeakMap();
    this.reader = format === 'bioc-json' ? new BiocJsonReader((d) => this.document(d)) : new BiocXmlReader((d) => this.document(d));
    this.reducer = new FileReducer(biocCheckOptions(options));
  }

  /** The options the batches are checked with (the projection's offsets count code points). */
  get checkOptions(): ValidationOptions {
    return biocCheckOptions(this.options);
  }

  /** The line of the projection a diagnostic given stands for (undefined for one about the file, or unless asked for). */
  rowOf(d: Diagnostic): number | undefined {
    return this.rows?.get(d);
  }

  /** Feeds the file's text; gives the batches it completes, to check in order. */
  write(text: string): BiocBatch[] {
    this.feedLines(text);
    return this.read(text);
  }

  /** A split read (cli/biocSplit.ts): the file's text, in order, to the line index only. */
  feedLines(text: string): void {
    this.lines.feed(text);
  }

  /** A split read: text already fed to feedLines, read here; gives the batches it completes. */
  read(text: string): BiocBatch[] {
    this.reader.write(text);
    this.placeProblems();
    return this.ready.splice(0);
  }

  /** The file line of an offset fed to feedLines (and not forgotten), and the offset that line starts at. */
  lineOf(offset: number): { line: number; lineStart: number } {
    const at = this.lines.position(offset);
    return { line: at.line, lineStart: offset - at.character };
  }

  /** The unit a batch mapped elsewhere (batchMap.ts) is to assume now: the settled one, else none. */
  get settledUnit(): DetectedUnit | undefined {
    return this.decided ? this.votes.result() : undefined;
  }

  /** The projected documents not yet in a batch, as one (before a batch mapped elsewhere is taken). */
  cutPending(): BiocBatch[] {
    this.cut(false);
    return this.ready.splice(0);
  }

  /** The projection line the next batch starts at. */
  get nextProjectionLine(): number {
    return this.nextLine;
  }

  /**
   * Whether a batch mapped elsewhere can be taken as the serial read would
   * have read it: the reader stands between documents with nothing wrong, no
   * document waits for the unit, the documents before it are those it counted
   * on, and it assumed the unit settled here (or none, its documents all ASCII).
   */
  canTake(task: BiocBatchTask, result: BiocBatchResult): boolean {
    if (result.refused || !(this.reader instanceof BiocXmlReader) || !this.reader.betweenDocuments) return false;
    if (this.waiting.length || this.parts.length || this.documents !== task.documentsBefore) return false;
    if (!task.unit) return true;
    if (!this.decided) return false;
    const u = this.votes.result();
    return u.unit === task.unit.unit && u.told === task.unit.told && u.fits.join() === task.unit.fits.join();
  }

  /** Takes a batch mapped elsewhere (after canTake, from projection line nextProjectionLine): the diagnostics to print now. */
  takeMapped(task: BiocBatchTask, result: BiocBatchResult): Diagnostic[] {
    (this.reader as BiocXmlReader).skip(task.text.length);
    const firstLine = this.nextLine;
    const out = this.findings;
    this.findings = [];
    for (const doc of result.documents) {
      this.documents++;
      for (const r of doc.findings) if (!this.once.take(r)) out.push(r);
      for (const r of doc.dangling) this.dangling.push(r);
      this.nodes.resolved += doc.resolved;
      this.nodes.unresolved += doc.unresolved;
      if (doc.title && !this.titleIds.has(doc.title.id)) {
        this.titleIds.add(doc.title.id);
        this.titles.set(firstLine + doc.title.line, { line: doc.title.xmlLine, id: doc.title.idRange });
      }
    }
    this.projector.skipDocuments(result.documents.length);
    this.nextLine += result.lines;
    if (result.documents.length) this.lines.forget(result.documents[result.documents.length - 1].end);
    const check = result.check;
    this.mentions += check.counts.mentions;
    this.relations += check.counts.relations;
    const places = new Map(result.places);
    const facts = new Map(result.lineFacts);
    const holds = (line: number) => line >= firstLine && line < firstLine + result.lines;
    const maps = new Map<LineMap, number>();
    this.held.note({
      holds,
      lineMap: (line) => {
        const f = facts.get(line);
        if (!f) return undefined;
        const map: LineMap = { src: { start: 0, end: 0 }, fields: [], outside: f.outside, fromNodes: f.fromNodes, noType: f.noType, textless: f.textless };
        maps.set(map, f.xmlLine);
        return map;
      },
      range: (r) => places.get(rangeKey(r)) ?? undefined,
      xmlLine: (map) => maps.get(map)!,
    }, check.held);
    const { diagnostics } = this.reducer.add(check, true);
    const moved = new Map(check.diagnostics.map((d, i) => [d, result.moved[i]]));
    for (const d of diagnostics) {
      const m = moved.has(d) ? moved.get(d) : this.moveAcross(d, firstLine, places, facts);
      if (m) out.push(m);
    }
    return this.hold(out);
  }

  /** A diagnostic of the reduce step about a batch mapped elsewhere, on the XML by the places it noted (as move does). */
  private moveAcross(d: Diagnostic, firstLine: number, places: Map<string, Range | null>, facts: Map<number, LineFacts>): Ranked | null {
    if (d.range.start.line < firstLine) {
      const early = this.moveEarlier(d);
      return early ? { d: early, rank: 3, line: d.range.start.line, character: d.range.start.character, settled: false } : null;
    }
    const f = facts.get(d.range.start.line);
    if (!keeps(d, f) || f?.outside) return null;
    const range = places.get(rangeKey(d.range));
    if (!range) return null;
    const message = d.message.replace(/\bline (\d+)\b/g, (whole, n: string) => {
      const at = Number(n) - 1;
      if (at >= firstLine) {
        const x = facts.get(at)?.xmlLine;
        return x === undefined ? whole : `line ${x + 1}`;
      }
      const t = this.titles.get(at);
      const held = this.held.lines.get(at);
      return t ? `line ${t.line + 1}` : held !== undefined ? `line ${held + 1}` : whole;
    });
    const moved: Diagnostic = { ...d, range, message };
    if (d.relatedInformation) {
      moved.relatedInformation = d.relatedInformation.flatMap((r) => {
        const at = r.range.start.line >= firstLine ? places.get(rangeKey(r.range)) ?? undefined : this.titleRange(r.range);
        return at ? [{ ...r, range: at }] : [];
      });
    }
    return { d: moved, rank: 3, line: d.range.start.line, character: d.range.start.character, settled: false };
  }

  /** The text is over: the last batches. */
  end(): BiocBatch[] {
    this.reader.close();
    this.placeProblems();
    this.decideUnit();
    this.cut(true);
    return this.ready.splice(0);
  }

  /** A batch's check, in batch order: the diagnostics to print now (in order). */
  take(batch: BiocBatch, check: ChunkCheck): Diagnostic[] {
    this.mentions += check.counts.mentions;
    this.relations += check.counts.relations;
    this.held.note(this.places(batch), check.held);
    const { diagnostics } = this.reducer.add(check);
    const out: Ranked[] = batch.findings.slice();
    for (const d of diagnostics) {
      const moved = this.move(batch, d);
      if (moved) this.rows?.set(moved, d.range.start.line);
      if (moved) out.push({ d: moved, rank: 3, line: d.range.start.line, character: d.range.start.character, settled: false });
    }
    return this.hold(out);
  }

  /** Everything else, once every batch was taken: held rows settled, nodes that name nothing, in order. */
  finish(): Diagnostic[] {
    const out: Ranked[] = this.findings.splice(0);
    if (this.nodes.nodesReferToAnnotations) out.push(...this.dangling);
    out.push(...this.once.result());
    for (const d of this.reducer.end()) {
      const found = this.held.move(d, (m) => this.heldLineNames(m), (x, flags) => keeps(x, flags));
      const moved = found === 'unknown' ? this.moveEarlier(d) : found;
      if (moved) this.rows?.set(moved, d.range.start.line);
      if (moved) out.push({ d: moved, rank: 3, line: d.range.start.line, character: d.range.start.character, settled: true });
    }
    const rest = this.pending ? this.pending.concat(out) : out;
    this.pending = undefined;
    return order(rest);
  }

  private hold(list: Ranked[]): Diagnostic[] {
    if (this.pending && this.pending.length + list.length <= OUTPUT_BUFFER) {
      this.pending.push(...list);
      return [];
    }
    const now = this.pending ? this.pending.concat(list) : list;
    this.pending = undefined;
    return order(now);
  }

  private place(f: Finding, rank: number): Ranked | undefined {
    return placeFinding(this.options, this.lines, f, rank);
  }

  private placeProblems(): void {
    const problems = this.reader.collection.problems;
    for (; this.problemsPlaced < problems.length; this.problemsPlaced++) {
      const p = problems[this.problemsPlaced];
      const r = this.place({ code: 'bioc-not-well-formed', message: p.message, range: p.range }, 0);
      if (r) this.findings.push(r);
    }
  }

  private document(d: BiocDocument): void {
    // Placed before the batch this document may end forgets their lines.
    this.placeProblems();
    this.documents++;
    if (this.decided) return this.project(d);
    const ascii = isAsciiDocument(d);
    this.votes.add(d, ascii);
    if (this.waiting.length === 0 && ascii) return this.project(d, ascii);
    this.waiting.push(d);
    if (this.votes.decided || d.range.end - this.waiting[0].range.start > UNIT_SAMPLE_CHARS) this.decideUnit();
  }

  private decideUnit(): void {
    if (this.decided) return;
    this.decided = true;
    this.projector.learned(this.votes.result());
    const waiting = this.waiting;
    this.waiting = [];
    for (const d of waiting) this.project(d);
  }

  private project(d: BiocDocument, ascii = false): void {
    const p = this.projector.project(d, ascii);
    this.batchStart ??= d.range.start;
    this.batchEnd = d.range.end;
    const first = this.nextLine + this.partLines.length;
    const placed = (f: Finding, rank: number) => {
      const r = this.place(f, rank);
      const row = r && this.rows ? rowOfOffset(p.lines, f.range.start) : undefined;
      if (r && row !== undefined) this.rows!.set(r.d, first + row);
      return r;
    };
    for (const f of p.findings) this.keep(placed(f, 1));
    for (const f of duplicateAnnotationIds(d)) this.keep(placed(f, 2));
    for (const f of this.nodes.add(d)) {
      const r = placed(f, 2);
      if (r) this.dangling.push(r);
    }
    for (const f of overlappingPassages(d, this.projector.unit, p.passageLocal)) this.keep(placed(f, 2));
    // The document's first line (its title): where a later document of the same id points back to.
    const title = p.lines[0];
    const id = p.text.slice(0, p.text.indexOf('|'));
    if (title && !this.titleIds.has(id)) {
      this.titleIds.add(id);
      const f = title.fields[0];
      this.titles.set(first, { line: this.lines.position(title.src.start).line, id: this.lines.range(f.src) });
    }
    this.parts.push(p.text);
    for (const l of p.lines) this.partLines.push(l);
    this.partChars += p.text.length;
    if (this.partChars >= this.batchChars) this.cut(false);
  }

  private keep(r: Ranked | undefined): void {
    if (r && !this.once.take(r)) this.findings.push(r);
  }

  /** Ends the batch gathered so far (at the end, also one with only findings, or none). */
  private cut(last: boolean): void {
    if (this.parts.length === 0 && !(last && this.findings.length)) return;
    const start = this.batchStart ?? 0;
    const text = this.parts.join('');
    const batch: BiocBatch = {
      text: text.endsWith('\n') ? text.slice(0, -1) : text,
      firstLine: this.nextLine,
      lines: this.partLines,
      index: this.lines.window(start),
      findings: this.findings,
    };
    this.nextLine += this.partLines.length;
    this.parts = [];
    this.partLines = [];
    this.partChars = 0;
    this.findings = [];
    this.batchStart = undefined;
    this.lines.forget(this.batchEnd);
    this.ready.push(batch);
  }

  /** A PubTator diagnostic of a batch on the XML, as checkBioc moves it; undefined when it is left out. */
  private move(batch: BiocBatch, d: Diagnostic): Diagnostic | undefined {
    const local = d.range.start.line - batch.firstLine;
    if (local < 0) return this.moveEarlier(d);
    const line = batch.lines[local];
    if (!keeps(d, line) || line?.outside) return undefined;
    const range = this.rangeIn(batch, d.range);
    if (!range) return undefined;
    const moved: Diagnostic = { ...d, range, message: this.lineNames(batch, d.message) };
    if (d.relatedInformation) {
      moved.relatedInformation = d.relatedInformation.flatMap((r) => {
        const at = r.range.start.line >= batch.firstLine ? this.rangeIn(batch, r.range) : this.titleRange(r.range);
        return at ? [{ ...r, range: at }] : [];
      });
    }
    return moved;
  }

  /** A diagnostic about a line before its batch (none does today): on the document's title when known, else left out. */
  private moveEarlier(d: Diagnostic): Diagnostic | undefined {
    const range = this.titleRange(d.range);
    return range ? { ...d, range } : undefined;
  }

  private rangeIn(batch: BiocBatch, r: Range): Range | undefined {
    const shift = batch.firstLine;
    return sourceRange(batch, batch.index, { start: { line: r.start.line - shift, character: r.start.character }, end: { line: r.end.line - shift, character: r.end.character } });
  }

  /** A range on a document's first line (its id, else the line), of a document in an earlier batch. */
  private titleRange(r: Range): Range | undefined {
    const t = this.titles.get(r.start.line);
    if (!t) return undefined;
    if (r.start.line === r.end.line && r.start.character === 0) return t.id;
    return { start: { line: t.line, character: 0 }, end: { line: t.line, character: 0 } };
  }

  /** "line N" of the projection as the XML's line, as checkBioc words it. */
  private lineNames(batch: BiocBatch, message: string): string {
    return message.replace(/\bline (\d+)\b/g, (whole, n: string) => {
      const at = Number(n) - 1;
      const local = at - batch.firstLine;
      if (local >= 0) {
        const line = batch.lines[local];
        return line ? `line ${batch.index.position(line.src.start).line + 1}` : whole;
      }
      const t = this.titles.get(at);
      const held = this.held.lines.get(at);
      return t ? `line ${t.line + 1}` : held !== undefined ? `line ${held + 1}` : whole;
    });
  }

  /** A batch's lines and their places in the XML, for the held rows' notes. */
  private places(batch: BiocBatch): BatchPlaces {
    return {
      holds: (line) => line >= batch.firstLine && line < batch.firstLine + batch.lines.length,
      lineMap: (line) => batch.lines[line - batch.firstLine],
      range: (r) => this.rangeIn(batch, r),
      xmlLine: (map) => batch.index.position(map.src.start).line,
    };
  }

  private heldLineNames(message: string): string {
    return message.replace(/\bline (\d+)\b/g, (whole, n: string) => {
      const at = this.held.lines.get(Number(n) - 1) ?? this.titles.get(Number(n) - 1)?.line;
      return at === undefined ? whole : `line ${at + 1}`;
    });
  }
}

