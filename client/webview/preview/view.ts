// What a rendered document hands back to main.ts (the elements of each
// mention, relation and node) and the actions its controls call. Types only,
// below render.ts and graph.ts, which both use them.

import type { PreviewDocument } from '../../src/preview/protocol';

export interface Rendered {
  /** The view's top-level parts, in order (header, text, mentions not placed, relations). */
  parts: HTMLElement[];
  /** The document the parts' listeners act on: redraws of the same document that keep a part update it. */
  live: { doc: PreviewDocument };
  /** Built pieces a redraw of the same document may keep (see keep.ts). */
  kept: Kept;
  /** Segment elements of each mention (in the text), by mention index. */
  segments: HTMLElement[][];
  /** Relation list items, by relation index. */
  relations: HTMLElement[];
  /** Graph node and edge elements, by node and by relation index. */
  nodes: SVGElement[];
  edges: Map<number, SVGElement>;
}

/** What a redraw of the same document can take over instead of building it again, by content key. */
export interface Kept {
  /** Passage blocks (paragraphs), by passage and block position. */
  blocks: KeptBlock[][];
  /** Passage groups (a long passage's wrapper), by passage position. */
  groups: (HTMLElement | undefined)[];
  /** Relation list items. */
  relations: Map<string, KeptRelation[]>;
  graph?: KeptGraph;
  text?: HTMLElement;
  relationSection?: HTMLElement;
  relationList?: HTMLOListElement;
}

export interface KeptBlock {
  block: HTMLElement;
  /** The class it was made with. */
  kind: string;
  /** Its pieces in order, each with its key (everything it shows but row numbers and mention indices). */
  pieces: { key: string; piece: KeptPiece }[];
}

/** A piece of a passage block: a plain text node, or a highlight and the type labels after it. */
export interface KeptPiece {
  /** The piece's nodes in order: a text node, or a highlight and its labels. */
  nodes: Node[];
  span?: HTMLElement;
  labels: HTMLElement[];
  /** The highlight's data-line as last written (read back from here, not from the DOM). */
  line?: string;
}

/** The relation graph of the last drawing: its parts, and its nodes and edges by content key (graph.ts). */
export interface KeptGraph {
  key: string;
  root: SVGSVGElement;
  nodes: SVGElement[];
  edges: Map<number, SVGElement>;
  /** Node groups, and edge groups with their labels, by everything they show but indices and rows. */
  pool?: { nodes: Map<string, SVGElement[]>; edges: Map<string, [SVGElement, SVGElement][]> };
  layers?: { edges: SVGGElement; labels: SVGGElement; nodes: SVGGElement };
}

/** A relation item, with the index and row it last showed (read back from here, not from the DOM). */
export interface KeptRelation {
  li: HTMLElement;
  remove: HTMLElement;
  index: number;
  line: number;
}

export type Selection = { kind: 'relation' | 'node'; index: number };

export interface Actions {
  reveal(line: number, start: number, end: number): void;
  /** Emphasise a relation's concepts, or a concept's mentions, in the text (undefined: none). */
  select(selection: Selection | undefined): void;
  showDocument(index: number): void;
  exportAs(format: 'html' | 'svg'): void;
  toggleLabels(): void;
  /** Ask for a relation row to be deleted (by its index in the document's relations). */
  deleteRelation(index: number): void;
}
