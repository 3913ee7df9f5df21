// Pieces both exports draw the same way: the relation graph as SVG markup,
// and the plain-text description of a mention (the tooltip).

import { EDGE_FONT, LABEL_FONT } from './graphLayout';
import { escapeMarkup, num } from './markup';
import { ERROR, FAMILY_COLOUR, INK, MUTED } from './palette';
import type { PreviewDocument, PreviewMention, RelationGraph } from './model';

/** Tooltip text of a mention: type, ids and names, its row, and what is wrong with its span. */
export function describeMention(m: PreviewMention): string {
  const parts = [`${m.type.trim() || '(no type)'} · ${m.id.trim() || '(no id)'}`];
  for (const c of m.concepts) {
    if (!c.name && !c.partText) continue;
    const name = c.name ? `${c.name}${c.nameSource ? ` (${c.nameSource})` : ''}` : '';
    parts.push(`${c.id}: ${[c.partText ? `"${c.partText}"` : '', name].filter(Boolean).join(' — ')}`);
  }
  parts.push(`line ${m.line + 1}: "${m.text}" at ${m.offsets}`);
  if (m.problem) parts.push(m.problem);
  else if (m.status === 'minor' && m.covered !== undefined) parts.push(`The offsets cover "${m.covered}" (differs only in case, dashes, spaces or Greek spelling).`);
  if (m.crossesPassages) parts.push('The span runs from one passage into the next.');
  return parts.join('\n');
}

/** The graph as an SVG group at (x, y), scaled down to `maxWidth` when wider; `idPrefix` keeps marker ids unique. */
export function graphSvg(doc: PreviewDocument, graph: RelationGraph, x: number, y: number, maxWidth: number, idPrefix: string): string {
  if (graph.nodes.length === 0) return '';
  const scale = graph.width > maxWidth ? maxWidth / graph.width : 1;
  const arrow = `${idPrefix}-arrow`;
  const out = [
    `<g transform="translate(${num(x)} ${num(y)})${scale < 1 ? ` scale(${scale.toFixed(4)})` : ''}" font-family="Helvetica, Arial, sans-serif">`,
    `<defs><marker id="${arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${MUTED}"/></marker></defs>`,
  ];
  for (const e of graph.edges) {
    const r = doc.relations[e.relation];
    out.push(`<g><title>${escapeMarkup(`${e.label}: ${r.ends.map((end) => end.id).join(' → ')} (line ${r.line + 1})`)}</title>`
      + `<path d="${escapeMarkup(e.d)}" fill="none" stroke="${MUTED}" stroke-width="1.3"${e.directed ? ` marker-end="url(#${arrow})"` : ''}/></g>`);
  }
  for (const e of graph.edges) {
    out.push(`<text x="${num(e.labelX)}" y="${num(e.labelY + EDGE_FONT / 3)}" font-size="${EDGE_FONT}" text-anchor="middle" fill="${MUTED}" stroke="#ffffff" stroke-width="3" paint-order="stroke">${escapeMarkup(e.label)}</text>`);
  }
  for (const v of graph.nodes) {
    const colour = FAMILY_COLOUR[v.family].strong;
    const dangling = v.mentions.length === 0;
    const fill = dangling ? '#ffffff' : colour;
    const stroke = dangling ? ERROR : '#ffffff';
    out.push(`<g><title>${escapeMarkup(`${v.name} · ${v.id}${dangling ? ' · no mention carries this id' : ` · ${v.mentions.length} mention${v.mentions.length === 1 ? '' : 's'}`}`)}</title>`
      + `<circle cx="${num(v.x)}" cy="${num(v.y)}" r="${num(v.r)}" fill="${fill}" stroke="${stroke}" stroke-width="2"${dangling ? ' stroke-dasharray="3 2"' : ''}/>`
      + `<text x="${num(v.labelX)}" y="${num(v.labelY)}" font-size="${LABEL_FONT}" text-anchor="middle" fill="${INK}">${escapeMarkup(v.label)}</text></g>`);
  }
  out.push('</g>');
  return out.join('\n');
}
