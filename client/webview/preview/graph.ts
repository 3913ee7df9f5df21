// The relation graph as SVG, at the positions the service laid out: nodes in
// their family colour (a dashed ring for an id no mention carries), edges
// with their type, arrowheads for directed types. Scales down to the view.

import type { PreviewDocument } from '../../src/preview/protocol';
import { svg } from './dom';
import { put, reconcile, take } from './keep';
import type { Actions, Kept, Rendered } from './view';

/** Everything the picture shows but row numbers: equal keys draw equal pictures. */
function graphKey(doc: PreviewDocument): string {
  const g = doc.graph;
  return JSON.stringify([g.width, g.height, g.edges, g.nodes.map(({ mentions, ...rest }) => [rest, mentions.length])]);
}

/** The graph, taken over from the last drawing of this document when it shows the same picture, else redrawn keeping what did not change. */
export function renderGraph(doc: PreviewDocument, rendered: Rendered, actions: Actions, old?: Kept['graph']): SVGSVGElement {
  const key = graphKey(doc);
  const kept = old?.key === key ? old : build(doc, rendered, actions, key, old);
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

/** Everything a node draws but its index. */
function nodeKey(v: PreviewDocument['graph']['nodes'][number]): string {
  return JSON.stringify([v.id, v.name, v.nameSource, v.family, v.x, v.y, v.r, v.label, v.labelX, v.labelY, v.mentions.length]);
}

/** Everything an edge and its label draw but the relation's index and row. */
function edgeKey(e: PreviewDocument['graph']['edges'][number]): string {
  return JSON.stringify([e.d, e.directed, e.label, e.labelX, e.labelY]);
}

/** Sets an attribute only when it differs (kept elements mostly hold it already). */
function setAttr(e: Element, name: string, value: string): void {
  if (e.getAttribute(name) !== value) e.setAttribute(name, value);
}

/**
 * The picture for `doc`. Given the last one (another key: relations or concepts changed), its
 * root, layers and the nodes and edges that draw the same are kept, their indices rewritten.
 */
function build(doc: PreviewDocument, rendered: Rendered, actions: Actions, key: string, old?: Kept['graph']): NonNullable<Kept['graph']> {
  const g = doc.graph;
  const nodeElements: SVGElement[] = [];
  const edgeElements = new Map<number, SVGElement>();
  const pool: NonNullable<NonNullable<Kept['graph']>['pool']> = { nodes: new Map(), edges: new Map() };
  const reuse = old?.layers ? old : undefined;
  const root = reuse?.root ?? svg('svg');
  setAttr(root, 'class', 'graph');
  setAttr(root, 'viewBox', `0 0 ${g.width} ${g.height}`);
  setAttr(root, 'width', String(g.width));
  setAttr(root, 'height', String(g.height));
  setAttr(root, 'role', 'img');
  setAttr(root, 'aria-label', `Relation graph: ${g.nodes.length} concepts, ${g.edges.length} relations`);
  let layers = reuse?.layers;
  if (!layers) {
    const defs = svg('defs');
    const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(svg('path', { d: 'M0 0L10 5L0 10z', class: 'arrowhead' }));
    defs.append(marker);
    layers = { edges: svg('g', { class: 'edges' }), labels: svg('g', { class: 'edge-labels' }), nodes: svg('g', { class: 'nodes' }) };
    root.append(defs, layers.edges, layers.labels, layers.nodes);
    listen(root, rendered, actions);
  }
  const edgeParts: SVGElement[] = [];
  const labelParts: SVGElement[] = [];
  for (const e of g.edges) {
    const r = doc.relations[e.relation];
    const k = edgeKey(e);
    let pair = take(reuse?.pool?.edges, k);
    if (!pair) {
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
      const label = svg('text', { x: e.labelX, y: e.labelY + 3, class: 'edge-label', 'text-anchor': 'middle' });
      label.textContent = e.label;
      pair = [group, label];
    } else {
      // The row number is set by the caller (renderGraph), the index here.
      setAttr(pair[0], 'data-relation', String(e.relation));
    }
    put(pool.edges, k, pair);
    edgeParts.push(pair[0]);
    labelParts.push(pair[1]);
    edgeElements.set(e.relation, pair[0]);
  }
  const nodeParts = g.nodes.map((v, i) => {
    const k = nodeKey(v);
    let group = take(reuse?.pool?.nodes, k);
    if (!group) {
      group = svg('g', { class: `node f-${v.family}${v.mentions.length === 0 ? ' dangling' : ''}`, tabindex: 0 });
      group.dataset.node = String(i);
      group.dataset.id = v.id;
      group.append(svg('circle', { cx: v.x, cy: v.y, r: v.r }));
      const text = svg('text', { x: v.labelX, y: v.labelY, 'text-anchor': 'middle' });
      text.textContent = v.label;
      const title = svg('title');
      title.textContent = `${v.name}${v.nameSource ? ` (${v.nameSource})` : ''} · ${v.id} · ${v.mentions.length ? `${v.mentions.length} mention${v.mentions.length === 1 ? '' : 's'}` : 'no mention carries this id'}`;
      group.append(text, title);
    } else {
      setAttr(group, 'data-node', String(i));
    }
    put(pool.nodes, k, group);
    nodeElements[i] = group;
    return group;
  });
  reconcile(layers.edges, edgeParts);
  reconcile(layers.labels, labelParts);
  reconcile(layers.nodes, nodeParts);
  return { key, root, nodes: nodeElements, edges: edgeElements, pool, layers };
}

/**
 * One listener for the picture: an edge selects its relation and goes to its row; a node selects
 * its concept and goes to its mentions, the next one at each click (of the document drawn now).
 */
function listen(root: SVGSVGElement, rendered: Rendered, actions: Actions): void {
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
}
