// What a comparison says in the file being judged: a diagnostic per
// difference, with what its quick fix needs. Plain data, below the code that
// makes these (pairDiagnostics) and the code that shows them (editorView, lsp).

import type { Range, Severity } from '../types';

export const COMPARE_SOURCE = 'compare';

export type CompareCode =
  | 'extra-mention' | 'missing-mention' | 'wrong-type' | 'wrong-span' | 'wrong-id' | 'extra-relation' | 'missing-relation';

/** What a quick fix needs, checked again against the file before any edit is made. */
export interface CompareFixData {
  /** The document group (groupKey) and the block within it. */
  group: string;
  block: number;
  /** The row of this file the diagnostic is about, and what it held. */
  row?: { line: number; start?: number; end?: number; type: string; id?: string };
  /** The reference's mention: to add, or to take the span, type or id from. */
  gold?: { start: number; end: number; text: string; type: string; id: string };
  /** The reference's relation, to add. */
  relation?: { type: string; ids: [string, string] };
}

/** A line of either file a diagnostic refers to (the editor turns it into a link). */
export interface CompareRelated {
  side: 'gold' | 'predicted';
  line: number;
  message: string;
}

export interface CompareDiagnostic {
  range: Range;
  severity: Severity;
  code: CompareCode;
  message: string;
  source: typeof COMPARE_SOURCE;
  /** Where the reference has the item (or this file its partner); lines move with their documents. */
  related: CompareRelated[];
  data: { compare: CompareFixData };
}
