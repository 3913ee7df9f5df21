// The passages of a document cut into segments at every mention boundary,
// each segment with the stack of mentions covering it. Nested mentions (a gene
// inside a disease name), overlapping ones (two rows on the same words, or
// spans that cross) and spans across the title/abstract join all come out
// right, because nothing is flattened: a segment lists every mention over it.
// Each drawn mention also gets a bar level, the same on all its segments, so
// renderers can draw an outer mention's bar unbroken under the inner ones.

import type { MentionSpanCheck } from '../../analysis/analyseDocument';
import type { PubtatorDocument } from '../../parse/model';
import type { PreviewPassage, PreviewSegment } from './model';

/** A mention drawn in the text: its span in UTF-16 indices of the document text. */
export interface PlacedSpan {
  mention: number;
  start: number;
  end: number;
}

/** Spans whose offsets are usable: inside the text, start before end (wrong text or not). */
export function placedSpans(checks: readonly MentionSpanCheck[]): PlacedSpan[] {
  const out: PlacedSpan[] = [];
  checks.forEach((c, i) => {
    if (c.span && c.span.end > c.span.start && c.status !== 'bad-offsets' && c.status !== 'out-of-range') {
      out.push({ mention: i, start: c.span.start, end: c.span.end });
    }
  });
  // Outer before inner: by start, then the longer first, then row order.
  return out.sort((a, b) => a.start - b.start || b.end - a.end || a.mention - b.mention);
}

/**
 * Bar levels by greedy interval colouring in that order: a span takes the
 * lowest level no span still open at its start holds, so a mention nested in
 * another sits one level above it. Returns level per mention index.
 */
export function barLevels(spans: readonly PlacedSpan[], mentionCount: number): Int32Array {
  const level = new Int32Array(mentionCount);
  const open: { end: number; level: number }[] = [];
  for (const s of spans) {
    for (let i = open.length - 1; i >= 0; i--) if (open[i].end <= s.start) open.splice(i, 1);
    let l = 0;
    while (open.some((o) => o.level === l)) l++;
    level[s.mention] = l;
    open.push({ end: s.end, level: l });
  }
  return level;
}

function passageKind(marker: string): PreviewPassage['kind'] {
  const m = marker.trim().toLowerCase();
  if (m === 't' || m === 'title') return 'title';
  if (m === 'a' || m === 'abstract') return 'abstract';
  return 'passage';
}

/** Each passage of the document as segments; `spans` sorted as placedSpans sorts them. */
export function passageSegments(doc: PubtatorDocument, spans: readonly PlacedSpan[], level: Int32Array): PreviewPassage[] {
  return doc.passages.map((p, k) => {
    const from = doc.passageStarts[k];
    const text = p.text.text;
    return {
      marker: p.marker.text,
      kind: passageKind(p.marker.text),
      line: p.line,
      textStart: p.text.start,
      segments: cut(text, from, spans, level),
    };
  });
}

/** Segments of one passage, `offset` being where it starts in the document text. */
function cut(text: string, offset: number, spans: readonly PlacedSpan[], level: Int32Array): PreviewSegment[] {
  const end = offset + text.length;
  const inside = spans.filter((s) => s.start < end && s.end > offset);
  if (inside.length === 0) return text === '' ? [] : [{ text, from: 0, stack: [] }];
  const points = new Set<number>([offset, end]);
  for (const s of inside) {
    points.add(Math.max(offset, s.start));
    points.add(Math.min(end, s.end));
  }
  const cuts = [...points].sort((a, b) => a - b);
  const out: PreviewSegment[] = [];
  let next = 0;
  let open: PlacedSpan[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const a = cuts[i];
    const b = cuts[i + 1];
    while (next < inside.length && inside[next].start <= a) open.push(inside[next++]);
    open = open.filter((s) => s.end > a);
    const stack = open.map((s) => s.mention).sort((x, y) => level[x] - level[y] || x - y);
    out.push({ text: text.slice(a - offset, b - offset), from: a - offset, stack });
  }
  return out;
}
