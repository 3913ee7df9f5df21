// Plain data shapes shared by the service and its callers. They mirror the LSP
// shapes field for field, so the server can pass them through unchanged, but
// the service never imports LSP or VS Code.

export interface Position {
  line: number;
  /** UTF-16 code units from the start of the line, as LSP counts. */
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export const enum Severity {
  Error = 1,
  Warning = 2,
  Information = 3,
  Hint = 4,
}

export type SeverityName = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface RelatedInformation {
  range: Range;
  message: string;
}

export interface Diagnostic {
  range: Range;
  severity: Severity;
  code: string;
  message: string;
  source: 'pubtator';
  relatedInformation?: RelatedInformation[];
  /** Facts a quick fix needs (a shift, a near-miss id ...), kept JSON-safe. */
  data?: Record<string, unknown>;
}

/**
 * Diagnostics computed for a document, valid while its text is unchanged.
 * Kept on the parsed document (parse/model.ts), so it lives in this bottom
 * layer rather than in validate.ts, which fills it.
 */
export interface CachedDiagnostics {
  /** The validation options they were computed with. */
  options: string;
  startLine: number;
  list: Diagnostic[];
  /**
   * What else the validator keeps with them: rows held until the file's
   * conventions are known, and the document's counts (see validate.ts).
   */
  pending?: unknown;
}

/** How mention offsets count characters: Unicode code points or UTF-16 units. */
export type OffsetUnit = 'codepoint' | 'utf16';

export function range(line: number, start: number, endLine: number, end: number): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

export function lineRange(line: number, start: number, end: number): Range {
  return range(line, start, line, end);
}
