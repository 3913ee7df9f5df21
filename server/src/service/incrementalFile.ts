// A file that stays parsed while the user types. An edit re-scans only the
// documents it touches (plus their neighbours when no blank line separates
// them); the documents after it are moved, not parsed again, and their
// diagnostics are reused, shifted to their new lines.

import { LazyDocument } from './parse/lazyDocument';
import type { MalformedLine, ParsedFile } from './parse/model';
import { parsePubtator } from './parse/parseFile';
import { firstEndingAtOrAfter, lastStartingAtOrBefore } from './parse/documentSearch';
import { carryFileCounts } from './features/fileIndex';
import type { Diagnostic } from './types';
import { validateFileReusing, type ConventionState, type FileLevelDiagnostics, type ValidationOptions } from './validate';
import { partitionPoint } from './sortedSearch';

export interface LineEdit {
  /** First line the edit touched, in the old text. */
  startLine: number;
  /** Last line the edit touched, in the old text. */
  endLine: number;
  /** Last line of the replacement, in the new text. */
  newEndLine: number;
}

export class IncrementalFile {
  private parsed: ParsedFile;
  /** File-level diagnostics of the last run, kept while no edit changes document ids or moves lines. */
  private fileLevel: FileLevelDiagnostics | undefined;
  /** The file's counts and held rows as of the last run, updated edit by edit. */
  private conventions: ConventionState | undefined;

  constructor(text: string) {
    this.parsed = parsePubtator(text);
  }

  get file(): ParsedFile {
    return this.parsed;
  }

  /** Replaces the whole text (a full-sync edit, or too many changes at once). */
  reset(text: string): void {
    this.parsed = parsePubtator(text);
    this.fileLevel = undefined;
    this.conventions = undefined;
  }

  /**
   * Takes one edit. `lines(first, last)` gives the new text of lines first to
   * last (without the line break after the last): only the edited documents
   * are read, never the whole new text, so an edit costs the same in a 1 MB
   * and a 50 MB file. Documents after the edit keep reading the text they
   * were parsed from; only their line numbers move.
   */
  applyEdit(edit: LineEdit, lines: (first: number, last: number) => string): void {
    const old = this.parsed;
    const docs = old.documents as LazyDocument[];
    const lineDelta = edit.newEndLine - edit.endLine;

    // Documents within a line of the edit (the line before decides whether the
    // edited line continues a document), then widened forward over documents
    // and stray lines that follow without a blank line: the edit may change
    // which document they belong to. Nothing earlier can change: the scan only
    // looks back one line.
    let i = firstEndingAtOrAfter(docs, edit.startLine - 1);
    let j = lastStartingAtOrBefore(docs, edit.endLine + 1);
    let regionStart = edit.startLine;
    let regionEnd = edit.endLine;
    if (i <= j) {
      regionStart = Math.min(regionStart, docs[i].startLine);
      regionEnd = Math.max(regionEnd, docs[j].endLine);
    }
    for (;;) {
      if (j + 1 < docs.length && docs[j + 1].startLine <= regionEnd + 1) regionEnd = Math.max(regionEnd, docs[++j].endLine);
      else if (isStray(old.stray, regionEnd + 1)) regionEnd++;
      else break;
    }
    if (i > j) i = j + 1;
    const newRegionEnd = regionEnd + lineDelta;
    const newLineCount = old.lineCount + lineDelta;

    const previousId = i > 0 ? docs[i - 1].id : undefined;
    const region = parsePubtator(lines(regionStart, newRegionEnd), { firstLine: regionStart, previousId });

    const after = docs.slice(j + 1);
    for (const d of after) d.moveLines(lineDelta);
    const lastId = region.documents.length ? region.documents[region.documents.length - 1].id : previousId;
    if (after.length) (after[0] as LazyDocument).continuesPrevious = after[0].id === lastId;

    const stray: MalformedLine[] = [];
    for (const s of old.stray) {
      if (s.line < regionStart) stray.push(s);
      else if (s.line > regionEnd) stray.push(shiftLine(s, lineDelta));
    }
    stray.push(...region.stray);
    stray.sort((a, b) => a.line - b.line);

    const next: ParsedFile = {
      lineCount: newLineCount,
      documents: [...docs.slice(0, i), ...region.documents, ...after],
      stray,
      bom: old.bom,
      crlf: old.crlf || region.crlf,
    };
    carryFileCounts(old, next, docs.slice(i, j + 1), region.documents);
    // File-level checks look at document ids, their lines and stray lines:
    // typing inside a row changes none of those.
    const sameIds = j - i + 1 === region.documents.length && region.documents.every((d, k) => d.id === docs[i + k].id && d.startLine === docs[i + k].startLine);
    const sameStray = region.stray.length === 0 && !old.stray.some((s) => s.line >= regionStart && s.line <= regionEnd);
    if (lineDelta !== 0 || !sameIds || !sameStray) this.fileLevel = undefined;
    this.parsed = next;
  }

  /** Diagnostics of the whole file; documents the last edit did not touch reuse theirs. */
  diagnostics(options: ValidationOptions = {}): Diagnostic[] {
    const result = validateFileReusing(this.parsed, options, this.fileLevel, this.conventions);
    this.fileLevel = result.fileLevel;
    this.conventions = result.conventions;
    return result.diagnostics;
  }
}

/** Whether `line` holds a stray line (strays are sorted by line). */
function isStray(stray: MalformedLine[], line: number): boolean {
  const i = partitionPoint(stray.length, (k) => stray[k].line < line);
  return i < stray.length && stray[i].line === line;
}

function shiftLine(s: MalformedLine, delta: number): MalformedLine {
  return delta === 0 ? s : { ...s, line: s.line + delta };
}

