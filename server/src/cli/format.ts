// Output lines: diagnostics as `path:line:col: severity code message` for
// people (1-based line and column, the column in UTF-16 units as editors
// count), or one JSON object per line with LSP's 0-based positions; and the
// end-of-run summary in either form.

import type { Diagnostic } from '../service/types';
import { Severity } from '../service/types';
import { paint } from './colour';
import { count, plural } from './numbers';
import type { Summary } from './summary';

export type SeverityWord = 'error' | 'warning' | 'information' | 'hint';

export function severityWord(s: Severity): SeverityWord {
  return s === Severity.Error ? 'error' : s === Severity.Warning ? 'warning' : s === Severity.Information ? 'information' : 'hint';
}

/** Control characters (newlines, terminal escapes) shown as `?` so one diagnostic stays one line. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
}

/** `colour`: the severity word in its colour (colour.ts); escapes in the message are shown as `?` either way. */
export function formatText(path: string, d: Diagnostic, colour = false): string {
  const { line, character } = d.range.start;
  const word = severityWord(d.severity);
  return `${printable(path)}:${line + 1}:${character + 1}: ${paint(word, word, colour)} ${d.code} ${printable(d.message)}`;
}

export interface JsonDiagnostic {
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  severity: SeverityWord;
  code: string;
  message: string;
}

export function formatJson(path: string, d: Diagnostic): string {
  const out: JsonDiagnostic = {
    file: path,
    line: d.range.start.line,
    character: d.range.start.character,
    endLine: d.range.end.line,
    endCharacter: d.range.end.character,
    severity: severityWord(d.severity),
    code: d.code,
    message: d.message,
  };
  return JSON.stringify(out);
}

const MB = 1024 * 1024;

/** Sizes for people: KB under a megabyte, else MB (binary units, as MB/s). */
export function formatBytes(bytes: number): string {
  return bytes < MB ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / MB).toFixed(1)} MB`;
}


/** The human summary, several lines, no trailing newline. */
export function formatSummaryText(s: Summary, severityOf: (code: string) => string): string {
  const lines: string[] = [];
  const gz = s.gzipFiles ? ` (${formatBytes(s.rawBytes)} on disk)` : '';
  lines.push(`Checked ${plural(s.files, 'file')}, ${formatBytes(s.textBytes)}${gz}: `
    + `${plural(s.documents, 'document')}, ${plural(s.mentions, 'mention')}, ${plural(s.relations, 'relation')}.`);
  if (s.fixing) lines.push(`Fixed ${plural(s.fixed, 'problem')} in ${plural(s.fixedFiles, 'file')}; left:`);
  lines.push(`${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${count(s.information)} information, ${plural(s.hints, 'hint')}.`);
  const codes = [...s.codes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const width = Math.max(0, ...codes.map(([c]) => c.length));
  for (const [code, n] of codes) lines.push(`  ${code.padEnd(width)}  ${count(n).padStart(7)}  ${severityOf(code)}`);
  if (s.unreadable.length) lines.push(`${plural(s.unreadable.length, 'input')} could not be read (see the messages on stderr).`);
  if (s.schemaProblems.length) lines.push(`The corpus schema has ${plural(s.schemaProblems.length, 'problem')} (see the messages on stderr); what could be used of it was used.`);
  lines.push(`Elapsed ${(s.elapsedMs / 1000).toFixed(2)} s, ${s.throughput.toFixed(1)} MB/s.`);
  return lines.join('\n');
}

/** The summary as the last JSON line: `{"summary": {...}}`. */
export function formatSummaryJson(s: Summary): string {
  return JSON.stringify({
    summary: {
      files: s.files,
      unreadable: s.unreadable.map((p) => ({ file: p.path, reason: p.reason })),
      schemaProblems: s.schemaProblems,
      documents: s.documents,
      mentions: s.mentions,
      relations: s.relations,
      errors: s.errors,
      warnings: s.warnings,
      information: s.information,
      hints: s.hints,
      codes: Object.fromEntries(s.codes),
      ...(s.fixing ? { fixed: s.fixed, fixedFiles: s.fixedFiles } : {}),
      bytes: s.textBytes,
      bytesOnDisk: s.rawBytes,
      elapsedSeconds: Math.round(s.elapsedMs) / 1000,
      mbPerSecond: Math.round(s.throughput * 100) / 100,
    },
  });
}
