// "Save Preview as SVG": the current document's rendering as one
// self-contained SVG file for slides and papers: its id and counts, a legend,
// the passages wrapped with every mention highlighted (background in the
// innermost mention's family tint, one bar per mention at its level, wrong
// spans in red), the mentions that are not in the text, and the relation
// graph. No scripts, no external resources; all text escaped. Each text piece
// is drawn at the width it was laid out with (textLength), so highlights stay
// under their words whatever font the viewer substitutes.

import { describeMention, graphSvg } from './exportParts';
import { escapeMarkup, num } from './markup';
import { BAR, BAR_STEP, ERROR, FAMILY_COLOUR, INK, MUTED, RULE } from './palette';
import { textWidth } from './textMetrics';
import type { PreviewDocument, PreviewMention, PreviewPassage } from './model';

const WIDTH = 800;
const MARGIN = 24;
const TEXT_WIDTH = WIDTH - 2 * MARGIN;
const FONT = 'Helvetica, Arial, sans-serif';

interface Piece {
  text: string;
  x: number;
  width: number;
  stack: number[];
}

interface Line {
  pieces: Piece[];
}

/** Words and the spaces between them, each with its segment's stack. */
function tokens(p: PreviewPassage): { text: string; stack: number[]; space: boolean }[] {
  const out: { text: string; stack: number[]; space: boolean }[] = [];
  for (const s of p.segments) {
    for (const m of s.text.matchAll(/\s+|\S+/g)) out.push({ text: m[0].replace(/\s/g, ' '), stack: s.stack, space: /^\s/.test(m[0]) });
  }
  return out;
}

/** Greedy word wrap at `width`; a word wider than a line is broken where it must be. */
export function wrapPassage(p: PreviewPassage, fontSize: number, bold: boolean, width = TEXT_WIDTH): Line[] {
  const lines: Line[] = [{ pieces: [] }];
  let x = 0;
  const put = (text: string, stack: number[]) => {
    const w = textWidth(text, fontSize, bold);
    const pieces = lines[lines.length - 1].pieces;
    const last = pieces[pieces.length - 1];
    if (last && last.stack === stack) {
      last.text += text;
      last.width += w;
    } else {
      pieces.push({ text, x, width: w, stack });
    }
    x += w;
  };
  const newLine = () => {
    lines.push({ pieces: [] });
    x = 0;
  };
  for (const t of tokens(p)) {
    if (t.space) {
      if (x > 0) put(t.text, t.stack);
      continue;
    }
    let word = t.text;
    if (x > 0 && x + textWidth(word, fontSize, bold) > width) newLine();
    while (textWidth(word, fontSize, bold) > width) {
      let cut = 1;
      while (cut < word.length && textWidth(word.slice(0, cut + 1), fontSize, bold) <= width - x) cut++;
      put(word.slice(0, cut), t.stack);
      word = word.slice(cut);
      newLine();
    }
    if (word) put(word, t.stack);
  }
  // Spaces at the end of a line are not drawn.
  for (const line of lines) {
    const last = line.pieces[line.pieces.length - 1];
    if (!last) continue;
    const kept = last.text.replace(/ +$/, '');
    if (kept === '') line.pieces.pop();
    else if (kept !== last.text) {
      last.text = kept;
      last.width = textWidth(kept, fontSize, bold);
    }
  }
  return lines.filter((l) => l.pieces.length > 0);
}

const WRONG = new Set(['mismatch', 'boundary', 'out-of-range', 'bad-offsets']);

function isWrong(m: PreviewMention): boolean {
  return WRONG.has(m.status);
}

/** Highlights and text of one wrapped line whose baseline is at `y`. */
function drawLine(doc: PreviewDocument, line: Line, y: number, fontSize: number, bold: boolean, out: string[]): void {
  const top = y - fontSize * 0.95;
  const bottom = y + fontSize * 0.3;
  for (const p of line.pieces) {
    if (p.stack.length === 0) continue;
    const inner = doc.mentions[p.stack[p.stack.length - 1]];
    const title = p.stack.map((i) => describeMention(doc.mentions[i])).join('\n\n');
    const shapes = [`<rect x="${num(MARGIN + p.x)}" y="${num(top)}" width="${num(p.width)}" height="${num(bottom - top)}" fill="${FAMILY_COLOUR[inner.family].tint}"/>`];
    for (const i of p.stack) {
      const m = doc.mentions[i];
      const barY = bottom + 1 + m.level * BAR_STEP;
      shapes.push(isWrong(m)
        ? `<line x1="${num(MARGIN + p.x)}" y1="${num(barY + BAR / 2)}" x2="${num(MARGIN + p.x + p.width)}" y2="${num(barY + BAR / 2)}" stroke="${ERROR}" stroke-width="${BAR}" stroke-dasharray="3 2"/>`
        : `<rect x="${num(MARGIN + p.x)}" y="${num(barY)}" width="${num(p.width)}" height="${BAR}" fill="${FAMILY_COLOUR[m.family].strong}"/>`);
    }
    out.push(`<g><title>${escapeMarkup(title)}</title>${shapes.join('')}</g>`);
  }
  const spans = line.pieces.map((p) =>
    `<tspan x="${num(MARGIN + p.x)}" textLength="${num(p.width)}" lengthAdjust="spacing">${escapeMarkup(p.text)}</tspan>`);
  out.push(`<text y="${num(y)}" font-size="${fontSize}"${bold ? ' font-weight="bold"' : ''} fill="${INK}">${spans.join('')}</text>`);
}

function deepestLevel(doc: PreviewDocument, line: Line): number {
  let deepest = -1;
  for (const p of line.pieces) for (const i of p.stack) deepest = Math.max(deepest, doc.mentions[i].level);
  return deepest;
}

export function previewSvg(doc: PreviewDocument): string {
  const body: string[] = [];
  let y = MARGIN + 18;
  body.push(`<text x="${MARGIN}" y="${y}" font-size="18" font-weight="bold" fill="${INK}">${escapeMarkup(`Document ${doc.id}`)}</text>`);
  y += 20;
  body.push(`<text x="${MARGIN}" y="${y}" font-size="12" fill="${MUTED}">${escapeMarkup(countsLine(doc))}</text>`);
  y += 20;
  let x = MARGIN;
  for (const f of doc.families) {
    const label = `${f.label} ${f.count}`;
    body.push(`<rect x="${num(x)}" y="${num(y - 10)}" width="12" height="12" rx="2" fill="${FAMILY_COLOUR[f.family].strong}"/>`
      + `<text x="${num(x + 16)}" y="${num(y)}" font-size="12" fill="${INK}">${escapeMarkup(label)}</text>`);
    x += 16 + textWidth(label, 12) + 18;
  }
  y += 16;
  for (const p of doc.passages) {
    const title = p.kind === 'title';
    const size = title ? 16 : 14;
    y += title ? 10 : 8;
    const lines = wrapPassage(p, size, title);
    // One line height for the passage, with room for its deepest bars.
    const depth = Math.max(0, ...lines.map((l) => deepestLevel(doc, l) + 1));
    for (const line of lines) {
      y += size * 1.25;
      drawLine(doc, line, y, size, title, body);
      y += size * 0.35 + depth * BAR_STEP;
    }
  }
  const unplaced = doc.mentions.filter((m) => !m.placed);
  if (unplaced.length) {
    y += 22;
    body.push(`<text x="${MARGIN}" y="${num(y)}" font-size="13" font-weight="bold" fill="${ERROR}">Mentions not in the text</text>`);
    for (const m of unplaced) {
      y += 18;
      body.push(`<g><title>${escapeMarkup(describeMention(m))}</title><text x="${MARGIN}" y="${num(y)}" font-size="12" fill="${INK}">${escapeMarkup(`line ${m.line + 1}: "${m.text}" (${m.type}) at ${m.offsets}: ${m.problem ?? ''}`)}</text></g>`);
    }
  }
  if (doc.graph.nodes.length) {
    y += 28;
    body.push(`<line x1="${MARGIN}" y1="${num(y - 14)}" x2="${WIDTH - MARGIN}" y2="${num(y - 14)}" stroke="${RULE}"/>`);
    body.push(`<text x="${MARGIN}" y="${num(y)}" font-size="14" font-weight="bold" fill="${INK}">Relations</text>`);
    y += 8;
    const scale = Math.min(1, TEXT_WIDTH / doc.graph.width);
    body.push(graphSvg(doc, doc.graph, MARGIN, y, TEXT_WIDTH, 'pubtator-preview'));
    y += doc.graph.height * scale;
  }
  const height = Math.ceil(y + MARGIN);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}" xml:space="preserve">`,
    `<title>${escapeMarkup(`PubTator document ${doc.id}`)}</title>`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n');
}

/** "12 mentions · 3 relations · 5 concepts · 1 problem (1 error)". */
export function countsLine(doc: PreviewDocument): string {
  const c = doc.counts;
  const n = (k: number, w: string) => `${k} ${w}${k === 1 ? '' : 's'}`;
  let problems = c.problems === 0 ? 'no problems' : n(c.problems, 'problem');
  if (c.errors > 0 && c.errors < c.problems) problems += ` (${n(c.errors, 'error')})`;
  return [n(c.mentions, 'mention'), n(c.relations, 'relation'), n(c.concepts, 'concept'), problems].join(' · ');
}
