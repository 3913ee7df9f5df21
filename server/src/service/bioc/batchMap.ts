// A batch of BioC XML documents checked away from the reader's thread (the
// map step of a split check: cli/biocSplit.ts). Each document is parsed on
// its own by a fresh reader, projected under the unit the file already
// settled, its BioC findings placed; the batch's projection is checked as a
// chunk (streamingValidator.ts checkChunk) and each diagnostic put on its
// XML element, as checkBiocStream.ts take() would. What only the whole file
// knows stays with the reader's thread (checkBiocStream.ts takeMapped): the
// reduce step, which ids were seen first, whether relation nodes name
// annotations. Two steps, because the batch's first projection line is
// known only once every batch before it is taken: prepareBatch says how many
// lines the batch has, finishBatch checks it from its first line.
//
// A batch the serial reader would read otherwise is refused (then the
// reader's thread reads it itself): a document that does not parse on its own
// without a single problem, or not as one <document> spanning its text; a
// document that is not ASCII while the unit is not settled; a message that
// names a line outside the batch.

import { checkChunk, type ChunkCheck } from '../streamingValidator';
import type { Diagnostic, Range } from '../types';
import { lineRange } from '../types';
import type { Run, ValidationOptions } from '../validate';
import { UnitVotes, type DetectedUnit } from './detectUnit';
import { duplicateAnnotationIds, NodeVotes, overlappingPassages } from './documentFindings';
import { DocumentProjector, isAsciiDocument, type LineMap } from './project';
import type { Ranked } from './rankedOrder';
import { parseAlone } from './documentAlone';
import { LineWindow } from './slidingLines';
import { sourceRange } from './sourceMap';
import { keeps, placeFinding, rangeKey } from './streamPlacing';

export interface BiocBatchTask {
  kind: 'bioc-batch';
  /** Whole documents and the white space between them, from file offset `start`. */
  text: string;
  start: number;
  /** The file line `start` lies on, and the offset that line starts at. */
  line: number;
  lineStart: number;
  /** Each document's start and end in `text`, in pairs. */
  spans: number[];
  /** The file's offset unit, once settled; absent: not yet (every document must then be ASCII). */
  unit?: DetectedUnit;
  /** Documents before the batch (one without an id is named by its number). */
  documentsBefore: number;
}

/** What the reader's thread needs of each document. */
export interface MappedDocument {
  /** File offset where it ends. */
  end: number;
  /** Its projection's findings and BioC checks, placed, in the order checkBiocStream pushes them. */
  findings: Ranked[];
  /** Relation nodes that name no annotation (reported if the file's nodes name annotations), and the counts. */
  dangling: Ranked[];
  resolved: number;
  unresolved: number;
  /** Its title row: its id, the row's projection line within the batch, its XML line and the id's range. */
  title?: { id: string; line: number; xmlLine: number; idRange: Range };
}

/** A projected line as the held rows' notes need it. */
export interface LineFacts {
  xmlLine: number;
  outside?: boolean;
  fromNodes?: boolean;
  noType?: boolean;
  textless?: boolean;
}

export interface BiocBatchResult {
  kind: 'bioc-batch';
  /** Why the reader's thread must read the batch itself; the rest is empty then. */
  refused?: string;
  documents: MappedDocument[];
  /** Projection lines of the batch. */
  lines: number;
  check: ChunkCheck;
  /** check.diagnostics[i] on the XML, null when a BioC check leaves it out. */
  moved: (Ranked | null)[];
  /** Places on the XML of the held rows (and their related rows) and of each title's id, by rangeKey. */
  places: [string, Range | null][];
  /** The facts of the lines those lie on, by projection line. */
  lineFacts: [number, LineFacts][];
}

/** A batch parsed and projected, waiting for its first line. */
export interface PreparedBatch {
  documents: MappedDocument[];
  text: string;
  lines: (LineMap | undefined)[];
  index: LineWindow;
}

export function refusedBatch(reason: string): BiocBatchResult {
  return {
    kind: 'bioc-batch', refused: reason, documents: [], lines: 0, moved: [], places: [], lineFacts: [],
    check: { diagnostics: [], counts: { documents: 0, mentions: 0, relations: 0 }, blocks: 0, stray: 0, facts: { bom: false, documents: [] }, held: [], conventions: undefined as never },
  };
}

/** Parses and projects a batch; a reason instead when the reader's thread must read it. */
export function prepareBatch(task: BiocBatchTask, options: ValidationOptions): PreparedBatch | string {
  const starts = [task.lineStart];
  for (let i = task.text.indexOf('\n'); i >= 0; i = task.text.indexOf('\n', i + 1)) starts.push(task.start + i + 1);
  const index = new LineWindow(starts, task.line);
  const projector = new DocumentProjector(task.unit ?? new UnitVotes().result());
  projector.skipDocuments(task.documentsBefore);
  const documents: MappedDocument[] = [];
  const parts: string[] = [];
  const lines: (LineMap | undefined)[] = [];
  for (let k = 0; k < task.spans.length; k += 2) {
    const from = task.spans[k];
    const to = task.spans[k + 1];
    const d = parseAlone(task.text.slice(from, to), task.start + from);
    if (typeof d === 'string') return d;
    if (!task.unit && !isAsciiDocument(d)) return 'a document that is not ASCII before the offset unit is settled';
    const p = projector.project(d);
    const doc: MappedDocument = { end: d.range.end, findings: [], dangling: [], resolved: 0, unresolved: 0 };
    const keep = (r: Ranked | undefined) => { if (r) doc.findings.push(r); };
    for (const f of p.findings) keep(placeFinding(options, index, f, 1));
    for (const f of duplicateAnnotationIds(d)) keep(placeFinding(options, index, f, 2));
    const nodes = new NodeVotes();
    for (const f of nodes.add(d)) {
      const r = placeFinding(options, index, f, 2);
      if (r) doc.dangling.push(r);
    }
    doc.resolved = nodes.resolved;
    doc.unresolved = nodes.unresolved;
    for (const f of overlappingPassages(d, projector.unit, p.passageLocal)) keep(placeFinding(options, index, f, 2));
    const title = p.lines[0];
    if (title) {
      doc.title = { id: p.text.slice(0, p.text.indexOf('|')), line: lines.length, xmlLine: index.position(title.src.start).line, idRange: index.range(title.fields[0].src) };
    }
    parts.push(p.text);
    for (const l of p.lines) lines.push(l);
    documents.push(doc);
  }
  const text = parts.join('');
  return { documents, text: text.endsWith('\n') ? text.slice(0, -1) : text, lines, index };
}

class Refusal extends Error {}

/** Checks a prepared batch from projection line `firstLine` and places what it finds. */
export function finishBatch(batch: PreparedBatch, firstLine: number, options: ValidationOptions, run: Run): BiocBatchResult {
  const check = checkChunk(batch.text, firstLine, options, run);
  const count = batch.lines.length;
  const inBatch = (line: number) => line >= firstLine && line < firstLine + count;
  const rangeIn = (r: Range) => sourceRange(batch, batch.index, { start: { line: r.start.line - firstLine, character: r.start.character }, end: { line: r.end.line - firstLine, character: r.end.character } });
  const lineNames = (message: string) => message.replace(/\bline (\d+)\b/g, (whole, n: string) => {
    const at = Number(n) - 1;
    if (!inBatch(at)) throw new Refusal('a message names a line outside its batch');
    const line = batch.lines[at - firstLine];
    return line ? `line ${batch.index.position(line.src.start).line + 1}` : whole;
  });
  const move = (d: Diagnostic): Ranked | null => {
    if (!inBatch(d.range.start.line)) throw new Refusal('a diagnostic before its batch');
    const line = batch.lines[d.range.start.line - firstLine];
    if (!keeps(d, line) || line?.outside) return null;
    const range = rangeIn(d.range);
    if (!range) return null;
    const moved: Diagnostic = { ...d, range, message: lineNames(d.message) };
    if (d.relatedInformation) {
      moved.relatedInformation = d.relatedInformation.flatMap((r) => {
        if (!inBatch(r.range.start.line)) throw new Refusal('related information outside its batch');
        const at = rangeIn(r.range);
        return at ? [{ ...r, range: at }] : [];
      });
    }
    return { d: moved, rank: 3, line: d.range.start.line, character: d.range.start.character, settled: false };
  };
  let moved: (Ranked | null)[];
  try {
    moved = check.diagnostics.map(move);
  } catch (e) {
    if (e instanceof Refusal) return refusedBatch(e.message);
    throw e;
  }
  // The places the reduce step may ask for: held rows (and their related rows), title ids (duplicate-document).
  const places = new Map<string, Range | null>();
  const lineFacts = new Map<number, LineFacts>();
  const note = (r: Range) => {
    if (!inBatch(r.start.line)) return;
    places.set(rangeKey(r), rangeIn(r) ?? null);
    const map = batch.lines[r.start.line - firstLine];
    if (map && !lineFacts.has(r.start.line)) {
      lineFacts.set(r.start.line, { xmlLine: batch.index.position(map.src.start).line, outside: map.outside, fromNodes: map.fromNodes, noType: map.noType, textless: map.textless });
    }
  };
  for (const g of check.held) {
    const r = g.ranges;
    for (let i = 0; i * 4 < r.length; i++) {
      note({ start: { line: r[i * 4], character: r[i * 4 + 1] }, end: { line: r[i * 4 + 2], character: r[i * 4 + 3] } });
      const extra = g.extras?.[i];
      if (extra && extra.related) for (const rel of extra.related) note(rel.range);
    }
  }
  for (const d of batch.documents) if (d.title) note(lineRange(firstLine + d.title.line, 0, d.title.id.length));
  return { kind: 'bioc-batch', documents: batch.documents, lines: count, check, moved, places: [...places], lineFacts: [...lineFacts] };
}
