// Runs the checks over a parsed file and collects diagnostics at the severity
// the user chose for each code.

import { analyseDocument } from './analysis/analyseDocument';
import type { Check, CheckContext, SeveritySettings } from './checks/check';
import { makeDiagnostic, toSeverity } from './checks/check';
import { CHECKS } from './checks/index';
import type { ParsedFile, PubtatorDocument } from './parse/model';
import type { Diagnostic, OffsetUnit, Range, Severity } from './types';
import { conceptSourcesKey, type ConceptSources } from './concepts/conceptSources';
import { chunkFacts, FileFacts } from './analysis/fileFacts';

export interface ValidationOptions {
  unit?: OffsetUnit;
  severities?: SeveritySettings;
  /** A MeSH index for unknown-mesh-id and mesh-name-mismatch (they report nothing without one). */
  concepts?: ConceptSources;
}

/** The options resolved once per run: the unit, each code's level, the checks that are on. */
export interface Run {
  unit: OffsetUnit;
  levels: Map<string, Severity>;
  fileChecks: Check[];
  acrossFileChecks: Check[];
  documentChecks: Check[];
}

export function prepare(options: ValidationOptions): Run {
  const levels = new Map<string, Severity>();
  for (const check of CHECKS) {
    const level = toSeverity(options.severities?.[check.code] ?? check.defaultSeverity);
    if (level !== undefined) levels.set(check.code, level);
  }
  const active = CHECKS.filter((c) => levels.has(c.code));
  return {
    unit: options.unit ?? 'codepoint',
    levels,
    fileChecks: active.filter((c) => c.file),
    acrossFileChecks: active.filter((c) => c.acrossFile),
    documentChecks: active.filter((c) => c.document),
  };
}

/**
 * Runs the document checks on one document, then releases what was parsed for
 * it unless someone had it open: a large file never holds every row at once.
 */
function checkDocument(doc: PubtatorDocument, run: Run, ctx: CheckContext, visit?: (doc: PubtatorDocument) => void): void {
  const wasParsed = doc.materialized;
  for (const check of run.documentChecks) check.document!(doc, ctx);
  visit?.(doc);
  if (!wasParsed) doc.release();
}

/** Reports into `out` at each code's level (nothing for a code that is off). */
export function reporter(run: Run, out: Diagnostic[]): CheckContext['report'] {
  return (code, range, message, extra) => {
    const severity = run.levels.get(code);
    if (severity !== undefined) out.push(makeDiagnostic(severity, code, range, message, extra));
  };
}

function context(file: ParsedFile, run: Run, out: Diagnostic[], concepts?: ConceptSources): CheckContext {
  const { unit } = run;
  return { file, unit, concepts, analysis: (doc) => analyseDocument(doc, unit), report: reporter(run, out) };
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

/** Diagnostics of a whole file, ordered by position. */
export function validateFile(file: ParsedFile, options: ValidationOptions = {}): Diagnostic[] {
  const run = prepare(options);
  const out: Diagnostic[] = [];
  const ctx = context(file, run, out, options.concepts);
  for (const check of run.fileChecks) check.file!(file, ctx);
  checkAcrossFile(file, run, out);
  for (const doc of file.documents) checkDocument(doc, run, ctx);
  return sortDiagnostics(out);
}

/**
 * Diagnostics of one chunk of whole documents of a file, except those of the
 * checks across documents, which need the other chunks (see
 * streamingValidator.ts); ordered by position.
 */
export function validateChunk(
  file: ParsedFile, options: ValidationOptions = {}, run = prepare(options), visit?: (doc: PubtatorDocument) => void,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ctx = context(file, run, out, options.concepts);
  for (const check of run.fileChecks) check.file!(file, ctx);
  // `visit` sees each document with its rows parsed, just before they are released.
  for (const doc of file.documents) checkDocument(doc, run, ctx, visit);
  return sortDiagnostics(out);
}

/** Diagnostics of one document alone (document-scope checks only). */
export function validateDocument(file: ParsedFile, doc: PubtatorDocument, options: ValidationOptions = {}): Diagnostic[] {
  const run = prepare(options);
  const out: Diagnostic[] = [];
  const ctx = context(file, run, out, options.concepts);
  for (const check of run.documentChecks) check.document!(doc, ctx);
  return sortDiagnostics(out);
}

/** What a previous run found across the file (duplicate documents, stray lines). */
export interface FileLevelDiagnostics {
  options: string;
  list: Diagnostic[];
}

/**
 * Like validateFile, but for a file that changes edit by edit: each document
 * keeps its diagnostics in its `checked` slot while its text is unchanged
 * (moved documents get theirs shifted to the new lines), and the file-level
 * checks are rerun only when `fileLevel` is not given for the same options.
 * Costs O(documents) cheap steps plus the work on changed documents.
 */
export function validateFileReusing(
  file: ParsedFile, options: ValidationOptions, fileLevel?: FileLevelDiagnostics,
): { diagnostics: Diagnostic[]; fileLevel: FileLevelDiagnostics } {
  const run = prepare(options);
  // Cached diagnostics are valid for these options only; the index identity is
  // part of them so that loading or rebuilding an index re-checks documents.
  const key = run.unit + JSON.stringify(options.severities ?? {}) + conceptSourcesKey(options.concepts);
  if (!fileLevel || fileLevel.options !== key) {
    const list: Diagnostic[] = [];
    const ctx = context(file, run, list, options.concepts);
    for (const check of run.fileChecks) check.file!(file, ctx);
    checkAcrossFile(file, run, list);
    fileLevel = { options: key, list: sortDiagnostics(list) };
  }
  const inDocuments: Diagnostic[] = [];
  for (const doc of file.documents) {
    let entry = doc.checked;
    if (!entry || entry.options !== key) {
      const list: Diagnostic[] = [];
      checkDocument(doc, run, context(file, run, list, options.concepts));
      entry = { options: key, startLine: doc.startLine, list: sortDiagnostics(list) };
      doc.checked = entry;
    } else if (entry.startLine !== doc.startLine) {
      const delta = doc.startLine - entry.startLine;
      entry = { options: key, startLine: doc.startLine, list: entry.list.map((d) => shiftDiagnostic(d, delta)) };
      doc.checked = entry;
    }
    for (const d of entry.list) inDocuments.push(d);
  }
  // Documents come in line order and each list is sorted: merging the few
  // file-level diagnostics in keeps the whole list sorted without a sort.
  return { diagnostics: mergeSorted(inDocuments, fileLevel.list), fileLevel };
}

/** Strictly before: at equal positions file-level diagnostics come first, as validateFile orders them. */
function before(a: Diagnostic, b: Diagnostic): boolean {
  return a.range.start.line < b.range.start.line
    || (a.range.start.line === b.range.start.line && a.range.start.character < b.range.start.character);
}

/** Merges two sorted lists; at equal positions those of `b` (file-level) come first, as validateFile orders them. */
export function mergeSorted(a: Diagnostic[], b: Diagnostic[]): Diagnostic[] {
  if (b.length === 0) return a;
  const out: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(before(a[i], b[j]) ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

function shiftRange(r: Range, delta: number): Range {
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
