// How `check` prints: one reporter per output format. A reporter is fed the
// diagnostics in output order and the summary at the end; it writes whole
// lines through LineOutput, so a long run prints as it goes.

import { CHECKS } from '../service/checks/index';
import type { SeveritySettings } from '../service/checks/check';
import type { Diagnostic } from '../service/types';
import type { TextFix } from '../service/edits/fixText';
import type { OutputFormat } from './args';
import { formatJson, formatSummaryJson, formatSummaryText, formatText, printable } from './format';
import { escapeData, escapeProperty, GithubReporter } from './githubFormat';
import type { LineOutput } from './output';
import { SarifReporter } from './sarif';
import type { Summary } from './summary';

export interface Reporter {
  diagnostic(path: string, d: Diagnostic): void;
  /** The last output of the run. */
  finish(summary: Summary): void;
}

export interface ReporterOptions {
  severities: SeveritySettings;
  /** The paths as given, for tools that record how they were run (SARIF). */
  arguments: readonly string[];
}

class TextReporter implements Reporter {
  constructor(private readonly out: LineOutput, private readonly severities: SeveritySettings) {}

  diagnostic(path: string, d: Diagnostic): void {
    this.out.line(formatText(path, d));
  }

  finish(summary: Summary): void {
    if (summary.codes.size > 0 || summary.unreadable.length > 0) this.out.line('');
    this.out.line(formatSummaryText(summary, (code) => levelOf(code, this.severities)));
  }
}

class JsonReporter implements Reporter {
  constructor(private readonly out: LineOutput) {}

  diagnostic(path: string, d: Diagnostic): void {
    this.out.line(formatJson(path, d));
  }

  finish(summary: Summary): void {
    this.out.line(formatSummaryJson(summary));
  }
}

export function createReporter(format: OutputFormat, out: LineOutput, options: ReporterOptions): Reporter {
  switch (format) {
    case 'text':
      return new TextReporter(out, options.severities);
    case 'json':
      return new JsonReporter(out);
    case 'sarif':
      return new SarifReporter(out, options.severities);
    case 'github':
      return new GithubReporter(out, new TextReporter(out, options.severities));
  }
}

/** A code's level in this run: the user's choice, else the check's default. */
export function levelOf(code: string, severities: SeveritySettings): string {
  return severities[code] ?? CHECKS.find((c) => c.code === code)?.defaultSeverity ?? '';
}

/**
 * One line saying what --fix fixed, in the run's format; `stderr` when stdout
 * must hold nothing else (a SARIF log, or the fixed text itself).
 */
export function formatFixed(format: OutputFormat, path: string, fix: TextFix): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ file: path, line: fix.line, character: fix.character, code: fix.code, fixed: fix.title });
    case 'github':
      return `::notice file=${escapeProperty(path)},line=${fix.line + 1},col=${fix.character + 1},title=${escapeProperty(`pubtator fixed ${fix.code}`)}::${escapeData(fix.title)}`;
    default:
      return `${printable(path)}:${fix.line + 1}:${fix.character + 1}: fixed ${fix.code} ${printable(fix.title)}`;
  }
}
