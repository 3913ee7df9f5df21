// The parsed form of a PubTator file. Every field keeps its line and its
// UTF-16 character range on that line, so diagnostics and features can point
// at the field itself.

import type { ConflictMarker } from './conflictMarkers';
import type { ConceptRef } from './conceptIds';
import type { CachedDiagnostics } from '../types';

export interface Field {
  text: string;
  /** UTF-16 character range of the field on its line. */
  start: number;
  end: number;
}

export interface PassageLine {
  kind: 'passage';
  line: number;
  docId: Field;
  /** The marker between the bars: `t`, `a`, `title`, `abstract`, `body` ... */
  marker: Field;
  /** The passage text (after the second `|`). */
  text: Field;
}

export interface MentionRow {
  kind: 'mention';
  line: number;
  pmid: Field;
  startField: Field;
  endField: Field;
  textField: Field;
  typeField?: Field;
  idField?: Field;
  /** Columns after the id (BC5CDR composite texts, tmVar2 `RSID:`). */
  extra: Field[];
  /** Parsed offsets; undefined when the field is not a non-negative integer. */
  start?: number;
  end?: number;
  concept: ConceptRef;
}

export interface RelationRow {
  kind: 'relation';
  line: number;
  pmid: Field;
  typeField: Field;
  idFields: Field[];
  concepts: ConceptRef[];
  /** Columns after the two ids (BioRED novelty). */
  extra: Field[];
}

export interface MalformedLine {
  kind: 'malformed';
  line: number;
  fields: Field[];
  reason: string;
  /** A git conflict marker line (conflictMarkers.ts): which one. */
  conflict?: ConflictMarker;
  /** The line rewritten with TABs, when it is a mention row separated by spaces (spacedRow.ts). */
  tabbed?: string;
}

export type Row = PassageLine | MentionRow | RelationRow | MalformedLine;

/**
 * One document. The header fields are known from the scan of the file; the
 * rows are parsed on first read and can be released again (see lazyDocument.ts).
 */
export interface PubtatorDocument {
  /** Document id from its first line (a PMID, or any id the corpus uses). */
  readonly id: string;
  readonly startLine: number;
  /** Last non-blank line of the document. */
  readonly endLine: number;
  passages: PassageLine[];
  title?: PassageLine;
  abstract?: PassageLine;
  /** Passage texts joined by single spaces: what offsets count into. */
  text: string;
  /** UTF-16 index in `text` where each passage starts. */
  passageStarts: number[];
  /** Whether `text` holds surrogate pairs (code point and UTF-16 offsets differ). */
  astral: boolean;
  mentions: MentionRow[];
  relations: RelationRow[];
  malformed: MalformedLine[];
  /** Passage lines that came after annotation rows of this document. */
  latePassages: PassageLine[];
  /** Whether the previous document had the same id (NLM-Chem: one block per passage). */
  readonly continuesPrevious: boolean;
  /** Per-document caches (analysis, offset tables); dropped with the rows on release. */
  readonly cache: Map<unknown, unknown>;
  /** Whether the rows are parsed right now. */
  readonly materialized: boolean;
  /** Drops the parsed rows and caches to save memory; reading any row parses them again. */
  release(): void;
  /** This document's diagnostics, kept by validateFileReusing while its text is unchanged. */
  checked?: CachedDiagnostics;
}

/**
 * A value cached on a document until its rows are released. `make` is given
 * the document: on a hot path pass a function made once, not a closure made
 * per call. V8 keeps a closure's optimized code only while a closure made at
 * that place is alive, so one that dies after each call is compiled again
 * after every full collection.
 */
export function cached<T>(doc: PubtatorDocument, key: object, make: (doc: PubtatorDocument) => T): T {
  let value = doc.cache.get(key) as T | undefined;
  if (value === undefined) {
    value = make(doc);
    doc.cache.set(key, value);
  }
  return value;
}

export interface ParsedFile {
  /** Lines of the text parsed. */
  lineCount: number;
  /** Line of that text's first line when it is a part of a larger file (a chunk); absent for a whole file. */
  firstLine?: number;
  documents: PubtatorDocument[];
  /** Non-blank lines that belong to no document (before any passage line). */
  stray: MalformedLine[];
  /** A byte-order mark at the very start was skipped. */
  bom: boolean;
  crlf: boolean;
}
