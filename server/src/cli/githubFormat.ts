// `--format github`: GitHub Actions workflow commands, one per diagnostic
// (`::error file=…,line=…,col=…::message`), so a pull request shows each
// problem on its line; then the human summary as plain log lines. Escaping as
// the Actions toolkit does it: `%`, CR and LF in every value, and also `:` and
// `,` in properties.

import type { Diagnostic } from '../service/types';
import { Severity } from '../service/types';
import type { LineOutput } from './output';
import type { Reporter } from './reporter';
import type { Summary } from './summary';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Actions knows error, warning and notice; information and hints are notices. */
function command(severity: Severity): string {
  return severity === Severity.Error ? 'error' : severity === Severity.Warning ? 'warning' : 'notice';
}

export function formatGithub(path: string, d: Diagnostic): string {
  const { start, end } = d.range;
  const properties: [string, string | number][] = [
    ['file', path],
    ['line', start.line + 1],
    ['endLine', end.line + 1],
    ['col', start.character + 1],
    // 1-based and just past the range, as ESLint and SARIF count end columns.
    ['endColumn', end.character + 1],
    ['title', `pubtator ${d.code}`],
  ];
  const props = properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${command(d.severity)} ${props}::${escapeData(d.message)}`;
}

export class GithubReporter implements Reporter {
  /** `summary` prints the human summary at the end (plain lines in the log). */
  constructor(private readonly out: LineOutput, private readonly summary: Reporter) {}

  diagnostic(path: string, d: Diagnostic): void {
    this.out.line(formatGithub(path, d));
  }

  finish(summary: Summary): void {
    this.summary.finish(summary);
  }
}
