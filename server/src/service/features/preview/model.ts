// The reading view's model: what the preview webview and the HTML/SVG exports
// draw for one document, worked out here so that renderers only draw. Plain
// JSON-safe data: the server sends it as is. Every string that comes from the
// file is raw text; renderers must escape it (exports do, the webview sets
// textContent).

import type { EntityFamily } from '../../knowledge/entityTypes';
import type { SpanStatus } from '../../analysis/analyseDocument';

/** What the preview is asked for: the document at a position, and how many on each side. */
export interface PreviewRequest {
  line: number;
  /** UTF-16 character on the line; picks the mention under the cursor on a passage line. */
  character?: number;
  /** Documents before and after the current one to include (default 1, at most 5). */
  around?: number;
}

/** The current document, a few around it, and what the cursor is on. */
export interface PreviewWindow {
  /** Documents in the whole file. */
  total: number;
  /** Index into `documents` of the document at the requested line; -1 when the file has none. */
  current: number;
  documents: PreviewDocument[];
  /** What the cursor is on in the current document. */
  focus?: PreviewFocus;
}

export type PreviewFocus =
  | { kind: 'mention'; index: number }
  | { kind: 'relation'; index: number }
  | { kind: 'passage'; index: number };

export interface PreviewDocument {
  /** Index of the document in the file. */
  index: number;
  id: string;
  /** PubMed URL when the id is a PMID (all digits). */
  pubmed?: string;
  startLine: number;
  endLine: number;
  passages: PreviewPassage[];
  mentions: PreviewMention[];
  relations: PreviewRelation[];
  graph: RelationGraph;
  problems: PreviewProblem[];
  /** Lines opening an unresolved git merge conflict (<<<<<<<) in or just before the document: both sides' rows are in it. */
  conflicts?: number[];
  /** While adjudicating: how many of the other annotator's rows are shown beside this document's (mentions with side `theirs`). */
  theirRows?: number;
  counts: PreviewCounts;
  /** Families that occur, with their mention counts, in a fixed order (the legend). */
  families: { family: EntityFamily; label: string; count: number }[];
}

export interface PreviewCounts {
  mentions: number;
  relations: number;
  /** Distinct concepts the mentions carry. */
  concepts: number;
  problems: number;
  errors: number;
  warnings: number;
  /** Mentions whose offsets cover other text, run past the end or are not numbers. */
  wrongSpans: number;
}

export interface PreviewPassage {
  /** The marker as written: `t`, `a`, `title`, `abstract`, `body` ... */
  marker: string;
  kind: 'title' | 'abstract' | 'passage';
  /** The passage's line, and where its text starts on that line (UTF-16). */
  line: number;
  textStart: number;
  /** The passage text cut where mentions start and end. */
  segments: PreviewSegment[];
}

export interface PreviewSegment {
  text: string;
  /** UTF-16 index of the segment in its passage's text. */
  from: number;
  /** Mentions covering the segment (indices into `mentions`), outermost first. */
  stack: number[];
}

export interface PreviewMention {
  /** The row's line (0-based) and the range of the whole row on it. */
  line: number;
  rowStart: number;
  rowEnd: number;
  /** The row's text, type and id columns as written. */
  text: string;
  type: string;
  family: EntityFamily;
  id: string;
  /** The offsets as written, e.g. `15-23`. */
  offsets: string;
  status: SpanStatus;
  /** What the offsets cover when that differs from the row's text (`mismatch`, `minor`). */
  covered?: string;
  /** Why a wrong span is wrong, in a sentence, for tooltips and lists. */
  problem?: string;
  /** The span runs from one passage into the next. */
  crossesPassages?: boolean;
  /** Whether the span is drawn in the text (usable offsets inside the text). */
  placed: boolean;
  /** Bar level when drawn: 0 for the outermost, higher for mentions nested in others. */
  level: number;
  /** The concepts the id names (several for a composite id). */
  concepts: PreviewConceptRef[];
  /** Inside an unresolved git merge conflict: which side's row it is (drawn in that side's colour). */
  side?: 'ours' | 'theirs';
}

export interface PreviewConceptRef {
  /** The id part as written (a whole variant id for variants). */
  id: string;
  /** The concept's name: from MeSH or NCBI when known, else as the document writes it most often. */
  name?: string;
  /** Where the name comes from: `MeSH 2025`, `NCBI Gene`, `this document`. */
  nameSource?: string;
  /** The authority's page for the id (fixed https prefixes only, see links.ts). */
  url?: string;
  urlLabel?: string;
  /** A composite mention's own text for this part (BC5CDR's 7th column). */
  partText?: string;
}

export interface PreviewRelation {
  line: number;
  rowStart: number;
  rowEnd: number;
  type: string;
  /** Whether the type reads one way (CID: the chemical induces the disease). */
  directed: boolean;
  ends: PreviewRelationEnd[];
  /** Columns after the ids (BioRED novelty), as written. */
  extra: string[];
}

export interface PreviewRelationEnd {
  id: string;
  /** Graph node of the concept; undefined for a no-id marker (`-`, `-1`, empty). */
  node?: number;
  /** Mentions that carry the id (empty: the id dangles). */
  mentions: number[];
}

/** The relations as a graph of concepts, laid out (pixels) so that every renderer draws the same picture. */
export interface RelationGraph {
  width: number;
  height: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface GraphNode {
  id: string;
  /** The concept's name (see PreviewConceptRef.name), or the id when nothing names it. */
  name: string;
  nameSource?: string;
  /** The name cut to the width the layout gave it. */
  label: string;
  family: EntityFamily;
  /** Mentions carrying the concept (empty: no mention carries it). */
  mentions: number[];
  x: number;
  y: number;
  /** Node radius. */
  r: number;
  /** Where the label is drawn (its centre line; text-anchor middle). */
  labelX: number;
  labelY: number;
}

export interface GraphEdge {
  relation: number;
  from: number;
  to: number;
  label: string;
  directed: boolean;
  /** SVG path data, from node rim to node rim (a curve when several edges join the same pair). */
  d: string;
  /** Centre of the edge label. */
  labelX: number;
  labelY: number;
}

export interface PreviewProblem {
  line: number;
  character: number;
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  message: string;
}
