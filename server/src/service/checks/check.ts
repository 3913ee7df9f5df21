// What a check is, and the context it reports through. Severity is resolved
// here, once, from the check's default and the user's per-code setting.

import type { ParsedFile, PubtatorDocument } from '../parse/model';
import type { Diagnostic, OffsetUnit, Range, RelatedInformation, SeverityName } from '../types';
import { Severity } from '../types';
import type { DocumentAnalysis } from '../analysis/analyseDocument';
import type { ConceptSources } from '../concepts/conceptSources';
import type { ChunkFacts, FileFacts } from '../analysis/fileFacts';
import type { HeldGroup, HeldItem, HeldKind, HeldRow } from '../conventions/held';
import type { Learned } from '../conventions/learn';
import type { CorpusSchema } from '../schema/schema';

export interface CheckInfo {
  code: string;
  defaultSeverity: SeverityName;
  /** One line for the settings UI and `pubtator checks`. */
  description: string;
}

export interface CheckContext {
  readonly file: ParsedFile;
  readonly unit: OffsetUnit;
  /** What the caller knows beyond the file (a MeSH index); checks that need it report nothing without it. */
  readonly concepts?: ConceptSources;
  /** What the corpus declares about itself (pubtator.schema.json), if anything. */
  readonly schema?: CorpusSchema;
  analysis(doc: PubtatorDocument): DocumentAnalysis;
  report(code: string, range: Range, message: string, extra?: ReportExtra): void;
  /** Keeps a row whose verdict depends on the whole file's habits, for the settle step (`row` is called only while its group keeps rows). */
  hold(kind: HeldKind, key: string, row: () => HeldRow): void;
}

/** What a check's settle step sees once the whole file has been read. */
export interface SettleContext {
  readonly learned: Learned;
  readonly schema?: CorpusSchema;
  /** Held groups of a kind: counts over the whole file; items of the part being reported. */
  groups(kind: HeldKind): Iterable<SettleGroup>;
  report(code: string, range: Range, message: string, extra?: ReportExtra): void;
  /** Whether a range lies in the part being reported (the whole file, or one document). */
  inScope(range: Range): boolean;
}

/** A held group as settled: the file's count and first row, and the rows of the part being reported. */
export interface SettleGroup extends HeldGroup {
  /** The group's first row in the whole file (where a summary goes). */
  first: HeldItem;
}

export interface ReportExtra {
  related?: RelatedInformation[];
  data?: Record<string, unknown>;
}

export interface Check extends CheckInfo {
  /** Runs on each document in turn, with its rows parsed. */
  document?(doc: PubtatorDocument, ctx: CheckContext): void;
  /**
   * Runs on the stray lines and document headers of a file, or of one chunk
   * of whole documents (reads no rows): what it reports must not depend on
   * the rest of the file. Across documents, use `acrossFile`.
   */
  file?(file: ParsedFile, ctx: CheckContext): void;
  /** Looks across the documents of a file through the facts of its chunks (analysis/fileFacts.ts). */
  acrossFile?: AcrossFileCheck;
  /** Kinds of rows `document` holds for a settle step (it then runs whenever such a step does). */
  holds?: readonly HeldKind[];
  /** Kinds of held rows `settle` reads. */
  settles?: readonly HeldKind[];
  /** Runs once the whole file has been read: reports the held rows that break the file's habits. */
  settle?(ctx: SettleContext): void;
}

/** Reports a problem at the level the user chose for its code. */
export type Report = CheckContext['report'];

/**
 * A check across documents in map-reduce form: a file checked in chunks, on
 * several threads, gives exactly what the whole file gives, because the
 * check sees only facts, chunk after chunk in file order.
 */
export interface AcrossFileCheck {
  /** The next chunk's facts; `file` holds those of the chunks before it. Reports what this chunk decides. */
  chunk(chunk: ChunkFacts, file: FileFacts, report: Report): void;
  /** The whole file was seen (`file` holds every chunk): reports what was held until then. */
  end?(file: FileFacts, report: Report): void;
}

/** A check that looks at one document at a time. */
export type DocumentCheck = Check & Required<Pick<Check, 'document'>>;

export type SeveritySettings = Partial<Record<string, SeverityName>>;

const LEVELS: Record<Exclude<SeverityName, 'off'>, Severity> = {
  error: Severity.Error,
  warning: Severity.Warning,
  information: Severity.Information,
  hint: Severity.Hint,
};

export function toSeverity(name: SeverityName): Severity | undefined {
  return name === 'off' ? undefined : LEVELS[name];
}

export function isSeverityName(s: string): s is SeverityName {
  return s === 'off' || s in LEVELS;
}

export function makeDiagnostic(
  severity: Severity, code: string, range: Range, message: string, extra?: ReportExtra,
): Diagnostic {
  const d: Diagnostic = { range, severity, code, message, source: 'pubtator' };
  if (extra?.related?.length) d.relatedInformation = extra.related;
  if (extra?.data) d.data = extra.data;
  return d;
}
