// What a rendered document hands back to main.ts (the elements of each
// mention, relation and node) and the actions its controls call. Types only,
// below render.ts and graph.ts, which both use them.

export interface Rendered {
  root: DocumentFragment;
  /** Segment elements of each mention (in the text), by mention index. */
  segments: HTMLElement[][];
  /** Relation list items, by relation index. */
  relations: HTMLElement[];
  /** Graph node and edge elements, by node and by relation index. */
  nodes: SVGElement[];
  edges: Map<number, SVGElement>;
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
