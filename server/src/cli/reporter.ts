// How `check` prints: one reporter per output format. A reporter is fed the
// diagnostics in output order and the summary at the end; it writes whole
// lines through LineOutput, so a long run prints as it goes. The formats
// implement this interface; reporterRegistry picks one by name.

import { CHECKS } from '../service/checks/index';
import type { SeveritySettings } from '../service/checks/check';
import type { Diagnostic } from '../service/types';
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
  /** Severities in colour (text output on a terminal; colour.ts). */
  colour?: boolean;
}

/** A code's level in this run: the user's choice, else the check's default. */
export function levelOf(code: string, severities: SeveritySettings): string {
  return severities[code] ?? CHECKS.find((c) => c.code === code)?.defaultSeverity ?? '';
}
