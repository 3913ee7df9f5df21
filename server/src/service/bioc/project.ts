// A BioC collection as PubTator text, with a map from every line and field of
// that text back to the XML/JSON element it came from. Parsing the text with
// the PubTator parser gives the same model (documents, passages, mentions,
// relations) the checks and features use, and the map puts what they find on
// the element in the BioC file. The same text is what `convert` writes.
//
// Rules (docs/bioc.md): the first passage is the title (|t|), the second the
// abstract (|a|), each further passage its own line with a letters-only
// marker from its type infon (else `p`); passage texts are joined by one
// space, so offsets are re-based when the BioC passage offsets leave other
// gaps; line breaks and TABs inside a text become spaces, trailing line
// breaks are dropped. Offsets are written in code points (the PubTator
// checker's default unit), whatever unit the BioC file counts in.

import type { BiocAnnotation, BiocCollection, BiocDocument, BiocInfon, BiocLocation, BiocPassage, BiocRelation, SourceRange } from './model';
import { infonValue } from './model';
import { indexAfter, isAscii, lengthIn, unitsBefore, type BiocUnit } from './units';
import { TEXTLESS_DOCUMENT } from './textlessDocuments';
import { detectUnit, UNIT_SAMPLE_CHARS, UnitVotes, type DetectedUnit } from './detectUnit';

/** A field of a line of the PubTator text and where it came from. */
export interface FieldMap {
  from: number;
  to: number;
  src: SourceRange;
  /** Character i of the field is character src.start + i of the file. */
  verbatim?: boolean;
}

export interface LineMap {
  src: SourceRange;
  fields: FieldMap[];
  /** A mention row of an annotation without a type infon (BioC does not require one; PubTator's empty type column is no defect here). */
  noType?: boolean;
  /** A mention row whose location lies outside every passage (bioc-location-outside-passage tells it; the offset checks would again). */
  outside?: boolean;
  /** A relation row whose ids come from node refids (the PubTator id checks do not apply; bioc-dangling-node does). */
  fromNodes?: boolean;
  /** The title line of a document without passage text (bioc-document-without-text tells it; the text checks would again). */
  textless?: boolean;
}

export interface Warning {
  /** Groups repeats: each kind is told once per file, with its count. */
  kind: string;
  message: string;
  range?: SourceRange;
  count: number;
}

/** What a builder told, as counts: its warnings and the infon keys it left out (split conversion: convertBatch.ts). */
export interface WarningTally {
  warnings: Warning[];
  dropped: [string, number][];
  droppedAt?: SourceRange;
}

/** A defect of the BioC file itself, at its element: what `check` reports beside the PubTator checks. */
export interface Finding {
  code: string;
  message: string;
  range: SourceRange;
}

export interface Projection {
  text: string;
  /** By line of `text`; undefined for blank lines. */
  lines: (LineMap | undefined)[];
  unit: BiocUnit;
  /** Whether the unit was told by the file (non-ASCII text before some annotation), not assumed. */
  unitTold: boolean;
  /** Every unit that fits the file as well (UTF-16 and code points agree without astral characters). */
  unitFits: BiocUnit[];
  warnings: Warning[];
  /** Documents whose offsets count from their passage's start, not the document's. */
  passageLocal: Set<BiocDocument>;
  findings: Finding[];
}

// `concept_id`: what the Python `bioc` package's converters write.
const IDENTIFIER_KEYS = ['identifier', 'Identifier', 'concept_id', 'MESH', 'MeSH', 'cui', 'CUI', 'NCBI Gene', 'NCBI_Gene', 'NCBI Taxonomy', 'NCBI_Taxonomy', 'Normalization', 'normalization', 'ID'];
const ABSTRACT_TYPES = new Set(['abstract', 'abstract_title_1', 'a']);
const TITLE_WORDS = new Set(['t', 'title', 'a', 'abstract']);
const EXTRA_COLUMN = /^column(\d+)$/;
const ANNOTATION_TYPE_KEYS = ['type', 'Type'];
const RELATION_TYPE_KEYS = ['type', 'relation', 'Type', 'Relation', 'relation_type'];

export function projectCollection(c: BiocCollection): Projection {
  const { unit, told, fits } = detectUnit(c);
  const out = new Builder(unit, told, fits);
  for (const d of c.documents) out.document(d);
  return out.finish();
}

/**
 * Projects documents one at a time (streaming conversion), under the unit the
 * whole file's projection would take (detectUnit.ts, the first annotations
 * that tell): documents whose passages are all ASCII project the same under
 * any unit and go at once; from the first other one, documents wait until the
 * unit is decided or UNIT_SAMPLE_CHARS of them were read (then the votes so
 * far decide, as the streamed check does).
 */
export class ProjectionStream {
  private readonly builder = new Builder('utf16', false, ['utf16', 'codepoint', 'utf8']);
  private readonly votes = new UnitVotes();
  private decided = false;
  private waiting: BiocDocument[] = [];

  /** `projected`: told each document's projection as it is made, with its map back to the file (compare's line map). */
  constructor(private readonly projected?: (d: BiocDocument, p: ProjectedDocument) => void) {}

  /** The PubTator text of the documents this one lets go (its lines and the blank line after each; none while the unit is open). */
  document(d: BiocDocument): string {
    if (this.decided) return this.project(d);
    const ascii = isAsciiDocument(d);
    this.votes.add(d, ascii);
    if (this.waiting.length === 0 && ascii) return this.project(d, ascii);
    this.waiting.push(d);
    return this.votes.decided || d.range.end - this.waiting[0].range.start > UNIT_SAMPLE_CHARS ? this.decide() : '';
  }

  /** The input is over: the documents still waiting. */
  end(): string {
    return this.decide();
  }

  get unit(): BiocUnit { return this.builder.unit; }
  get unitTold(): boolean { return this.builder.told; }
  get unitFits(): BiocUnit[] { return this.builder.fits; }
  get warnings(): Warning[] { return this.builder.warningList(); }

  /** A split conversion (cli/biocConvertSplit.ts): the unit once decided, else undefined; whether documents wait for it; documents projected elsewhere. */
  get settledUnit(): DetectedUnit | undefined { return this.decided ? { unit: this.builder.unit, told: this.builder.told, fits: this.builder.fits } : undefined; }
  get holding(): boolean { return this.waiting.length > 0; }
  skipDocuments(n: number): void { this.builder.skipDocuments(n); }
  /** Adds what a batch converted elsewhere told (after what was told here: the order first met). */
  addTally(t: WarningTally): void { this.builder.addTally(t); }

  private decide(): string {
    if (this.decided) return '';
    this.decided = true;
    const found = this.votes.result();
    Object.assign(this.builder, { unit: found.unit, told: found.told, fits: found.fits });
    const waiting = this.waiting;
    this.waiting = [];
    return waiting.map((d) => this.project(d)).join('');
  }

  private project(d: BiocDocument, ascii = false): string {
    this.builder.document(d, ascii);
    if (!this.projected) return this.builder.take();
    const p = this.builder.takeDocument(d);
    this.projected(d, p);
    return p.text;
  }
}

/** One document's projection, for a check streamed document by document (checkBiocStream.ts). */
export interface ProjectedDocument {
  /** Its lines and the blank line after them, each ended by a newline. */
  text: string;
  /** By line of `text`, as Projection.lines. */
  lines: (LineMap | undefined)[];
  findings: Finding[];
  /** Its offsets count from each passage (Projection.passageLocal). */
  passageLocal: boolean;
}

/** Projects documents one at a time under a unit learned beforehand; gives each document's lines with their map. */
export class DocumentProjector {
  private readonly builder: Builder;

  constructor(found: DetectedUnit) {
    this.builder = new Builder(found.unit, found.told, found.fits);
  }

  get unit(): BiocUnit { return this.builder.unit; }

  /** Sets the unit (learned after the first documents, which projected the same under any: isAsciiDocument). */
  learned(found: DetectedUnit): void {
    Object.assign(this.builder, { unit: found.unit, told: found.told, fits: found.fits });
  }

  /** `ascii`: the document's passages are known to be ASCII (isAsciiDocument), not to be tested again. */
  project(d: BiocDocument, ascii = false): ProjectedDocument {
    this.builder.document(d, ascii);
    return this.builder.takeDocument(d);
  }

  /** Counts `n` documents projected elsewhere (a document without an id is named by its number). */
  skipDocuments(n: number): void {
    this.builder.skipDocuments(n);
  }

  /** What the documents projected so far could not hold (a split conversion's batch: convertBatch.ts). */
  get tally(): WarningTally { return this.builder.tally(); }
}

/** Whether every passage text of a document is ASCII: then all units agree, and its projection is the same under any. */
export function isAsciiDocument(d: BiocDocument): boolean {
  for (const p of d.passages) if (p.text !== undefined && !isAscii(p.text)) return false;
  return true;
}

class Builder {
  private readonly parts: string[] = [];
  private lines: (LineMap | undefined)[] = [];
  /** The row being written (field() adds to it, endRow() files it): its values, separator, length so far and maps. */
  private readonly rowValues: string[] = [];
  private rowSeparator = '\t';
  private rowLength = 0;
  private rowFields: FieldMap[] = [];
  private readonly warnings = new Map<string, Warning>();
  private readonly passageLocal = new Set<BiocDocument>();
  private readonly findings: Finding[] = [];
  /** Annotation infon keys no PubTator column holds, with how many values of each were left out. */
  private readonly dropped = new Map<string, number>();
  private droppedAt: SourceRange | undefined;
  private docNo = 0;

  constructor(public unit: BiocUnit, public told: boolean, public fits: BiocUnit[]) {}

  /** The PubTator text of the documents added since the last take, and forgets them (streaming). */
  take(): string {
    // The last newline joined in (not appended after: a flat string, not a pair to flatten when first read).
    if (this.parts.length > 0) this.parts.push('');
    const text = this.parts.join('\n');
    this.parts.length = 0;
    this.lines.length = 0;
    return text;
  }

  /** The last document's text, line maps and findings, forgetting them (and it). */
  takeDocument(d: BiocDocument): ProjectedDocument {
    const lines = this.lines;
    this.lines = [];
    const findings = this.findings.splice(0);
    const passageLocal = this.passageLocal.delete(d);
    return { text: this.take(), lines, findings, passageLocal };
  }

  skipDocuments(n: number): void {
    this.docNo += n;
  }

  warningList(): Warning[] {
    const list = [...this.warnings.values()];
    if (this.dropped.size > 0) {
      const keys = [...this.dropped].map(([k, n]) => `${JSON.stringify(k)} (${n})`).join(', ');
      list.push({ kind: 'dropped-infons', message: `annotation infons that no PubTator column holds were not written: ${keys}`, range: this.droppedAt, count: 1 });
    }
    return list;
  }

  tally(): WarningTally {
    return { warnings: [...this.warnings.values()], dropped: [...this.dropped], droppedAt: this.droppedAt };
  }

  addTally(t: WarningTally): void {
    for (const w of t.warnings) {
      const own = this.warnings.get(w.kind);
      if (own) own.count += w.count;
      else this.warnings.set(w.kind, { ...w });
    }
    for (const [key, n] of t.dropped) this.dropped.set(key, (this.dropped.get(key) ?? 0) + n);
    this.droppedAt ??= t.droppedAt;
  }

  warn(kind: string, message: string, range?: SourceRange): void {
    const w = this.warnings.get(kind);
    if (w) w.count++;
    else this.warnings.set(kind, { kind, message, range, count: 1 });
  }

  /**
   * The next field of the row being written, after a one-character
   * separator: its value and where it came from (`range`, else the row's
   * element `src`); `verbatim` when each of its characters is one of the file's.
   */
  private field(value: string, range: SourceRange | undefined, src: SourceRange, separator = '\t', verbatim?: boolean): void {
    const fields = this.rowFields;
    const from = fields.length === 0 ? 0 : this.rowLength + 1;
    this.rowValues.push(value);
    this.rowSeparator = separator;
    this.rowLength = from + value.length;
    fields.push({ from, to: from + value.length, src: range ?? src, verbatim: verbatim && range !== undefined });
  }

  /** Files the row written by field(), for the element at `src`; gives its map. */
  private endRow(src: SourceRange): LineMap {
    const map: LineMap = { src, fields: this.rowFields };
    // One flat string for the row (concatenating field by field would make a tree of pieces to walk later).
    this.parts.push(this.rowValues.join(this.rowSeparator));
    this.lines.push(map);
    this.rowValues.length = 0;
    this.rowLength = 0;
    this.rowFields = [];
    return map;
  }

  /** `ascii`: every passage text is known to be ASCII. */
  document(d: BiocDocument, ascii = false): void {
    this.docNo++;
    let id = d.id.trim();
    if (!id) {
      id = `document${this.docNo}`;
      this.warn('no-id', 'a document has no id: written as documentN', d.range);
    }
    if (/[|\t\n\r]/.test(id)) {
      id = id.replace(/[|\t\n\r]/g, '_');
      this.warn('id-chars', 'a document id holds `|`, TAB or a line break, which PubTator ids cannot: replaced by `_`', d.idRange ?? d.range);
    }
    const idRange = d.idRange;
    const passages = this.passages(d, ascii);
    if (passages.length === 0) this.warn('no-passage', 'a document has no passage with text: written as an empty title, its annotations with their offsets as they are', d.range);
    if (passages.length === 0) {
      this.field(id, idRange, d.range, '|');
      this.field('t', undefined, d.range, '|');
      this.field('', undefined, d.range, '|', undefined);
      const title = this.endRow(d.range);
      // No text at all (a stand-off file whose writer left the text out): its annotations cannot be checked
      // against text, which one finding says, not one per location, nor the PubTator checks of the empty title.
      const annotations = d.annotations.length + d.passages.reduce((n, p) => n + p.annotations.length, 0);
      if (annotations > 0) {
        title.textless = true;
        this.findings.push({ code: TEXTLESS_DOCUMENT, range: d.idRange ?? d.range, message: `document ${id} has ${annotations} annotation${annotations === 1 ? '' : 's'} but no passage text: ${annotations === 1 ? 'it is' : 'they are'} not checked against any text` });
      }
    }
    for (let k = 0; k < passages.length; k++) {
      const p = passages[k].p!;
      this.field(id, idRange, p.range, '|');
      this.field(this.marker(p, k), p.offsetRange ?? p.range, p.range, '|');
      this.field(passages[k].text, p.textRange, p.range, '|', p.textVerbatim);
      this.endRow(p.range);
    }
    const local = this.isPassageLocal(d, passages);
    if (local) {
      this.passageLocal.add(d);
      for (const x of passages) x.base = 0;
      this.warn('passage-local', 'a document\'s annotation offsets count from their passage\'s start, not the document\'s (as BioC says): read as passage-local', d.range);
      this.findings.push({ code: 'bioc-passage-local-offsets', range: d.idRange ?? d.range, message: `document ${id}: the annotation offsets count from the start of their passage, not of the document as BioC says (every annotation past the first passage is off by its passage's offset)` });
    } else {
      this.checkPassageOffsets(passages);
    }
    // The annotations of the passages with text, in order, then the document's.
    const owned: BiocAnnotation[] = [];
    const owners: (Placed | undefined)[] = [];
    for (const x of passages) for (const a of x.p!.annotations) { owned.push(a); owners.push(x); }
    for (const a of d.annotations) { owned.push(a); owners.push(undefined); }
    const composites = compositeParts(owned);
    const first = this.parts.length;
    let discontinuous = false;
    for (let i = 0; i < owned.length; i++) {
      const a = owned[i];
      if (composites && composites.skipped.has(a)) continue;
      this.annotation(id, idRange, a, passages, owners[i], composites?.parts.get(a));
      if (a.locations.length > 1) discontinuous = true;
    }
    if (discontinuous) this.sortRows(first);
    let byId: Map<string, BiocAnnotation> | undefined;
    /** The first annotation of each id (relation nodes name them): made when a relation asks. */
    const annotationById = (): Map<string, BiocAnnotation> => {
      if (byId) return byId;
      byId = new Map();
      for (const a of owned) if (a.id !== undefined && !byId.has(a.id)) byId.set(a.id, a);
      return byId;
    };
    for (const x of passages) for (const r of x.p!.relations) this.relation(id, idRange, r, annotationById);
    for (const r of d.relations) this.relation(id, idRange, r, annotationById);
    this.parts.push('');
    this.lines.push(undefined);
  }

  private marker(p: BiocPassage | undefined, k: number): string {
    if (k === 0) return 't';
    const type = p ? (infonValue(p.infons, 'type', 'section_type') ?? '').toLowerCase() : '';
    if (k === 1 && (type === '' || ABSTRACT_TYPES.has(type))) return 'a';
    if (ABSTRACT_TYPES.has(type)) return 'a';
    if (/^[a-z]+$/.test(type) && !TITLE_WORDS.has(type)) return type;
    return 'p';
  }

  /** The passages with text, in order, each with its cleaned text and where it starts in the joined text. */
  private passages(d: BiocDocument, allAscii: boolean): Placed[] {
    const out: Placed[] = [];
    let at = 0;
    let cp = 0;
    let units = 0;
    let lastOffset = -1;
    for (const p of d.passages) {
      if (p.text === undefined) {
        if (p.annotations.length > 0) this.warn('no-text', 'a passage has annotations but no text: its annotations are written with their offsets as they are', p.range);
        continue;
      }
      let text = withoutTrailingBreaks(p.text);
      if (/[\t\n\r]/.test(text)) {
        this.warn('line-breaks', 'a passage text holds line breaks or TABs, which a PubTator line cannot: written as spaces', p.textRange ?? p.range);
        text = text.replace(/[\t\n\r]/g, ' ');
      }
      if (p.offset !== undefined && p.offset < lastOffset) this.warn('order', 'passages are not in offset order: written in file order', p.range);
      if (p.offset !== undefined) lastOffset = p.offset;
      // Breaks dropped or made spaces keep a text ASCII or not: a document known ASCII needs no test.
      const ascii = allAscii || isAscii(text);
      out.push({ p, text, start: at, startCp: cp, base: p.offset ?? units, ascii });
      units += lengthIn(text, this.unit, ascii) + 1;
      at += text.length + 1;
      cp += lengthIn(text, 'codepoint', ascii) + 1;
    }
    // Where each passage would start counted in the file's unit, passages joined by one space: any other offset is re-based.
    let joined = 0;
    for (const x of out) {
      if (x.p!.offset !== undefined && x.p!.offset !== joined && x.p!.annotations.length > 0) {
        this.warn('rebased', 'passage offsets leave gaps other than one space between passages: offsets re-based to the passages joined by one space', d.range);
        break;
      }
      joined += lengthIn(x.text, this.unit, x.ascii) + 1;
    }
    return out;
  }

  private isPassageLocal(d: BiocDocument, passages: Placed[]): boolean {
    let local = 0;
    let global = 0;
    for (const x of passages) {
      const base = x.p!.offset ?? 0;
      if (base === 0) continue;
      for (const a of x.p!.annotations) {
        const loc = a.locations[0];
        if (!loc || loc.offset === undefined || loc.length === undefined || a.text === undefined) continue;
        if (matches(x.text, loc.offset - base, loc.length, a.text, this.unit, x.ascii)) global++;
        else if (matches(x.text, loc.offset, loc.length, a.text, this.unit, x.ascii)) local++;
      }
    }
    void d;
    return local > 0 && global === 0;
  }

  /** The joined-text index of a BioC offset, through the passage holding it; undefined when none does. */
  /** The joined-text index of a BioC offset, through its own passage first, then any passage holding it. */
  private place(offset: number, length: number, passages: Placed[], owner: Placed | undefined): { x: Placed; s: number; e: number; start: number; end: number } | undefined {
    // Its own passage first (no list made for it: this runs for every location).
    for (let k = owner ? -1 : 0; k < passages.length; k++) {
      const x = k < 0 ? owner! : passages[k];
      const local = offset - x.base;
      if (local < 0) continue;
      const s = indexAfter(x.text, local, this.unit, x.ascii);
      const e = s === undefined ? undefined : indexAfter(x.text, local + length, this.unit, x.ascii);
      if (s !== undefined && e !== undefined) return { x, s, e, start: x.startCp + unitsBefore(x.text, s, 'codepoint', x.ascii), end: x.startCp + unitsBefore(x.text, e, 'codepoint', x.ascii) };
    }
    return undefined;
  }

  /**
   * A passage whose annotations all miss under its stated offset but fit
   * when it starts one space after the previous passage has a wrong offset:
   * one finding for the passage, and its annotations are placed by the fit.
   */
  private checkPassageOffsets(passages: Placed[]): void {
    let expected = 0;
    for (const x of passages) {
      const given = x.base;
      if (given !== expected && x.p!.annotations.length > 0) {
        let atGiven = 0;
        let atExpected = 0;
        for (const a of x.p!.annotations) {
          const loc = a.locations[0];
          if (!loc || loc.offset === undefined || loc.length === undefined || a.text === undefined || a.locations.length > 1) continue;
          if (matches(x.text, loc.offset - given, loc.length, a.text, this.unit, x.ascii)) atGiven++;
          if (matches(x.text, loc.offset - expected, loc.length, a.text, this.unit, x.ascii)) atExpected++;
        }
        if (atGiven === 0 && atExpected > 0) {
          x.base = expected;
          this.findings.push({ code: 'bioc-passage-offset', range: x.p!.offsetRange ?? x.p!.range, message: `passage offset ${given} is wrong: its annotations count from ${expected}, one past the end of the previous passage (${atExpected} of them fit there, none at ${given})` });
        }
      }
      expected = x.base + lengthIn(x.text, this.unit, x.ascii) + 1;
    }
  }

  private annotation(id: string, idRange: SourceRange | undefined, a: BiocAnnotation, passages: Placed[], owner: Placed | undefined, parts: BiocAnnotation[] | undefined): void {
    const type = infonOf(a.infons, ANNOTATION_TYPE_KEYS);
    const ident = identifierOf(a.infons);
    const extras = extraColumns(a.infons);
    if (a.infons.length > (type ? 1 : 0) + (ident ? 1 : 0) + (extras?.length ?? 0)) this.noteDropped(a, type, ident, parts !== undefined);
    const locs = usableLocations(a.locations);
    if (locs.length === 0) {
      this.warn('no-location', 'an annotation has no usable location: left out', a.range);
      this.findings.push({ code: 'bioc-annotation-without-location', range: a.range, message: 'annotation has no location with a whole-number offset and length' });
      return;
    }
    if (locs.length > 1) this.warn('multi-location', 'an annotation with several locations (discontinuous) is written as one row per location', a.range);
    for (const loc of locs) {
      const placed = this.place(loc.offset!, loc.length!, passages, owner);
      let start: number;
      let end: number;
      let text: string;
      if (placed) {
        start = placed.start;
        end = placed.end;
        text = locs.length > 1 || a.text === undefined ? placed.x.text.slice(placed.s, placed.e) : a.text;
      } else {
        if (passages.length > 0) {
          this.warn('outside', 'an annotation location lies outside every passage: written with its offsets as they are', loc.range);
          this.findings.push({ code: 'bioc-location-outside-passage', range: loc.range, message: `location offset ${loc.offset} length ${loc.length} lies outside ${owner ? 'its passage and every other passage' : 'every passage'} of the document` });
        }
        start = loc.offset!;
        end = loc.offset! + loc.length!;
        text = a.text ?? '';
      }
      const src = a.range;
      this.field(id, idRange, src);
      this.field(String(start), loc.offsetRange ?? loc.range, src);
      this.field(String(end), loc.range, src);
      this.field(clean(text, this, a.textRange ?? a.range), a.textRange, src);
      this.field(clean(type?.value ?? '', this, a.range), type?.range ?? a.range, src);
      if (ident || extras || parts) this.field(clean(ident?.value ?? '', this, a.range), ident?.range ?? a.range, src);
      if (parts) this.field(parts.map((p) => clean(p.text ?? '', this, p.range)).join('|'), parts[0].range, src);
      if (extras) for (const e of extras) this.field(clean(e.value, this, e.range), e.range, src);
      const map = this.endRow(src);
      if (!type) map.noType = true;
      if (!placed) map.outside = true;
    }
  }

  /** Counts the infons of an annotation that no column takes (told once per file, never silently). */
  private noteDropped(a: BiocAnnotation, type: BiocInfon | undefined, ident: BiocInfon | undefined, composite: boolean): void {
    for (const i of a.infons) {
      // A composite's role is written as its row's individual-mentions column.
      if (i === type || i === ident || EXTRA_COLUMN.test(i.key) || (composite && i.key === 'CompositeRole')) continue;
      this.dropped.set(i.key, (this.dropped.get(i.key) ?? 0) + 1);
      this.droppedAt ??= i.range;
    }
  }

  /** Orders the rows from `first` on by start offset (stable): a discontinuous annotation's rows join the others in text order. */
  private sortRows(first: number): void {
    const rows = this.parts.slice(first).map((text, i) => ({ text, map: this.lines[first + i], start: Number(text.split('\t')[1]) }));
    rows.sort((x, y) => x.start - y.start);
    rows.forEach((r, i) => { this.parts[first + i] = r.text; this.lines[first + i] = r.map; });
  }

  private relation(id: string, idRange: SourceRange | undefined, r: BiocRelation, byId: () => Map<string, BiocAnnotation>): void {
    const used = new Set<BiocInfon>();
    const type = infonOf(r.infons, RELATION_TYPE_KEYS);
    if (type) used.add(type);
    const args: [string, SourceRange][] = [];
    let fromNodes = false;
    const pair = (a: string, b: string) => {
      const x = infonOf(r.infons, [a]);
      const y = infonOf(r.infons, [b]);
      if (!x || !y) return false;
      used.add(x).add(y);
      args.push([argument(x), x.range], [argument(y), y.range]);
      return true;
    };
    if (!pair('entity1', 'entity2') && !pair('Entity1', 'Entity2') && !pair('role1', 'role2')) {
      if (r.nodes.length >= 2) {
        fromNodes = true;
        for (const n of r.nodes.slice(0, 2)) {
          const a = byId().get(n.refid);
          const ident = a ? identifierOf(a.infons) : undefined;
          args.push([ident?.value ?? n.refid, n.range]);
        }
        if (r.nodes.length > 2) this.warn('many-nodes', 'a relation with more than two nodes: only the first two are written', r.range);
      } else {
        // BC5CDR: the two infons besides the type (Chemical, Disease).
        const rest = r.infons.filter((i) => !used.has(i));
        if (rest.length >= 2) {
          for (const i of rest.slice(0, 2)) { used.add(i); args.push([i.value, i.range]); }
        } else {
          this.warn('relation-args', 'a relation names fewer than two arguments (no entity1/entity2, role1/role2 or nodes): left out', r.range);
          return;
        }
      }
    }
    const extras = r.infons.filter((i) => !used.has(i));
    this.field(id, idRange, r.range);
    this.field(clean(type?.value ?? '', this, r.range), type?.range ?? r.range, r.range);
    for (const [v, rg] of args) this.field(clean(v, this, rg), rg, r.range);
    for (const e of extras) this.field(clean(e.value, this, e.range), e.range, r.range);
    const map = this.endRow(r.range);
    if (fromNodes) map.fromNodes = true;
  }

  finish(): Projection {
    return {
      text: this.parts.join('\n'), lines: this.lines, unit: this.unit, unitTold: this.told, unitFits: this.fits,
      warnings: this.warningList(), passageLocal: this.passageLocal, findings: this.findings,
    };
  }
}

interface Placed {
  p: BiocPassage | undefined;
  /** The text as written to PubTator. */
  text: string;
  /** UTF-16 index where it starts in the document's joined text. */
  start: number;
  /** The same in code points (what the PubTator offsets count). */
  startCp: number;
  /** The offset (file unit) its annotations count from: its stated offset, unless found wrong. */
  base: number;
  /** Whether the text is ASCII (all units agree: the fast path). */
  ascii: boolean;
}

function matches(text: string, local: number, length: number, expected: string, unit: BiocUnit, ascii: boolean): boolean {
  if (local < 0) return false;
  const s = indexAfter(text, local, unit, ascii);
  const e = s === undefined ? undefined : indexAfter(text, local + length, unit, ascii);
  return s !== undefined && e !== undefined && text.slice(s, e) === expected;
}

function infonOf(infons: BiocInfon[], keys: string[]): BiocInfon | undefined {
  for (const k of keys) for (const i of infons) if (i.key === k) return i;
  return undefined;
}

const IDENTIFIER_RANK = new Map(IDENTIFIER_KEYS.map((k, n) => [k, n]));

/** infonOf(infons, IDENTIFIER_KEYS) in one pass over the infons (an annotation's every row asks). */
function identifierOf(infons: BiocInfon[]): BiocInfon | undefined {
  let best: BiocInfon | undefined;
  let bestRank = IDENTIFIER_KEYS.length;
  for (const i of infons) {
    const rank = IDENTIFIER_RANK.get(i.key);
    if (rank !== undefined && rank < bestRank) { best = i; bestRank = rank; }
  }
  return best;
}

/** A role1/role2 object (PubTator3) names its concept by `identifier`. */
function argument(i: BiocInfon): string {
  if (i.raw && typeof i.raw === 'object' && !Array.isArray(i.raw)) {
    const o = i.raw as Record<string, unknown>;
    const v = o.identifier ?? o.accession ?? o.id;
    if (v !== undefined) return String(v);
  }
  return i.value;
}

/** The annotation's extra columns (infons column7, column8...), in column order; undefined when it has none (the usual case). */
function extraColumns(infons: BiocInfon[]): BiocInfon[] | undefined {
  let any = false;
  for (const i of infons) if (i.key.startsWith('column')) { any = true; break; }
  if (!any) return undefined;
  const extras = infons.filter((i) => i.key.startsWith('column') && EXTRA_COLUMN.test(i.key)).sort((x, y) => Number(EXTRA_COLUMN.exec(x.key)![1]) - Number(EXTRA_COLUMN.exec(y.key)![1]));
  return extras.length > 0 ? extras : undefined;
}

/** The locations with an offset and a length (all of them, the usual case, without a copy). */
function usableLocations(locations: BiocLocation[]): BiocLocation[] {
  for (const l of locations) if (l.offset === undefined || l.length === undefined) return locations.filter((x) => x.offset !== undefined && x.length !== undefined);
  return locations;
}

/** The text without the line breaks it ends with. */
function withoutTrailingBreaks(text: string): string {
  let end = text.length;
  while (end > 0) {
    const ch = text.charCodeAt(end - 1);
    if (ch !== 10 && ch !== 13) break;
    end--;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** Whether a value holds a TAB or a line break (a loop: values are short, a pattern's call costs more). */
function hasBreak(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch === 9 || ch === 10 || ch === 13) return true;
  }
  return false;
}

function clean(value: string, b: Builder, range: SourceRange): string {
  if (!hasBreak(value)) return value;
  b.warn('field-chars', 'a value holds a TAB or a line break, which a PubTator column cannot: written as a space', range);
  return value.replace(/[\t\n\r]/g, ' ');
}

/**
 * BC5CDR writes a composite mention as one `CompositeMention` annotation and
 * an `IndividualMention` per part; PubTator writes it as one row whose 7th
 * column holds the parts' texts. Parts are the individual mentions whose
 * locations all lie inside the composite's.
 */
function compositeParts(annotations: BiocAnnotation[]): { parts: Map<BiocAnnotation, BiocAnnotation[]>; skipped: Set<BiocAnnotation> } | undefined {
  // A key that reads CompositeRole in any case has its 13 characters (case changes no ASCII letter's
  // length): without one, no annotation is a composite's part (the usual case, told without a copy of any key).
  let roles = false;
  for (const a of annotations) for (const i of a.infons) if (i.key.length === 13) roles = true;
  if (!roles) return undefined;
  const role = (a: BiocAnnotation) => infonValue(a.infons, 'CompositeRole');
  const composites = annotations.filter((a) => role(a) === 'CompositeMention');
  if (composites.length === 0) return undefined;
  const parts = new Map<BiocAnnotation, BiocAnnotation[]>();
  const skipped = new Set<BiocAnnotation>();
  const individuals = annotations.filter((a) => role(a) === 'IndividualMention');
  for (const c of composites) {
    const loc = c.locations[0];
    if (!loc || loc.offset === undefined || loc.length === undefined) continue;
    const inside = individuals.filter((i) => !skipped.has(i) && i.locations.length > 0 && i.locations.every((l) => l.offset !== undefined && l.length !== undefined && l.offset >= loc.offset! && l.offset + l.length <= loc.offset! + loc.length!));
    if (inside.length === 0) continue;
    parts.set(c, inside);
    for (const i of inside) skipped.add(i);
  }
  return { parts, skipped };
}
