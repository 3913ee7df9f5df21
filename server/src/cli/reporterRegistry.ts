// The output formats of `check` and `fix` by name: the reporter for a run,
// and the line that says what --fix fixed in that format.

import type { TextFix } from '../service/edits/fixText';
import type { OutputFormat } from './args';
import { printable } from './format';
import { escapeData, escapeProperty, GithubReporter } from './githubFormat';
import type { LineOutput } from './output';
import { JsonReporter, TextReporter } from './plainReporters';
import type { Reporter, ReporterOptions } from './reporter';
import { SarifReporter } from './sarif';

export function createReporter(format: OutputFormat, out: LineOutput, options: ReporterOptions): Reporter {
  switch (format) {
    case 'text':
      return new TextReporter(out, options.severities, options.colour);
    case 'json':
      return new JsonReporter(out);
    case 'sarif':
      return new SarifReporter(out, options.severities);
    case 'github':
      return new GithubReporter(out, new TextReporter(out, options.severities));
  }
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
