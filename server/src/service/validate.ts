// Runs the checks over a parsed file and collects diagnostics at the severity
// the user chose for each code. Two steps: each document is checked on its own
// (what it says about itself is decided there; rows whose verdict depends on
// the file's habits are held, and its counts kept), then, with the whole file
// read, the habits are learned from the counts and each check settles its
// held rows (conventions/).

import { analyseDocument } from './analysis/analyseDocument';
import type { Check, CheckContext, Report, ReportExtra, SettleContext, SettleGroup, SeveritySettings } from './checks/check';
import { makeDiagnostic, toSeverity } from './checks/check';
import { CHECKS } from './checks/index';
import type { ParsedFile, PubtatorDocument } from './parse/model';
import type { Diagnostic, OffsetUnit, Range, Severity } from './types';
import { conceptSourcesKey, type ConceptSources } from './concepts/conceptSources';
import { chunkFacts, FileFacts } from './analysis/fileFacts';
import { addDocumentFacts, copyFacts, documentFacts, emptyFacts, type DocumentFacts, type Facts } from './conventions/facts';
import { HeldGroups, type HeldKind, type HeldRow } from './conventions/held';
import { learn, type Learned } from './conventions/learn';
import type { CorpusSchema } from './schema/schema';
import { keepUntilNextChunk } from './keepShapes';
import { LazyDocument } from './parse/lazyDocument';
import { parseChunk } from './parse/parseChunk';
import { ownString } from './ownCopy';

export interface ValidationOptions {
  unit?: OffsetUnit;
  severities?: SeveritySettings;
  /** A MeSH index for unknown-mesh-id and mesh-name-mismatch (they report nothing without one). */
  concepts?: ConceptSources;
  /**
   * What the corpus declares (pubtator.schema.json): its check levels and
   * offset unit apply unless `severities` or `unit` say otherwise, and its
   * types and relation types make the checks exact.
   */
  schema?: CorpusSchema;
  /**
   * For validateDocument: the conventions of the file the document belongs to
   * (a document checked alone, such as an edited copy, is judged by its file's
   * habits). Learned from the file when absent.
   */
  conventions?: FileConventions;
  /**
   * false: learn no habits at all (no counts, no held rows, nothing settled),
   * as the checker was before it learned conventions. Only the benchmark's
   * baseline uses it (PUBTATOR_CONVENTIONS=off), to time what learning costs.
   */
  learnConventions?: boolean;
}

/** A file's habits and its held rows: the counts and first rows of each group over the whole file. */
export interface FileConventions {
  learned: Learned;
  held: HeldGroups;
}

/** The options resolved once per run: the unit, each code's level, the checks that run. */
export interface Run {
  unit: OffsetUnit;
  levels: Map<string, Severity>;
  fileChecks: Check[];
  acrossFileChecks: Check[];
  documentChecks: Check[];
  settleChecks: Check[];
  /** Whether documents are counted and rows held for the file's habits (ValidationOptions.learnConventions). */
  learning: boolean;
  /** Identifies the options, for diagnostics cached with a document. */
  key: string;
  schema?: CorpusSchema;
}

export function prepare(options: ValidationOptions): Run {
  const levels = new Map<string, Severity>();
  for (const check of CHECKS) {
    const level = toSeverity(options.severities?.[check.code] ?? options.schema?.checks[check.code] ?? check.defaultSeverity);
    if (level !== undefined) levels.set(check.code, level);
  }
  const active = CHECKS.filter((c) => levels.has(c.code));
  // A check that holds rows runs, even when its own code is off, if a check that is on settles them.
  const settled = new Set<HeldKind>(active.flatMap((c) => c.settles ?? []));
  const unit = options.unit ?? options.schema?.offsetUnit ?? 'codepoint';
  const learning = options.learnConventions !== false;
  return {
    unit,
    levels,
    fileChecks: active.filter((c) => c.file),
    acrossFileChecks: active.filter((c) => c.acrossFile),
    documentChecks: CHECKS.filter((c) => c.document && (levels.has(c.code) || (learning && (c.holds ?? []).some((k) => settled.has(k))))),
    settleChecks: learning ? active.filter((c) => c.settle) : [],
    learning,
    // The index identity is part of it, so that loading or rebuilding an index re-checks documents.
    key: unit + JSON.stringify(options.severities ?? {}) + conceptSourcesKey(options.concepts) + (options.schema?.key ?? '') + (learning ? '' : ' unlearned'),
    schema: options.schema,
  };
}

/** What checking documents gives before the file's habits are known: into the file's totals, or one document's own. */
interface DocumentOutcome {
  list: Diagnostic[];
  held: HeldGroups;
  /** The file's summed facts, when the documents add into them. */
  facts?: Facts;
  /** The one document's facts, when it keeps its own. */
  documentFacts?: DocumentFacts;
}

/** A check context whose reports and held rows go to `target` (switched from document to document). */
class Checking implements CheckContext {
  target: DocumentOutcome;

  constructor(readonly file: ParsedFile, private readonly run: Run, readonly concepts: ConceptSources | undefined, target: DocumentOutcome) {
    this.target = target;
  }

  get unit(): OffsetUnit {
    return this.run.unit;
  }

  get schema(): CorpusSchema | undefined {
    return this.run.schema;
  }

  analysis(doc: PubtatorDocument) {
    return analyseDocument(doc, this.run.unit);
  }

  report(code: string, range: Range, message: string, extra?: ReportExtra): void {
    const severity = this.run.levels.get(code);
    if (severity !== undefined) this.target.list.push(makeDiagnostic(severity, code, range, message, extra));
  }

  hold(kind: HeldKind, key: string, row: () => HeldRow): void {
    if (this.run.learning) this.target.held.hold(kind, key, row);
  }
}

/** Reports into `out` at each code's level (nothing for a code that is off). */
export function reporter(run: Run, out: Diagnostic[]): Report {
  return (code, range, message, extra) => {
    const severity = run.levels.get(code);
    if (severity !== undefined) out.push(makeDiagnostic(severity, code, range, message, extra));
  };
}

/** The checks across documents, on a whole file taken as its one chunk. */
function checkAcrossFile(file: ParsedFile, run: Run, out: Diagnostic[]): void {
  if (run.acrossFileChecks.length === 0) return;
  const facts = chunkFacts(file);
  const merged = new FileFacts();
  const report = reporter(run, out);
  for (const check of run.acrossFileChecks) check.acrossFile!.chunk(facts, merged, report);
  merged.add(facts);
  for (const check of run.acrossFileChecks) check.acrossFile!.end?.(merged, report);
}

/** An outcome summing its documents' facts (whole-file checks). */
function outcome(): DocumentOutcome {
  return { list: [], held: new HeldGroups(), facts: emptyFacts() };
}

/** An outcome for one document that keeps its facts apart (cached with it). */
function documentOutcome(): DocumentOutcome {
  return { list: [], held: new HeldGroups() };
}

/**
 * Runs the document checks on one document and counts its facts into the
 * context's target, then releases what was parsed for it unless someone had
 * it open: a large file never holds every row at once.
 */
function checkOne(doc: PubtatorDocument, run: Run, ctx: Checking, visit?: (doc: PubtatorDocument) => void): void {
  const wasParsed = doc.materialized;
  for (const check of run.documentChecks) check.document!(doc, ctx);
  // `visit` sees the document with its rows parsed, just before they are released.
  visit?.(doc);
  const facts = run.learning ? documentFacts(doc, ctx.analysis(doc)) : NO_FACTS;
  if (ctx.target.facts) addDocumentFacts(ctx.target.facts, facts);
  else ctx.target.documentFacts = facts;
  if (!wasParsed) doc.release();
}

/** A document's facts when none are learned. */
const NO_FACTS: DocumentFacts = {
  titled: 0, withAbstract: 0, mentions: 0, spansInRange: 0, spansMinor: 0, spansUnexplained: 0, spansUnicode: 0, spansAscii: 0, typeNames: [], typeCounts: [],
};

function runFileChecks(file: ParsedFile, run: Run, concepts?: ConceptSources): Diagnostic[] {
  const ctx = new Checking(file, run, concepts, outcome());
  for (const check of run.fileChecks) check.file!(file, ctx);
  return ctx.target.list;
}

/** Each check's verdict on the held rows of `part` (all of them, or one document's), by the file's habits. */
function settle(run: Run, conventions: FileConventions, part: HeldGroups, inScope: (r: Range) => boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ctx: SettleContext = {
    learned: conventions.learned,
    schema: run.schema,
    *groups(kind: HeldKind): Iterable<SettleGroup> {
      for (const whole of conventions.held.ofKind(kind)) {
        if (whole.items.length === 0) continue;
        const mine = part === conventions.held ? whole : part.get(kind, whole.key);
        yield { kind, key: whole.key, count: whole.count, items: mine?.items ?? [], first: whole.items[0] };
      }
    },
    report(code, range, message, extra) {
      const severity = run.levels.get(code);
      if (severity !== undefined) out.push(makeDiagnostic(severity, code, range, message, extra));
    },
    inScope,
  };
  for (const check of run.settleChecks) check.settle!(ctx);
  return out;
}

const EVERYWHERE = () => true;

/** A chunk's diagnostics before settling: decided ones, held rows and counts (the file's reducer settles at its end). */
export interface Unsettled {
  diagnostics: Diagnostic[];
  held: HeldGroups;
  facts: Facts;
}

/**
 * Diagnostics of one chunk of whole documents of a file, except those of the
 * checks across documents, which need the other chunks (see
 * streamingValidator.ts), and the held rows, settled once the whole file is
 * known (they come back with the chunk's counts); ordered by position.
 */
export function validateChunk(
  file: ParsedFile, options: ValidationOptions = {}, run = prepare(options), visit?: (doc: PubtatorDocument) => void,
): Unsettled {
  const whole: DocumentOutcome = { ...outcome(), list: runFileChecks(file, run, options.concepts) };
  const ctx = new Checking(file, run, options.concepts, whole);
  for (const doc of file.documents) checkOne(doc, run, ctx, visit);
  // A chunk without a document to copy (a file's blank tail, a document too long to copy) keeps the shapes kept before.
  const shapes = shapesOf(file.documents[file.documents.length - 1], run, options.concepts);
  if (shapes !== undefined) keepUntilNextChunk(shapes);
  return { diagnostics: sortDiagnostics(whole.list), held: whole.held, facts: whole.facts! };
}

/** A document's text is copied to keep its shapes alive only up to this length (documents are a few KB). */
const SHAPES_MAX_CHARS = 1 << 16;

/**
 * The objects the checking of `doc` is made of (document, rows, analysis,
 * checking context), made again from a copy of its own text: they keep the
 * chunk's object shapes alive between chunks (keepShapes.ts) without keeping
 * the chunk's text.
 */
function shapesOf(doc: PubtatorDocument | undefined, run: Run, concepts: ConceptSources | undefined): unknown {
  if (!(doc instanceof LazyDocument)) return undefined;
  const { text, start, end } = doc.raw;
  if (end - start > SHAPES_MAX_CHARS) return undefined;
  const file = parseChunk(ownString(text.slice(start, end)), doc.startLine);
  const ctx = new Checking(file, run, concepts, outcome());
  const copy = file.documents[0];
  return { ctx, rows: copy && [copy.passages, copy.mentions, copy.relations, ctx.analysis(copy)] };
}

/** The settled diagnostics of a whole file from its held rows and counts, ordered by position. */
export function settleFile(held: HeldGroups, facts: Facts, options: ValidationOptions = {}): Diagnostic[] {
  const conventions: FileConventions = { learned: learn(facts, held), held };
  return sortDiagnostics(settle(prepare(options), conventions, held, EVERYWHERE));
}

/** Diagnostics of a whole file, ordered by position. */
export function validateFile(file: ParsedFile, options: ValidationOptions = {}): Diagnostic[] {
  const run = prepare(options);
  // Documents report, hold and count straight into the file's totals.
  const whole: DocumentOutcome = { ...outcome(), list: runFileChecks(file, run, options.concepts) };
  checkAcrossFile(file, run, whole.list);
  const ctx = new Checking(file, run, options.concepts, whole);
  for (const doc of file.documents) checkOne(doc, run, ctx);
  const conventions: FileConventions = { learned: learn(whole.facts!, whole.held), held: whole.held };
  remember(file, run.key, conventions);
  const out = whole.list;
  for (const d of settle(run, conventions, whole.held, EVERYWHERE)) out.push(d);
  return sortDiagnostics(out);
}

/** Conventions of the files validated last, for checks of one of their documents (quick fixes, code lens). */
const known = new WeakMap<ParsedFile, { key: string; conventions: FileConventions }>();

function remember(file: ParsedFile, key: string, conventions: FileConventions): void {
  known.set(file, { key, conventions });
}

/** The habits of a file as a whole (from the last validation of it with these options, or worked out now). */
export function fileConventions(file: ParsedFile, options: ValidationOptions = {}): FileConventions {
  const run = prepare(options);
  const cached = known.get(file);
  if (cached && cached.key === run.key) return cached.conventions;
  validateFileReusing(file, options);
  return known.get(file)!.conventions;
}

/** Diagnostics of one document alone: its document checks, and its held rows settled by its file's habits. */
export function validateDocument(file: ParsedFile, doc: PubtatorDocument, options: ValidationOptions = {}): Diagnostic[] {
  const run = prepare(options);
  const r = documentOutcome();
  checkOne(doc, run, new Checking(file, run, options.concepts, r));
  const conventions = options.conventions ?? fileConventions(file, options);
  const inDoc = (range: Range) => range.start.line >= doc.startLine && range.start.line <= doc.endLine;
  const out = r.list;
  for (const d of settle(run, conventions, r.held, inDoc)) out.push(d);
  return sortDiagnostics(out);
}

/** What a previous run found across the file (duplicate documents, stray lines). */
export interface FileLevelDiagnostics {
  options: string;
  list: Diagnostic[];
}

/** Held rows (none: absent) and counts kept with a document's cached diagnostics. */
interface Pending {
  held?: HeldGroups;
  facts: DocumentFacts;
}

/**
 * What validateFileReusing keeps between runs for the file's habits: the
 * documents of the last run (in order), their counts summed, and their held
 * rows gathered. An edit replaces a few documents: their counts are taken out
 * and the new ones' added, and the held rows are gathered again only when a
 * document with held rows was replaced or moved.
 */
export interface ConventionState {
  options: string;
  docs: readonly PubtatorDocument[];
  facts: Facts;
  held: HeldGroups;
}

function pendingOf(doc: PubtatorDocument): Pending {
  return doc.checked!.pending as Pending;
}

/**
 * Like validateFile, but for a file that changes edit by edit: each document
 * keeps its diagnostics, held rows and counts in its `checked` slot while its
 * text is unchanged (moved documents get theirs shifted to the new lines), and
 * the file-level checks are rerun only when `fileLevel` is not given for the
 * same options. The file's habits are learned again each time from counts kept
 * up to date (`conventions`). Costs O(documents) cheap steps plus the work on
 * changed documents.
 */
export function validateFileReusing(
  file: ParsedFile, options: ValidationOptions, fileLevel?: FileLevelDiagnostics, conventions?: ConventionState,
): { diagnostics: Diagnostic[]; fileLevel: FileLevelDiagnostics; conventions: ConventionState } {
  const run = prepare(options);
  const key = run.key;
  if (!fileLevel || fileLevel.options !== key) {
    const list = runFileChecks(file, run, options.concepts);
    checkAcrossFile(file, run, list);
    fileLevel = { options: key, list: sortDiagnostics(list) };
  }
  const inDocuments: Diagnostic[] = [];
  const ctx = new Checking(file, run, options.concepts, outcome());
  let heldMoved = false;
  for (const doc of file.documents) {
    let entry = doc.checked;
    if (!entry || entry.options !== key) {
      entry = checkInto(doc, run, ctx);
    } else if (entry.startLine !== doc.startLine) {
      const delta = doc.startLine - entry.startLine;
      const pending = entry.pending as Pending;
      if (pending.held) heldMoved = true;
      entry = {
        options: key, startLine: doc.startLine, list: entry.list.map((d) => shiftDiagnostic(d, delta)),
        pending: pending.held ? { held: pending.held.shifted(delta), facts: pending.facts } : pending,
      };
      doc.checked = entry;
    }
    for (const d of entry.list) inDocuments.push(d);
  }
  conventions = updateConventions(file.documents, key, conventions, heldMoved);
  const settled: FileConventions = { learned: learn(conventions.facts, conventions.held), held: conventions.held };
  remember(file, key, settled);
  const list = sortDiagnostics(settle(run, settled, conventions.held, EVERYWHERE));
  // Documents come in line order and each list is sorted: merging the few
  // file-level and settled diagnostics in keeps the whole list sorted without a sort.
  return { diagnostics: mergeSorted(mergeSorted(inDocuments, fileLevel.list, true), list, false), fileLevel, conventions };
}

/** Checks one document on its own and keeps the outcome in its `checked` slot. */
function checkInto(doc: PubtatorDocument, run: Run, ctx: Checking): NonNullable<PubtatorDocument['checked']> {
  const r = documentOutcome();
  ctx.target = r;
  checkOne(doc, run, ctx);
  const pending: Pending = { facts: r.documentFacts! };
  if (r.held.size) pending.held = r.held;
  const entry = { options: run.key, startLine: doc.startLine, list: sortDiagnostics(r.list), pending };
  doc.checked = entry;
  return entry;
}

/**
 * Checks the documents `from` up to `to` of `file` that have no outcome for
 * these options yet, as validateFileReusing would, which then reuses them: a
 * server checks a large file a slice at a time this way and answers other
 * requests (a hover) in between, instead of making them wait for the whole.
 */
export function checkDocumentsAhead(file: ParsedFile, options: ValidationOptions, from: number, to: number): void {
  const run = prepare(options);
  const ctx = new Checking(file, run, options.concepts, outcome());
  const docs = file.documents;
  for (let i = from; i < Math.min(to, docs.length); i++) {
    const doc = docs[i];
    if (!doc.checked || doc.checked.options !== run.key) checkInto(doc, run, ctx);
  }
}

/** The summed counts and gathered held rows of `docs`, from the last run's where they still hold. */
function updateConventions(docs: readonly PubtatorDocument[], key: string, before: ConventionState | undefined, heldMoved: boolean): ConventionState {
  if (!before || before.options !== key) return gatherConventions(docs, key);
  // The documents an edit replaced: after the common head and before the common tail.
  const old = before.docs;
  let head = 0;
  while (head < old.length && head < docs.length && old[head] === docs[head]) head++;
  let tail = 0;
  while (tail < old.length - head && tail < docs.length - head && old[old.length - 1 - tail] === docs[docs.length - 1 - tail]) tail++;
  const removed = old.slice(head, old.length - tail);
  const added = docs.slice(head, docs.length - tail);
  // A removed document whose cached counts are gone (its rows re-checked with other options) cannot be taken out.
  if (removed.some((d) => !d.checked || d.checked.options !== key)) return gatherConventions(docs, key);
  const facts = copyFacts(before.facts);
  for (const d of removed) addDocumentFacts(facts, pendingOf(d).facts, -1);
  for (const d of added) addDocumentFacts(facts, pendingOf(d).facts);
  const heldChanged = heldMoved || removed.some((d) => pendingOf(d).held) || added.some((d) => pendingOf(d).held);
  return { options: key, docs, facts, held: heldChanged ? gatherHeld(docs) : before.held };
}

function gatherConventions(docs: readonly PubtatorDocument[], key: string): ConventionState {
  const facts = emptyFacts();
  for (const d of docs) addDocumentFacts(facts, pendingOf(d).facts);
  return { options: key, docs, facts, held: gatherHeld(docs) };
}

function gatherHeld(docs: readonly PubtatorDocument[]): HeldGroups {
  const held = new HeldGroups();
  for (const d of docs) {
    const h = pendingOf(d).held;
    if (h) held.addAll(h);
  }
  return held;
}

/** Strictly before. */
function before(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.start.line < b.range.start.line
    || (a.range.start.line === b.range.start.line && a.range.start.character < b.range.start.character);
}

/**
 * Merges two sorted lists as validateFile's stable sort orders them: at equal
 * positions, `b` first when it was reported first (file-level checks run
 * before the documents), else `a` first (settled rows come after).
 */
export function mergeSorted(a: Diagnostic[], b: Diagnostic[], bFirstAtTies = true): Diagnostic[] {
  if (b.length === 0) return a;
  const out: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const takeA = bFirstAtTies ? before(a[i], b[j]) : !before(b[j], a[i]);
    out.push(takeA ? a[i++] : b[j++]);
  }
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

export function shiftRange(r: Range, delta: number): Range {
  return { start: { line: r.start.line + delta, character: r.start.character }, end: { line: r.end.line + delta, character: r.end.character } };
}

function shiftDiagnostic(d: Diagnostic, delta: number): Diagnostic {
  const moved: Diagnostic = { ...d, range: shiftRange(d.range, delta) };
  if (d.relatedInformation) moved.relatedInformation = d.relatedInformation.map((r) => ({ ...r, range: shiftRange(r.range, delta) }));
  return moved;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
