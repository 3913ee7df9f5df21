// `--format text` (one line per diagnostic, then the human summary) and
// `--format json` (one JSON object per line, then the summary object).

import type { SeveritySettings } from '../service/checks/check';
import type { Diagnostic } from '../service/types';
import { formatJson, formatSummaryJson, formatSummaryText, formatText } from './format';
import type { LineOutput } from './output';
import { levelOf, type Reporter } from './reporter';
import type { Summary } from './summary';

export class TextReporter implements Reporter {
  constructor(private readonly out: LineOutput, private readonly severities: SeveritySettings, private readonly colour = false) {}

  diagnostic(path: string, d: Diagnostic): void {
    this.out.line(formatText(path, d, this.colour));
  }

  finish(summary: Summary): void {
    if (summary.codes.size > 0 || summary.unreadable.length > 0) this.out.line('');
    this.out.line(formatSummaryText(summary, (code) => levelOf(code, this.severities)));
  }
}

export class JsonReporter implements Reporter {
  constructor(private readonly out: LineOutput) {}

  diagnostic(path: string, d: Diagnostic): void {
    this.out.line(formatJson(path, d));
  }

  finish(summary: Summary): void {
    this.out.line(formatSummaryJson(summary));
  }
}
