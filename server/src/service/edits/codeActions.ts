// Quick fixes and fix-all actions. The diagnostics a client sends are only
// used to say which of its problems an action resolves: every fix is built
// from the service's own fresh analysis of the current text, and verified
// (verify.ts) before it is offered. A client diagnostic that matches no fresh
// one (the text changed since it was published) gets no action, rather than a
// wrong edit.

import type { SeveritySettings } from '../checks/check';
import { analyseDocument } from '../analysis/analyseDocument';
import { documentAt } from '../features/locate';
import type { ParsedFile, PubtatorDocument } from '../parse/model';
import type { Diagnostic, OffsetUnit, Range } from '../types';
import { validateDocument, validateFile } from '../validate';
import { driftFix } from './driftFix';
import type { Fix, FixBuilder, FixContext } from './fix';
import { danglingIdFix, duplicateFix } from './rowFixes';
import { spanFixes } from './spanFixes';
import { tabsFix } from './tabsFix';
import { linesOf, type TextEdit } from './textEdit';
import { countsOf, verifyFix, verifyStrictly, type VerifyOptions } from './verify';

/** Fixable codes, in the order a fix-all of several codes applies them (whole-document fixes first). */
const BUILDERS: [code: string, builder: FixBuilder, label: string][] = [
  // First: a row written with spaces is a mention row only once it has TABs, and other fixes may then apply.
  ['malformed-line', tabsFix, 'rows separated by spaces'],
  ['offset-drift', driftFix, 'offset drifts'],
  ['bad-offsets', spanFixes, 'bad offsets'],
  ['offset-out-of-range', spanFixes, 'out-of-range offsets'],
  ['span-boundary', spanFixes, 'span boundaries'],
  ['text-mismatch', spanFixes, 'text mismatches'],
  ['text-mismatch-minor', spanFixes, 'minor text differences'],
  ['dangling-relation-id', danglingIdFix, 'dangling relation ids'],
  ['duplicate-relation', duplicateFix, 'duplicate relations'],
  ['duplicate-mention', duplicateFix, 'duplicate mentions'],
];
const BUILDER = new Map(BUILDERS.map(([code, builder]) => [code, builder]));
const LABEL = new Map(BUILDERS.map(([code, , label]) => [code, label]));

export const FIXABLE_CODES: readonly string[] = BUILDERS.map(([code]) => code);
export const QUICK_FIX = 'quickfix';
export const FIX_ALL = 'source.fixAll.pubtator';

/** A diagnostic as a client sends it back (only code, range and data are read). */
export interface ClientDiagnostic {
  range: Range;
  code?: string | number;
  data?: unknown;
}

export interface CodeActionParams {
  range: Range;
  diagnostics?: readonly ClientDiagnostic[];
  /** Kinds the client asks for (LSP `context.only`); all when absent. */
  only?: readonly string[];
}

export interface CodeActionOptions {
  unit?: OffsetUnit;
  severities?: SeveritySettings;
  /**
   * The whole file's current diagnostics (what the server published), so a
   * request need not check the whole file again; computed here when absent.
   * They only say where to look: every fix is still built from a fresh check.
   * A function is called only when a request needs them.
   */
  fileDiagnostics?: readonly Diagnostic[] | (() => readonly Diagnostic[]);
  /** Leave the edit of "fix all … in file" for a later resolve (`fixAllEdits`). */
  lazyFileFixes?: boolean;
}

export interface CodeAction {
  title: string;
  kind: typeof QUICK_FIX | typeof FIX_ALL;
  /** Indices into the request's diagnostics of those this action resolves. */
  diagnostics: number[];
  isPreferred?: boolean;
  /** Absent only on a lazy fix-all, which `fixAll` describes. */
  edits?: TextEdit[];
  fixAll?: { code: string };
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
}

function touches(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Indices of the client diagnostics that are this fresh one (same code, range and, when sent, data). */
function matching(fresh: Diagnostic, sent: readonly ClientDiagnostic[]): number[] {
  const out: number[] = [];
  sent.forEach((c, i) => {
    if (String(c.code) === fresh.code && sameRange(c.range, fresh.range) && (c.data === undefined || sameData(c.data, fresh.data))) out.push(i);
  });
  return out;
}

function isRange(r: unknown): r is Range {
  const ok = (p: unknown) => typeof p === 'object' && p !== null
    && Number.isSafeInteger((p as { line: unknown }).line) && Number.isSafeInteger((p as { character: unknown }).character);
  return typeof r === 'object' && r !== null && ok((r as Range).start) && ok((r as Range).end);
}

/** Per-document state while building fixes: fresh diagnostics, analysis and counts. */
class DocumentFixes {
  readonly ctx: FixContext;
  readonly fresh: Diagnostic[];
  readonly verify: VerifyOptions;
  private readonly preferred = new Map<string, DocumentFixAll>();

  /** Fixes taken with no human to look: each must add no problem of any code (verify.ts). */
  private readonly strict: boolean;

  constructor(file: ParsedFile, readonly doc: PubtatorDocument, options: CodeActionOptions & { strict?: boolean }) {
    this.strict = options.strict === true;
    const unit = options.unit ?? 'codepoint';
    this.ctx = { file, doc, unit, analysis: analyseDocument(doc, unit) };
    this.fresh = validateDocument(file, doc, { unit, severities: options.severities });
    this.verify = { unit, severities: options.severities };
  }

  /** Verified fixes for one fresh diagnostic. */
  fixesFor(d: Diagnostic): Fix[] {
    const builder = BUILDER.get(d.code);
    if (!builder) return [];
    const before = countsOf(this.doc, d.code, this.verify);
    return builder(this.ctx, d).filter((f) => verifyFix(this.doc, d.code, f.edits, this.verify, before));
  }

  /**
   * The preferred fix of every problem of `code` in the document, on lines no
   * earlier fix touched, verified together: strictly fewer problems of the
   * code and no more in all, or nothing.
   */
  fixAll(code: string, taken = new Set<number>()): DocumentFixAll {
    const known = this.preferred.get(code);
    if (known && taken.size === 0) return known;
    const builder = BUILDER.get(code);
    const fixes: Fix[] = [];
    const problems: Diagnostic[] = [];
    const edits: TextEdit[] = [];
    const lines = new Set<number>();
    for (const d of this.fresh) {
      if (d.code !== code || !builder) continue;
      const fix = builder(this.ctx, d).find((f) => f.preferred);
      if (!fix || (this.strict && !verifyStrictly(this.doc, fix.edits, this.verify))) continue;
      const touched = fix.edits.flatMap(linesOf);
      if (touched.some((l) => taken.has(l) || lines.has(l))) continue;
      touched.forEach((l) => lines.add(l));
      fixes.push(fix);
      problems.push(d);
      edits.push(...fix.edits);
    }
    const verifies = (e: TextEdit[]) => (this.strict ? verifyStrictly(this.doc, e, this.verify) : verifyFix(this.doc, code, e, this.verify));
    const verified = fixes.length > 0 && verifies(edits);
    const result = verified ? { fixes, problems, edits } : this.oneByOne(fixes, problems, verifies);
    if (taken.size === 0) this.preferred.set(code, result);
    return result;
  }

  /**
   * When the fixes of a code add a problem together (two rows moved onto the
   * same words), the ones that verify in turn with those before them: one
   * fix's clash does not hold back the others.
   */
  private oneByOne(fixes: Fix[], problems: Diagnostic[], verifies: (edits: TextEdit[]) => boolean): DocumentFixAll {
    const out: DocumentFixAll = { fixes: [], problems: [], edits: [] };
    if (fixes.length < 2) return out;
    for (let i = 0; i < fixes.length && i < ONE_BY_ONE; i++) {
      const edits = [...out.edits, ...fixes[i].edits];
      if (!verifies(edits)) continue;
      out.fixes.push(fixes[i]);
      out.problems.push(problems[i]);
      out.edits = edits;
    }
    return out;
  }
}

/** Fixes of one code tried in turn when they fail together (each try checks the document again). */
const ONE_BY_ONE = 50;

/** A fix-all of one code in one document: the fixes, the problems they fix (same order), and all their edits. */
interface DocumentFixAll {
  fixes: Fix[];
  problems: Diagnostic[];
  edits: TextEdit[];
}

/** Documents a request concerns: those at the ends of its range and at each diagnostic it sends. */
function documentsOf(file: ParsedFile, range: Range, sent: readonly ClientDiagnostic[]): PubtatorDocument[] {
  const lines = [range.start.line, range.end.line];
  for (const d of sent) lines.push(d.range.start.line);
  const docs = new Set<PubtatorDocument>();
  for (const line of lines) {
    const doc = documentAt(file, line);
    if (doc) docs.add(doc);
  }
  return [...docs].sort((a, b) => a.startLine - b.startLine);
}

function known(options: CodeActionOptions): readonly Diagnostic[] | undefined {
  const given = options.fileDiagnostics;
  return typeof given === 'function' ? given() : given;
}

function countByCode(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return counts;
}

export function codeActions(file: ParsedFile, params: CodeActionParams, options: CodeActionOptions = {}): CodeAction[] {
  if (!params || !isRange(params.range)) return [];
  // Any client may send anything: odd diagnostics are left out, not trusted.
  const sent = Array.isArray(params.diagnostics) ? params.diagnostics.filter((d) => typeof d === 'object' && d !== null && isRange(d.range)) : [];
  const actions: CodeAction[] = [];
  if (wants(Array.isArray(params.only) ? params.only : undefined, QUICK_FIX)) {
    let fileCounts: Map<string, number> | undefined;
    const inFileOffered = new Set<string>();
    for (const doc of documentsOf(file, params.range, sent)) {
      const state = new DocumentFixes(file, doc, options);
      const fixedCodes = new Map<string, number[]>();
      for (const d of state.fresh) {
        if (!BUILDER.has(d.code) || !touches(d.range, params.range)) continue;
        const resolves = matching(d, sent);
        const fixes = state.fixesFor(d);
        for (const f of fixes) {
          actions.push({ title: f.title, kind: QUICK_FIX, diagnostics: resolves, isPreferred: f.preferred || undefined, edits: f.edits });
        }
        if (fixes.length) fixedCodes.set(d.code, [...(fixedCodes.get(d.code) ?? []), ...resolves]);
      }
      for (const [code, resolves] of fixedCodes) {
        const label = LABEL.get(code)!;
        const inDocument = state.fixAll(code);
        if (inDocument.fixes.length >= 2) {
          actions.push({ title: `Fix all ${label} in document ${doc.id} (${inDocument.fixes.length})`, kind: QUICK_FIX, diagnostics: resolves, edits: inDocument.edits });
        }
        fileCounts ??= countByCode(known(options) ?? validateFile(file, { unit: options.unit, severities: options.severities }));
        const inThisDocument = state.fresh.filter((d) => d.code === code).length;
        if ((fileCounts.get(code) ?? 0) > inThisDocument && !inFileOffered.has(code)) {
          inFileOffered.add(code);
          const title = `Fix all ${label} in file`;
          if (options.lazyFileFixes) {
            actions.push({ title, kind: QUICK_FIX, diagnostics: resolves, fixAll: { code } });
          } else {
            const edits = fixAllEdits(file, [code], options);
            if (edits.length) actions.push({ title, kind: QUICK_FIX, diagnostics: resolves, edits });
          }
        }
      }
    }
  }
  // The file-wide source action costs a full check: only when asked for by kind (as on save).
  if (Array.isArray(params.only) && wants(params.only, FIX_ALL)) {
    const edits = fixAllEdits(file, FIXABLE_CODES, { ...options, minSeverity: 2 });
    if (edits.length) actions.push({ title: 'Fix all auto-fixable PubTator problems', kind: FIX_ALL, diagnostics: [], edits });
  }
  return actions;
}

/** Documents the known diagnostics place problems of these codes in (all documents when none are known). */
function documentsWith(file: ParsedFile, codes: readonly string[], known: readonly Diagnostic[] | undefined): readonly PubtatorDocument[] {
  if (!known) return file.documents;
  const docs = new Set<PubtatorDocument>();
  for (const d of known) {
    if (!codes.includes(d.code)) continue;
    const doc = documentAt(file, d.range.start.line);
    if (doc) docs.add(doc);
  }
  return [...docs].sort((a, b) => a.startLine - b.startLine);
}

export interface FixAllOptions extends CodeActionOptions {
  /** Fix only problems at least this severe (1 error … 4 hint); all when absent. */
  minSeverity?: number;
  /**
   * No human will look (the command line's --fix): take a fix only when it
   * adds no problem of any code, not merely fewer in all (verify.ts).
   */
  strict?: boolean;
}

/**
 * One edit list fixing every problem of the given codes in the file (or in
 * `docs`), each with its preferred fix; codes in FIXABLE_CODES order, a row
 * touched by an earlier code left for the next run.
 */
export function fixAllEdits(file: ParsedFile, codes: readonly string[], options: FixAllOptions = {}, docs?: readonly PubtatorDocument[]): TextEdit[] {
  return fixAllWithReport(file, codes, options, docs).edits;
}

/** A problem a fix-all fixes, and the fix it takes. */
export interface AppliedFix {
  problem: Diagnostic;
  title: string;
}

/** fixAllEdits, also saying which problem each fix fixes (for a command line that reports what it did). */
export function fixAllWithReport(
  file: ParsedFile, codes: readonly string[], options: FixAllOptions = {}, docs?: readonly PubtatorDocument[],
): { edits: TextEdit[]; applied: AppliedFix[] } {
  const wanted = FIXABLE_CODES.filter((c) => codes.includes(c));
  const edits: TextEdit[] = [];
  const applied: AppliedFix[] = [];
  for (const doc of docs ?? documentsWith(file, wanted, known(options))) {
    const wasParsed = doc.materialized;
    const state = new DocumentFixes(file, doc, options);
    const present = new Set(state.fresh.filter((d) => options.minSeverity === undefined || d.severity <= options.minSeverity).map((d) => d.code));
    const taken = new Set<number>();
    const docEdits: TextEdit[] = [];
    const docApplied: AppliedFix[] = [];
    for (const code of wanted) {
      if (!present.has(code)) continue;
      const { edits: codeEdits, fixes, problems } = state.fixAll(code, taken.size ? taken : undefined);
      for (const e of codeEdits) linesOf(e).forEach((l) => taken.add(l));
      docEdits.push(...codeEdits);
      fixes.forEach((f, i) => docApplied.push({ problem: problems[i], title: f.title }));
    }
    // Fixes of several codes are checked once more together.
    const together = wanted.length === 1 ? true : options.strict ? verifyStrictly(doc, docEdits, state.verify) : verifyFix(doc, undefined, docEdits, state.verify);
    if (docEdits.length && together) {
      edits.push(...docEdits);
      applied.push(...docApplied);
    }
    if (!wasParsed) doc.release();
  }
  return { edits, applied };
}
