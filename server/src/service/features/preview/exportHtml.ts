// "Copy Preview as HTML": the current document's rendering as one
// self-contained HTML page (inline styles, the graph as inline SVG; no
// scripts, no external resources; all text escaped), light colours for
// documents and slides. Mentions show their description as a native tooltip.

import { describeMention, graphSvg } from './exportParts';
import { countsLine } from './exportSvg';
import { escapeMarkup } from './markup';
import { BAR, BAR_STEP, ERROR, FAMILY_COLOUR, INK, MUTED, RULE } from './palette';
import type { PreviewDocument, PreviewMention, PreviewSegment } from './model';

const WRONG = new Set(['mismatch', 'boundary', 'out-of-range', 'bad-offsets']);

const STYLE = `
body { font-family: Helvetica, Arial, sans-serif; color: ${INK}; background: #ffffff; max-width: 52em; margin: 2em auto; padding: 0 1em; line-height: 1.9; }
h1 { font-size: 1.4em; margin: 0; }
h1 a { color: inherit; }
h2 { font-size: 1.1em; margin: 1.6em 0 0.4em; }
.counts { color: ${MUTED}; margin: 0.2em 0; }
.legend span { display: inline-block; margin-right: 1.2em; }
.legend i { display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px; margin-right: 0.3em; vertical-align: -0.05em; }
.passage { margin: 0.6em 0; }
.passage.title { font-size: 1.2em; font-weight: bold; }
.m { border-radius: 2px; }
.unplaced, .problems { color: ${ERROR}; }
table { border-collapse: collapse; font-size: 0.9em; line-height: 1.4; }
td, th { border-bottom: 1px solid ${RULE}; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }
`.trim();

/** Inline style of a highlighted segment: the innermost mention's tint, a bar per mention at its level. */
function segmentStyle(doc: PreviewDocument, stack: number[]): string {
  const layers: string[] = [];
  let deepest = 0;
  for (const i of stack) {
    const m = doc.mentions[i];
    deepest = Math.max(deepest, m.level + 1);
    const colour = WRONG.has(m.status) ? ERROR : FAMILY_COLOUR[m.family].strong;
    const pattern = WRONG.has(m.status)
      ? `repeating-linear-gradient(90deg, ${colour} 0 3px, transparent 3px 5px)`
      : `linear-gradient(${colour}, ${colour})`;
    layers.push(`${pattern} left 0 bottom ${m.level * BAR_STEP}px / 100% ${BAR}px no-repeat`);
  }
  const inner = doc.mentions[stack[stack.length - 1]];
  layers.push(FAMILY_COLOUR[inner.family].tint);
  return `background: ${layers.join(', ')}; padding-bottom: ${deepest * BAR_STEP}px;`;
}

function segmentHtml(doc: PreviewDocument, s: PreviewSegment): string {
  if (s.stack.length === 0) return escapeMarkup(s.text);
  const title = s.stack.map((i) => describeMention(doc.mentions[i])).join('\n\n');
  const types = s.stack.map((i) => doc.mentions[i].type.trim()).join(' ');
  return `<span class="m" data-type="${escapeMarkup(types)}" title="${escapeMarkup(title)}" style="${segmentStyle(doc, s.stack)}">${escapeMarkup(s.text)}</span>`;
}

function conceptCell(doc: PreviewDocument, node: number | undefined, id: string): string {
  if (node === undefined) return escapeMarkup(id.trim() || '(no id)');
  const v = doc.graph.nodes[node];
  const swatch = `<i style="display:inline-block;width:0.7em;height:0.7em;border-radius:50%;background:${v.mentions.length ? FAMILY_COLOUR[v.family].strong : ERROR}"></i>`;
  return `${swatch} ${escapeMarkup(v.name)} <small>${escapeMarkup(id.trim())}</small>`;
}

function unplacedItem(m: PreviewMention): string {
  return `<li>line ${m.line + 1}: “${escapeMarkup(m.text)}” (${escapeMarkup(m.type)}) at ${escapeMarkup(m.offsets)}: ${escapeMarkup(m.problem ?? '')}</li>`;
}

export function previewHtml(doc: PreviewDocument): string {
  const heading = doc.pubmed
    ? `Document <a href="${escapeMarkup(doc.pubmed)}">${escapeMarkup(doc.id)}</a>`
    : `Document ${escapeMarkup(doc.id)}`;
  const out = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeMarkup(`PubTator document ${doc.id}`)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${heading}</h1>`,
    `<p class="counts">${escapeMarkup(countsLine(doc))}</p>`,
    `<p class="legend">${doc.families.map((f) => `<span><i style="background:${FAMILY_COLOUR[f.family].strong}"></i>${escapeMarkup(`${f.label} ${f.count}`)}</span>`).join('')}</p></header>`,
    '<main>',
  ];
  for (const p of doc.passages) {
    out.push(`<p class="passage ${p.kind}">${p.segments.map((s) => segmentHtml(doc, s)).join('')}</p>`);
  }
  const unplaced = doc.mentions.filter((m) => !m.placed);
  if (unplaced.length) out.push('<h2 class="unplaced">Mentions not in the text</h2>', `<ul class="unplaced">${unplaced.map(unplacedItem).join('')}</ul>`);
  if (doc.relations.length) {
    out.push('<h2>Relations</h2>');
    if (doc.graph.nodes.length) {
      const width = Math.min(doc.graph.width, 800);
      const scale = width / Math.max(1, doc.graph.width);
      out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${Math.ceil(doc.graph.height * scale)}" role="img" aria-label="Relation graph">${graphSvg(doc, doc.graph, 0, 0, width, 'pubtator-preview')}</svg>`);
    }
    out.push('<table><thead><tr><th>type</th><th>concept</th><th>concept</th><th>line</th></tr></thead><tbody>');
    for (const r of doc.relations) {
      const [a, b] = r.ends;
      out.push(`<tr><td>${escapeMarkup(r.type)}${r.directed ? ' →' : ''}${r.extra.length ? ` <small>${escapeMarkup(r.extra.join(' '))}</small>` : ''}</td>`
        + `<td>${a ? conceptCell(doc, a.node, a.id) : ''}</td><td>${b ? conceptCell(doc, b.node, b.id) : ''}</td><td>${r.line + 1}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  if (doc.problems.length) {
    out.push('<h2>Problems</h2>', '<ul class="problems">');
    for (const p of doc.problems) out.push(`<li>line ${p.line + 1}: ${escapeMarkup(`${p.severity} ${p.code}: ${p.message}`)}</li>`);
    out.push('</ul>');
  }
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
}
