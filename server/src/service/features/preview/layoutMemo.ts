// The graph layout of the last few documents, by what it is computed from
// (the nodes' names, the edges' ends, labels and direction): an edit that
// leaves a document's relations as they were (a new mention, a retype, a
// resize) is drawn again without laying the graph out again. The layout is a
// pure function of those, so a remembered one is the one it would compute.

import { layoutGraph, type Layout, type LayoutEdge, type LayoutNode } from './graphLayout';

/** Documents remembered: the preview's window (the current one and its neighbours) with room to spare. */
const KEEP = 16;
/** Below this many nodes a layout is cheaper than its key. */
const SMALL = 8;

const remembered = new Map<string, Layout>();

export function rememberedLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Layout {
  if (nodes.length < SMALL) return layoutGraph(nodes, edges);
  const key = JSON.stringify([nodes.map((v) => v.name), edges.map((e) => [e.from, e.to, e.label, e.directed])]);
  const known = remembered.get(key);
  if (known) {
    // Most recently used last, so that the oldest is the one dropped.
    remembered.delete(key);
    remembered.set(key, known);
    return known;
  }
  const layout = layoutGraph(nodes, edges);
  remembered.set(key, layout);
  if (remembered.size > KEEP) remembered.delete(remembered.keys().next().value!);
  return layout;
}
