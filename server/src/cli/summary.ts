// Counts for the end-of-run summary, gathered chunk by chunk.

import type { Counts } from '../service/streamingValidator';
import type { Diagnostic } from '../service/types';
import { Severity } from '../service/types';
import type { InputProblem } from './discover';

export class Summary {
  files = 0;
  gzipFiles = 0;
  documents = 0;
  mentions = 0;
  relations = 0;
  errors = 0;
  warnings = 0;
  information = 0;
  hints = 0;
  /** Per code, in order of first appearance. */
  readonly codes = new Map<string, number>();
  readonly unreadable: InputProblem[] = [];
  /** Problems of corpus schema files (said on stderr; the usable part of each schema applies). */
  readonly schemaProblems: string[] = [];
  /** --fix: whether this run fixes; the problems fixed, and the files written. */
  fixing = false;
  fixed = 0;
  fixedFiles = 0;
  /** Bytes read from disk (compressed for .gz) and bytes of text checked. */
  rawBytes = 0;
  textBytes = 0;
  elapsedMs = 0;

  addCounts(counts: Counts): void {
    this.documents += counts.documents;
    this.mentions += counts.mentions;
    this.relations += counts.relations;
  }

  addDiagnostics(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) {
      if (d.severity === Severity.Error) this.errors++;
      else if (d.severity === Severity.Warning) this.warnings++;
      else if (d.severity === Severity.Information) this.information++;
      else this.hints++;
      this.codes.set(d.code, (this.codes.get(d.code) ?? 0) + 1);
    }
  }

  /** MB (2^20 bytes) of text per second. */
  get throughput(): number {
    return this.elapsedMs > 0 ? this.textBytes / (1024 * 1024) / (this.elapsedMs / 1000) : 0;
  }
}
