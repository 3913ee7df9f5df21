// The relation graph as SVG, at the positions the service laid out: nodes in
// their family colour (a dashed ring for an id no mention carries), edges
// with their type, arrowheads for directed types. Scales down to the view.

import type { PreviewDocument } from '../../src/preview/protocol';
import { svg } from './dom';
import type { Actions, Kept, Rendered } from './view';

/** Everything the picture shows but row numbers: equal keys draw equal pictures. */
function graphKey(doc: PreviewDocument): string {
  const g = doc.graph;
  return JSON.stringify([g.width, g.height, g.edges, g.nodes.map(({ mentions, ...rest }) => [rest, mentions.length])]);
}

/** The graph, taken over from the last drawing of this document when it shows the same picture. */
export function renderGraph(doc: PreviewDocument, rendered: Rendered, actions: Actions, old?: Kept['graph']): SVGSVGElement {
  const key = graphKey(doc);
  const kept = old?.key === key ? old : build(doc, rendered, actions, key);
  rendered.kept.graph = kept;
  rendered.nodes = kept.nodes;
  rendered.edges = kept.edges;
  // Only the row numbers in the edges' titles may have moved.
  for (const e of doc.graph.edges) {
    const group = kept.edges.get(e.relation);
    const line = String(doc.relations[e.relation].line + 1);
    if (!group || group.getAttribute('data-line') === line) continue;
    group.setAttribute('data-line', line);
    const title = group.querySelector('title');
    if (title) title.textContent = `${e.label} (line ${line})`;
  }
  return kept.root;
}

function build(doc: PreviewDocument, rendered: Rendered, actions: Actions, key: string): NonNullable<Kept['graph']> {
  const g = doc.graph;
  const nodeElements: SVGElement[] = [];
  const edgeElements = new Map<number, SVGElement>();
  const root = svg('svg', { class: 'graph', viewBox: `0 0 ${g.width} ${g.height}`, width: g.width, height: g.height, role: 'img' });
  root.setAttribute('aria-label', `Relation graph: ${g.nodes.length} concepts, ${g.edges.length} relations`);
  const defs = svg('defs');
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
  marker.append(svg('path', { d: 'M0 0L10 5L0 10z', class: 'arrowhead' }));
  defs.append(marker);
  root.append(defs);
  const edges = svg('g', { class: 'edges' });
  const labels = svg('g', { class: 'edge-labels' });
  for (const e of g.edges) {
    const r = doc.relations[e.relation];
    const group = svg('g', { class: 'edge', tabindex: 0 });
    group.dataset.relation = String(e.relation);
    group.dataset.line = String(r.line + 1);
    const path = svg('path', { d: e.d, class: 'edge-line' });
    if (e.directed) path.setAttribute('marker-end', 'url(#arrow)');
    // A wide transparent twin makes the thin line easy to hit.
    group.append(svg('path', { d: e.d, class: 'edge-hit' }), path);
    const title = svg('title');
    title.textContent = `${e.label} (line ${r.line + 1})`;
    group.append(title);
    edges.append(group);
    edgeElements.set(e.relation, group);
    const label = svg('text', { x: e.labelX, y: e.labelY + 3, class: 'edge-label', 'text-anchor': 'middle' });
    label.textContent = e.label;
    labels.append(label);
  }
  const nodes = svg('g', { class: 'nodes' });
  g.nodes.forEach((v, i) => {
    const group = svg('g', { class: `node f-${v.family}${v.mentions.length === 0 ? ' dangling' : ''}`, tabindex: 0 });
    group.dataset.node = String(i);
    group.dataset.id = v.id;
    group.append(svg('circle', { cx: v.x, cy: v.y, r: v.r }));
    const text = svg('text', { x: v.labelX, y: v.labelY, 'text-anchor': 'middle' });
    text.textContent = v.label;
    const title = svg('title');
    title.textContent = `${v.name}${v.nameSource ? ` (${v.nameSource})` : ''} · ${v.id} · ${v.mentions.length ? `${v.mentions.length} mention${v.mentions.length === 1 ? '' : 's'}` : 'no mention carries this id'}`;
    group.append(text, title);
    nodes.append(group);
    nodeElements[i] = group;
  });
  root.append(edges, labels, nodes);
  // One listener for the picture: an edge selects its relation and goes to its row; a node selects
  // its concept and goes to its mentions, the next one at each click.
  const turn = new Map<number, number>();
  const choose = (e: Event) => {
    const doc = rendered.live.doc;
    const g = doc.graph;
    const target = e.target as Element;
    const edge = target.closest<SVGElement>('.edge');
    const node = target.closest<SVGElement>('.node');
    if (edge) {
      const index = Number(edge.dataset.relation);
      const r = doc.relations[index];
      if (!r) return;
      actions.select({ kind: 'relation', index });
      actions.reveal(r.line, r.rowStart, r.rowEnd);
    } else if (node) {
      const index = Number(node.dataset.node);
      const v = g.nodes[index];
      if (!v) return;
      actions.select({ kind: 'node', index });
      if (v.mentions.length === 0) return;
      const k = turn.get(index) ?? 0;
      turn.set(index, k + 1);
      const m = doc.mentions[v.mentions[k % v.mentions.length]];
      actions.reveal(m.line, m.rowStart, m.rowEnd);
    }
  };
  root.addEventListener('click', choose);
  root.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') choose(e);
  });
  return { key, root, nodes: nodeElements, edges: edgeElements };
}
