// Helpers for the preview tests: the model of one document, the text a
// mention's segments show, and checks that hold for any document.

import assert from 'node:assert/strict';
import type { ParsedFile, PubtatorDocument } from '../../../../server/src/service/parse/model';
import type { PreviewDocument, PreviewOptions } from '../../../../server/src/service/languageService';
import { service } from '../support';

/** The model of the document on `line` of `text` (the current one of its window). */
export function modelAt(text: string, line = 0, options?: PreviewOptions): PreviewDocument {
  const w = service.preview(service.parse(text), { line, around: 0 }, options);
  assert.equal(w.documents.length, 1);
  return w.documents[w.current];
}

/** The text of the segments a mention covers, passage by passage. */
export function shownText(doc: PreviewDocument, mention: number): string[] {
  return doc.passages
    .map((p) => p.segments.filter((s) => s.stack.includes(mention)).map((s) => s.text).join(''))
    .filter((t) => t !== '');
}

/** Segments with more than one mention over them, as "text[stack]". */
export function layered(doc: PreviewDocument): string[] {
  return doc.passages.flatMap((p) => p.segments.filter((s) => s.stack.length > 1).map((s) => `${s.text}${JSON.stringify(s.stack)}`));
}

/**
 * What must hold for every document, whatever the file: segments rebuild each
 * passage exactly and follow each other; every drawn mention shows exactly the
 * text its offsets cover; stacks are outermost first and hold only drawn
 * mentions; graph positions are numbers inside the picture; relation ends
 * point at real mentions and nodes.
 */
export function assertWellFormed(file: ParsedFile, source: PubtatorDocument, doc: PreviewDocument, label: string): void {
  assert.equal(doc.passages.length, source.passages.length, `${label}: passages`);
  doc.passages.forEach((p, k) => {
    assert.equal(p.segments.map((s) => s.text).join(''), source.passages[k].text.text, `${label}: passage ${k} rebuilt`);
    let at = 0;
    for (const s of p.segments) {
      assert.equal(s.from, at, `${label}: segment order`);
      assert.ok(s.text.length > 0, `${label}: empty segment`);
      at += s.text.length;
      for (let i = 1; i < s.stack.length; i++) {
        assert.ok(doc.mentions[s.stack[i - 1]].level <= doc.mentions[s.stack[i]].level, `${label}: stack outermost first`);
      }
      for (const i of s.stack) assert.ok(doc.mentions[i].placed, `${label}: stack holds a mention not drawn`);
    }
  });
  doc.mentions.forEach((m, i) => {
    if (!m.placed) {
      assert.ok(['out-of-range', 'bad-offsets'].includes(m.status), `${label}: mention ${i} (${m.status}) not drawn`);
      assert.ok(m.problem, `${label}: mention ${i} not drawn says why`);
      return;
    }
    const covered = m.covered ?? m.text;
    const shown = shownText(doc, i);
    // A span across passages skips the space that joins them (and a span may end on that space).
    const joined = shown.join(' ');
    if (joined !== covered) assert.equal(joined, covered.replace(/^ | $/g, ''), `${label}: mention ${i} on line ${m.line + 1} shows its covered text`);
    if (m.status === 'mismatch') assert.ok(m.problem && m.covered !== undefined, `${label}: mismatch says what it covers`);
  });
  const g = doc.graph;
  for (const v of g.nodes) {
    for (const value of [v.x, v.y, v.labelX, v.labelY]) assert.ok(Number.isFinite(value), `${label}: node position`);
    assert.ok(v.x >= 0 && v.x <= g.width && v.y >= 0 && v.y <= g.height, `${label}: node ${v.id} inside the picture`);
    for (const i of v.mentions) assert.ok(i >= 0 && i < doc.mentions.length, `${label}: node mention index`);
  }
  for (const e of g.edges) {
    assert.ok(e.relation < doc.relations.length && e.from < g.nodes.length && e.to < g.nodes.length, `${label}: edge indices`);
    assert.doesNotMatch(e.d, /NaN|Infinity/, `${label}: edge path`);
  }
  for (const r of doc.relations) {
    for (const end of r.ends) {
      if (end.node !== undefined) assert.ok(end.node < g.nodes.length, `${label}: relation node`);
      for (const i of end.mentions) assert.ok(i < doc.mentions.length, `${label}: relation mention`);
    }
  }
  void file;
}
