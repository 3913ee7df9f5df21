// Runs the checks over a parsed file and collects diagnostics at the severity
// the user chose for each code.

import { analyseDocument } from './analysis/analyseDocument';
import type { CheckContext, SeveritySettings } from './checks/check';
import { makeDiagnostic, toSeverity } from './checks/check';
import { CHECKS } from './checks/index';
import type { ParsedFile, PubtatorDocument } from './parse/model';
import type { Diagnostic, OffsetUnit, Range, Severity } from './types';

export interface ValidationOptions {
  unit?: OffsetUnit;
  severities?: SeveritySettings;
}

function resolveSeverities(settings: SeveritySettings | undefined): Map<string, Severity> {
  const levels = new Map<string, Severity>();
  for (const check of CHECKS) {
    const level = toSeverity(settings?.[check.code] ?? check.defaultSeverity);
    if (level !== undefined) levels.set(check.code, level);
  }
  return levels;
}

function context(file: ParsedFile, unit: OffsetUnit, levels: Map<string, Severity>, out: Diagnostic[]): CheckContext {
  return {
    file,
    unit,
    analysis: (doc) => analyseDocument(doc, unit),
    report(code, range, message, extra) {
      const severity = levels.get(code);
      if (severity !== undefined) out.push(makeDiagnostic(severity, code, range, message, extra));
    },
  };
}

/** Diagnostics of a whole file, ordered by position. */
export function validateFile(file: ParsedFile, options: ValidationOptions = {}): Diagnostic[] {
  const unit = options.unit ?? 'codepoint';
  const levels = resolveSeverities(options.severities);
  const out: Diagnostic[] = [];
  const ctx = context(file, unit, levels, out);
  const active = CHECKS.filter((c) => levels.has(c.code));
  for (const check of active) check.file?.(file, ctx);
  const perDocument = active.filter((c) => c.document);
  for (const doc of file.documents) {
    // Check one document at a time and release what was parsed for it, so a
    // large file never holds every row in memory (documents already open for
    // a hover or an edit stay parsed).
    const wasParsed = doc.materialized;
    for (const check of perDocument) check.document!(doc, ctx);
    if (!wasParsed) doc.release();
  }
  return sortDiagnostics(out);
}

/** Diagnostics of one document alone (document-scope checks only). */
export function validateDocument(file: ParsedFile, doc: PubtatorDocument, options: ValidationOptions = {}): Diagnostic[] {
  const unit = options.unit ?? 'codepoint';
  const levels = resolveSeverities(options.severities);
  const out: Diagnostic[] = [];
  const ctx = context(file, unit, levels, out);
  for (const check of CHECKS) {
    if (check.document && levels.has(check.code)) check.document(doc, ctx);
  }
  return sortDiagnostics(out);
}

/** Diagnostics computed for a document, valid while its text is unchanged. */
interface CachedDiagnostics {
  options: string;
  startLine: number;
  list: Diagnostic[];
}

export type DiagnosticsCache = WeakMap<PubtatorDocument, CachedDiagnostics>;

/**
 * Like validateFile, but reuses each document's diagnostics from `cache` when
 * the same document object was checked before with the same options (moved
 * documents get theirs shifted to the new lines).
 */
export function validateFileReusing(file: ParsedFile, options: ValidationOptions, cache: DiagnosticsCache): Diagnostic[] {
  const unit = options.unit ?? 'codepoint';
  const levels = resolveSeverities(options.severities);
  const key = unit + JSON.stringify(options.severities ?? {});
  const out: Diagnostic[] = [];
  const ctx = context(file, unit, levels, out);
  const active = CHECKS.filter((c) => levels.has(c.code));
  for (const check of active) check.file?.(file, ctx);
  const perDocument = active.filter((c) => c.document);
  for (const doc of file.documents) {
    let entry = cache.get(doc);
    if (!entry || entry.options !== key) {
      const list: Diagnostic[] = [];
      const docCtx = context(file, unit, levels, list);
      const wasParsed = doc.materialized;
      for (const check of perDocument) check.document!(doc, docCtx);
      if (!wasParsed) doc.release();
      entry = { options: key, startLine: doc.startLine, list };
      cache.set(doc, entry);
    } else if (entry.startLine !== doc.startLine) {
      const delta = doc.startLine - entry.startLine;
      entry = { options: key, startLine: doc.startLine, list: entry.list.map((d) => shiftDiagnostic(d, delta)) };
      cache.set(doc, entry);
    }
    for (const d of entry.list) out.push(d);
  }
  return sortDiagnostics(out);
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
