// A deterministic layout for the relation graph: the same document always
// gives the same picture (the SVG export is a pure function of the file), and
// no renderer has to lay anything out. Nodes start on a circle in order of
// first appearance and settle by a fixed number of Fruchterman-Reingold steps
// (repulsion between all nodes, attraction along edges, cooling); the work is
// bounded so a document with hundreds of related concepts still lays out in a
// few milliseconds. Edges between the same pair bend apart; a relation of a
// concept with itself is a loop.

import { fitText, textWidth } from './textMetrics';

export const NODE_RADIUS = 8;
export const LABEL_FONT = 12;
export const EDGE_FONT = 10;
const LABEL_WIDTH = 150;
const MARGIN = 16;
/** Pair computations the force steps may spend (n² per step). */
const FORCE_BUDGET = 200_000;
const MAX_STEPS = 150;
const MIN_STEPS = 10;
/** Bend between parallel edges, in pixels. */
const PARALLEL_GAP = 26;

export interface LayoutNode {
  name: string;
}

export interface LayoutEdge {
  from: number;
  to: number;
  label: string;
  directed: boolean;
}

export interface PlacedNode {
  x: number;
  y: number;
  r: number;
  label: string;
  labelX: number;
  labelY: number;
}

export interface PlacedEdge {
  d: string;
  labelX: number;
  labelY: number;
}

export interface Layout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

const round = (v: number) => Math.round(v * 10) / 10;

export function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): Layout {
  const n = nodes.length;
  if (n === 0) return { width: 0, height: 0, nodes: [], edges: [] };
  const { xs, ys } = settle(n, edges);
  const labels = nodes.map((v) => fitText(v.name, LABEL_WIDTH, LABEL_FONT));
  // Translate so that every node, its label and its loops fit inside the margin.
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  const loops = new Set(edges.filter((e) => e.from === e.to).map((e) => e.from));
  for (let i = 0; i < n; i++) {
    const half = Math.max(NODE_RADIUS, textWidth(labels[i], LABEL_FONT) / 2);
    minX = Math.min(minX, xs[i] - half);
    maxX = Math.max(maxX, xs[i] + half);
    minY = Math.min(minY, ys[i] - NODE_RADIUS - (loops.has(i) ? 48 : 0));
    maxY = Math.max(maxY, ys[i] + NODE_RADIUS + LABEL_FONT + 6);
  }
  const dx = MARGIN - minX;
  const dy = MARGIN - minY;
  const placed: PlacedNode[] = nodes.map((_, i) => ({
    x: round(xs[i] + dx),
    y: round(ys[i] + dy),
    r: NODE_RADIUS,
    label: labels[i],
    labelX: round(xs[i] + dx),
    labelY: round(ys[i] + dy + NODE_RADIUS + LABEL_FONT + 2),
  }));
  return {
    width: Math.ceil(maxX - minX + 2 * MARGIN),
    height: Math.ceil(maxY - minY + 2 * MARGIN),
    nodes: placed,
    edges: routeEdges(placed, edges),
  };
}

/** Node positions around (0, 0) after the force steps. */
function settle(n: number, edges: readonly LayoutEdge[]): { xs: Float64Array; ys: Float64Array } {
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  // Ideal edge length; the frame grows with the number of nodes.
  const k = 110;
  const frame = k * Math.max(1.5, Math.sqrt(n));
  const start = Math.max(k / 2, (n * k) / (2 * Math.PI) / 2);
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n - Math.PI / 2;
    xs[i] = n === 1 ? 0 : start * Math.cos(a);
    ys[i] = n === 1 ? 0 : start * Math.sin(a);
  }
  if (n < 2) return { xs, ys };
  const pairs = uniquePairs(edges);
  const steps = Math.max(MIN_STEPS, Math.min(MAX_STEPS, Math.floor(FORCE_BUDGET / (n * n))));
  const fx = new Float64Array(n);
  const fy = new Float64Array(n);
  for (let step = 0; step < steps; step++) {
    fx.fill(0);
    fy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = xs[i] - xs[j];
        let ddy = ys[i] - ys[j];
        let dist = Math.sqrt(ddx * ddx + ddy * ddy);
        if (dist < 0.01) {
          // Coincident nodes: push apart along a direction fixed by their indices.
          ddx = Math.cos(i + j);
          ddy = Math.sin(i + j);
          dist = 0.01;
        }
        const f = (k * k) / dist / dist;
        fx[i] += ddx * f;
        fy[i] += ddy * f;
        fx[j] -= ddx * f;
        fy[j] -= ddy * f;
      }
    }
    for (const [a, b] of pairs) {
      const ddx = xs[a] - xs[b];
      const ddy = ys[a] - ys[b];
      const dist = Math.max(0.01, Math.sqrt(ddx * ddx + ddy * ddy));
      const f = dist / k;
      fx[a] -= ddx * f;
      fy[a] -= ddy * f;
      fx[b] += ddx * f;
      fy[b] += ddy * f;
    }
    // A weak pull to the centre keeps unconnected parts from drifting apart.
    const temperature = (k * (steps - step)) / steps;
    for (let i = 0; i < n; i++) {
      fx[i] -= xs[i] * 0.05;
      fy[i] -= ys[i] * 0.05;
      const len = Math.sqrt((fx[i]) * (fx[i]) + (fy[i]) * (fy[i]));
      if (len > 0) {
        const move = Math.min(len, temperature);
        xs[i] += (fx[i] / len) * move;
        ys[i] += (fy[i] / len) * move;
      }
      xs[i] = Math.max(-frame, Math.min(frame, xs[i]));
      ys[i] = Math.max(-frame, Math.min(frame, ys[i]));
    }
  }
  turnLengthwise(xs, ys);
  return { xs, ys };
}

/**
 * Turns the picture so that its longest extent runs across (views and pages
 * are wider than tall): a rotation onto the principal axis of the positions.
 */
function turnLengthwise(xs: Float64Array, ys: Float64Array): void {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i] / n;
    my += ys[i] / n;
  }
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const cos = Math.cos(-angle);
  const sin = Math.sin(-angle);
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    xs[i] = dx * cos - dy * sin;
    ys[i] = dx * sin + dy * cos;
  }
}

function uniquePairs(edges: readonly LayoutEdge[]): [number, number][] {
  const seen = new Set<string>();
  const out: [number, number][] = [];
  for (const e of edges) {
    if (e.from === e.to) continue;
    const a = Math.min(e.from, e.to);
    const b = Math.max(e.from, e.to);
    const key = `${a},${b}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push([a, b]);
    }
  }
  return out;
}

/** Paths from rim to rim; edges of one pair spread apart, self-relations as loops above the node. */
function routeEdges(nodes: readonly PlacedNode[], edges: readonly LayoutEdge[]): PlacedEdge[] {
  const groups = new Map<string, number[]>();
  edges.forEach((e, i) => {
    const key = `${Math.min(e.from, e.to)},${Math.max(e.from, e.to)}`;
    const list = groups.get(key);
    if (list) list.push(i);
    else groups.set(key, [i]);
  });
  const out: PlacedEdge[] = new Array(edges.length);
  for (const list of groups.values()) {
    list.forEach((edgeIndex, k) => {
      const e = edges[edgeIndex];
      out[edgeIndex] = e.from === e.to ? loop(nodes[e.from], k) : curve(nodes, e, (k - (list.length - 1) / 2) * PARALLEL_GAP);
    });
  }
  return out;
}

function loop(v: PlacedNode, k: number): PlacedEdge {
  const h = 30 + 14 * k;
  const w = 18 + 6 * k;
  const top = v.y - v.r;
  return {
    d: `M${round(v.x - 4)} ${round(top)}C${round(v.x - w)} ${round(top - h)} ${round(v.x + w)} ${round(top - h)} ${round(v.x + 4)} ${round(top)}`,
    labelX: round(v.x),
    labelY: round(top - h * 0.75 - 4),
  };
}

function curve(nodes: readonly PlacedNode[], e: LayoutEdge, bend: number): PlacedEdge {
  const a = nodes[e.from];
  const b = nodes[e.to];
  // The normal is taken from the lower-numbered node, so opposite edges of a pair bend apart too.
  const [p, q] = e.from < e.to ? [a, b] : [b, a];
  const len = Math.max(0.01, Math.sqrt((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y)));
  const nx = -(q.y - p.y) / len;
  const ny = (q.x - p.x) / len;
  const cx = (a.x + b.x) / 2 + nx * bend * 2;
  const cy = (a.y + b.y) / 2 + ny * bend * 2;
  const towards = (from: PlacedNode, x: number, y: number, by: number) => {
    const l = Math.max(0.01, Math.sqrt((x - from.x) * (x - from.x) + (y - from.y) * (y - from.y)));
    return [from.x + ((x - from.x) / l) * by, from.y + ((y - from.y) / l) * by];
  };
  const [x1, y1] = towards(a, cx, cy, a.r + 1);
  const [x2, y2] = towards(b, cx, cy, b.r + (e.directed ? 3 : 1));
  return {
    d: bend === 0
      ? `M${round(x1)} ${round(y1)}L${round(x2)} ${round(y2)}`
      : `M${round(x1)} ${round(y1)}Q${round(cx)} ${round(cy)} ${round(x2)} ${round(y2)}`,
    labelX: round(0.25 * a.x + 0.5 * cx + 0.25 * b.x),
    labelY: round(0.25 * a.y + 0.5 * cy + 0.25 * b.y),
  };
}
