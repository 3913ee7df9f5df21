// One document's model as DOM: the header (id, PubMed link, counts, legend,
// problems, neighbours), the passages with every mention highlighted (the
// innermost mention's tint behind the text, a bar in its family colour for
// each mention at its level, wrong spans in the error colour), the mentions
// not in the text, and the relations as a graph and a list. Everything from
// the file goes in as textContent. The returned index lets main.ts find the
// elements of a mention, a relation or a node.

import type { PreviewDocument, PreviewMention, PreviewResult, PreviewSegment } from '../../src/preview/protocol';
import { el, link, plural } from './dom';
import { renderGraph } from './graph';
import { emptyKept, put, reconcile, take } from './keep';
import { setLabelMention, setStack } from './mentionsOf';
import type { Actions, Kept, KeptBlock, KeptPiece, KeptRelation, Rendered } from './view';

const WRONG = new Set(['mismatch', 'boundary', 'out-of-range', 'bad-offsets']);
const BAR = 2;
const BAR_STEP = 3;

export function isWrong(m: PreviewMention): boolean {
  return WRONG.has(m.status);
}

/**
 * Draws `doc`. Given the last drawing of the same document (`previous`), the parts whose content is
 * unchanged are taken over from it (keep.ts) instead of being built again.
 */
export function renderDocument(w: PreviewResult, doc: PreviewDocument, fileName: string, labels: boolean, actions: Actions, previous?: Rendered): Rendered {
  const live = previous?.live ?? { doc };
  live.doc = doc;
  const old = previous?.kept;
  const kept = emptyKept();
  const rendered: Rendered = { parts: [], live, kept, segments: doc.mentions.map(() => []), relations: [], nodes: [], edges: new Map() };
  rendered.parts.push(header(w, doc, fileName, labels, actions));
  const text = old?.text ?? el('section', 'text');
  text.setAttribute('aria-label', 'Text');
  kept.text = text;
  // Where each mention ends (its last segment, whatever the passage): its type label goes there.
  const ends = new Map<number, PreviewSegment>();
  for (const p of doc.passages) for (const s of p.segments) for (const i of s.stack) ends.set(i, s);
  reconcile(text, doc.passages.map((p, k) => passage(doc, p, k, labels ? ends : undefined, rendered, old)));
  rendered.parts.push(text);
  const unplaced = doc.mentions.map((m, i) => ({ m, i })).filter(({ m }) => !m.placed);
  if (unplaced.length) rendered.parts.push(unplacedList(unplaced, actions));
  if (doc.relations.length) rendered.parts.push(relationsSection(doc, rendered, actions, old));
  return rendered;
}

function header(w: PreviewResult, doc: PreviewDocument, fileName: string, labels: boolean, actions: Actions): HTMLElement {
  const h = el('header', 'doc-header');
  const top = el('div', 'title-row');
  const h1 = el('h1');
  h1.append('Document ', link(doc.id, doc.pubmed, 'doc-id'));
  top.append(h1);
  const nav = el('nav', 'neighbours');
  const here = w.documents.indexOf(doc);
  const before = w.documents[here - 1];
  const after = w.documents[here + 1];
  const prev = button('‹', before ? `Previous document (${before.id})` : 'No previous document', () => before && actions.showDocument(here - 1));
  prev.disabled = !before;
  const next = button('›', after ? `Next document (${after.id})` : 'No next document', () => after && actions.showDocument(here + 1));
  next.disabled = !after;
  nav.append(prev, el('span', 'position', `${doc.index + 1} of ${w.total} in ${fileName}`), next);
  top.append(nav);
  const tools = el('div', 'tools');
  const labelButton = button(labels ? 'Hide types' : 'Show types', 'Show each mention\'s type after it', actions.toggleLabels);
  labelButton.setAttribute('aria-pressed', String(labels));
  tools.append(labelButton, button('Copy as HTML', 'Copy this document\'s rendering as a self-contained HTML page', () => actions.exportAs('html')),
    button('Save as SVG', 'Save this document\'s rendering as an SVG picture', () => actions.exportAs('svg')));
  top.append(tools);
  h.append(top);
  const c = doc.counts;
  let problems = c.problems === 0 ? 'no problems' : plural(c.problems, 'problem');
  if (c.errors > 0 && c.errors < c.problems) problems += ` (${plural(c.errors, 'error')})`;
  const counts = el('p', 'counts', [plural(c.mentions, 'mention'), plural(c.relations, 'relation'), plural(c.concepts, 'concept'), problems].join(' · '));
  if (c.wrongSpans) counts.append(el('span', 'wrong-count', ` · ${plural(c.wrongSpans, 'wrong span')}`));
  h.append(counts);
  const legend = el('p', 'legend');
  for (const f of doc.families) {
    const item = el('span', `legend-item f-${f.family}`);
    item.append(el('i', 'swatch'), `${f.label} ${f.count}`);
    legend.append(item);
  }
  h.append(legend);
  if (doc.conflicts?.length) {
    // A git merge left both versions of some rows here: say so before anything else.
    const banner = el('p', 'conflict-banner', `${plural(doc.conflicts.length, 'unresolved merge conflict')}: both sides' rows are shown. `);
    const first = doc.conflicts[0];
    banner.append(button(`Go to line ${first + 1}`, 'Go to the first conflict', () => actions.reveal(first, 0, 0)));
    h.append(banner);
  }
  if (doc.problems.length) {
    const details = el('details', 'problems');
    details.open = c.errors > 0;
    details.append(el('summary', undefined, `Problems (${c.problems})`));
    const list = el('ul');
    for (const p of doc.problems) {
      const li = el('li', `problem ${p.severity}`);
      const b = button(`line ${p.line + 1}`, 'Go to the problem', () => actions.reveal(p.line, p.character, p.character));
      li.append(b, el('span', 'code', p.code), el('span', 'message', p.message));
      list.append(li);
    }
    if (c.problems > doc.problems.length) list.append(el('li', 'more', `… and ${c.problems - doc.problems.length} more (see the Problems panel)`));
    details.append(list);
    h.append(details);
  }
  return h;
}

function button(text: string, title: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', undefined, text);
  b.type = 'button';
  b.title = title;
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    onClick();
  });
  return b;
}

/** A long passage (a full-text body) is shown in paragraphs of about this many characters. */
const PARAGRAPH = 900;
/** A sentence end where a paragraph may break: the break goes after the spaces. */
const SENTENCE_END = /[.!?][)\]"'”’]*\s+(?=[A-Z([“"'])/g;
/** Abbreviations a period ends without ending the sentence ("Fig. 3", "et al. Smith"). */
const ABBREVIATION = /\b(?:figs?|refs?|al|vs|e\.g|i\.e|no|eq|ca|approx|dr|mr|ms|st|sp|spp|var)\.$/i;

/** A piece of a passage block: plain text, or a segment covered by mentions. */
type Piece = string | PreviewSegment;

/**
 * A long passage (a full-text body) cut into paragraphs at sentence ends outside any mention,
 * which reads better and lets the browser skip the paragraphs out of sight (content-visibility in
 * the stylesheet). The title stays one block.
 */
function paragraphs(p: PreviewDocument['passages'][number]): Piece[][] {
  const title = p.kind === 'title';
  let block: Piece[] = [];
  const blocks = [block];
  let length = 0;
  for (const s of p.segments) {
    if (s.stack.length > 0) {
      length += s.text.length;
      block.push(s);
      continue;
    }
    let text = s.text;
    if (!title && length + text.length >= PARAGRAPH) {
      // Break at the first sentence end once the paragraph is long enough.
      for (const m of text.matchAll(SENTENCE_END)) {
        const at = m.index! + m[0].length;
        if (length + at < PARAGRAPH || at >= text.length || ABBREVIATION.test(text.slice(Math.max(0, m.index! - 8), m.index! + 1))) continue;
        block.push(text.slice(0, at));
        block = [];
        blocks.push(block);
        text = text.slice(at);
        length = 0;
      }
    }
    block.push(text);
    length += text.length;
  }
  return blocks;
}

/** Which mentions of a segment's stack end there (their type label follows it), innermost first. */
function endingHere(s: PreviewSegment, ends: Map<number, PreviewSegment> | undefined): number[] {
  if (!ends) return [];
  const out: number[] = [];
  for (let k = s.stack.length - 1; k >= 0; k--) if (ends.get(s.stack[k]) === s) out.push(k);
  return out;
}

/**
 * Everything a highlight shows but its row number and mention indices (which an edit above shifts
 * and a kept highlight has rewritten): equal keys draw equal highlights and labels.
 */
function segmentKey(doc: PreviewDocument, s: PreviewSegment, ends: Map<number, PreviewSegment> | undefined): string {
  // Strings from the file are written with their length first, so no content can fake a separator.
  const field = (v: string) => `${v.length}:${v}`;
  let key = `s${s.stack.length};${endingHere(s, ends).join(',')};`;
  for (const i of s.stack) {
    const m = doc.mentions[i];
    key += `${m.family};${m.level};${m.status};${field(m.type)}${field(m.id)}${field(m.side ?? '')}`;
  }
  return key + s.text;
}

/** One passage: a heading for the title, paragraphs for the rest, with what `old` holds of them kept. */
function passage(doc: PreviewDocument, p: PreviewDocument['passages'][number], position: number, ends: Map<number, PreviewSegment> | undefined,
  rendered: Rendered, old: Kept | undefined): HTMLElement {
  const oldBlocks = old?.blocks[position] ?? [];
  const keptBlocks: KeptBlock[] = [];
  rendered.kept.blocks[position] = keptBlocks;
  const blocks = paragraphs(p).map((pieces, k) => {
    const kind = `passage ${p.kind}${k > 0 ? ' continued' : ''}`;
    const before = oldBlocks[k]?.kind === kind ? oldBlocks[k] : undefined;
    const b = before?.block ?? el(p.kind === 'title' ? 'h2' : 'p', kind);
    setData(b, 'line', String(p.line + 1));
    const keys = pieces.map((piece) => (typeof piece === 'string' ? `t${piece}` : segmentKey(doc, piece, ends)));
    const kept = keepSame(before?.pieces ?? [], keys);
    const built: KeptBlock['pieces'] = pieces.map((piece, i) => {
      const reused = kept[i];
      if (typeof piece === 'string') return { key: keys[i], piece: reused ?? { nodes: [document.createTextNode(piece)], labels: [] } };
      const made = reused ? rewrite(doc, piece, ends, reused) : highlight(doc, piece, ends);
      for (const m of piece.stack) rendered.segments[m].push(made.span!);
      return { key: keys[i], piece: made };
    });
    keptBlocks.push({ block: b, kind, pieces: built });
    reconcile(b, built.flatMap((x) => x.piece.nodes));
    return b;
  });
  if (blocks.length === 1) return blocks[0];
  const wrapper = old?.groups[position] ?? el('div', 'passage-group');
  rendered.kept.groups[position] = wrapper;
  reconcile(wrapper, blocks);
  return wrapper;
}

/**
 * The old pieces that the new ones (by key) can keep, by new position: the common start and end
 * stay where they are (an edit changes one place, so its neighbours keep their nodes in order),
 * and between them equal keys are taken in order.
 */
function keepSame(old: KeptBlock['pieces'], keys: string[]): (KeptPiece | undefined)[] {
  const out: (KeptPiece | undefined)[] = new Array(keys.length);
  let start = 0;
  while (start < keys.length && start < old.length && old[start].key === keys[start]) {
    out[start] = old[start].piece;
    start++;
  }
  let end = 0;
  while (end < keys.length - start && end < old.length - start && old[old.length - 1 - end].key === keys[keys.length - 1 - end]) {
    out[keys.length - 1 - end] = old[old.length - 1 - end].piece;
    end++;
  }
  const pool = new Map<string, KeptPiece[]>();
  for (let i = start; i < old.length - end; i++) put(pool, old[i].key, old[i].piece);
  for (let i = start; i < keys.length - end; i++) out[i] = take(pool, keys[i]);
  return out;
}

/** A kept highlight with this drawing's row number (written only where it moved) and mention indices. */
function rewrite(doc: PreviewDocument, s: PreviewSegment, ends: Map<number, PreviewSegment> | undefined, kept: KeptPiece): KeptPiece {
  const span = kept.span!;
  setStack(span, s.stack);
  // Which labels follow is part of the key, so the kept ones come in the same order.
  if (kept.labels.length) endingHere(s, ends).forEach((k, n) => setLabelMention(kept.labels[n], s.stack[k]));
  const line = String(doc.mentions[s.stack[s.stack.length - 1]].line + 1);
  if (kept.line !== line) {
    span.setAttribute('data-line', line);
    kept.line = line;
  }
  return kept;
}

/** Sets a data attribute that may already hold the value (the attribute API: dataset is slower). */
function setData(e: HTMLElement, name: string, value: string): void {
  const attribute = `data-${name}`;
  if (e.getAttribute(attribute) !== value) e.setAttribute(attribute, value);
}

/** A highlight built anew: the segment's text, then the labels of the mentions ending there. */
function highlight(doc: PreviewDocument, s: PreviewSegment, ends: Map<number, PreviewSegment> | undefined): KeptPiece {
  const stack = s.stack.map((i) => doc.mentions[i]);
  const inner = stack[stack.length - 1];
  const wrong = stack.some(isWrong);
  // Inside a merge conflict the two sides often read the same words: mark every side the stack holds.
  const sides = [...new Set(stack.map((m) => m.side).filter((x) => x !== undefined))].map((x) => ` side-${x}`).join('');
  const span = el('span', `seg f-${inner.family}${wrong ? ' wrong' : ''}${sides}`, s.text);
  setStack(span, s.stack);
  span.dataset.type = inner.type;
  span.dataset.id = inner.id;
  span.dataset.line = String(inner.line + 1);
  // One mention at the bottom level: its bar comes from the stylesheet; layers are painted here.
  if (stack.length === 1 && inner.level === 0) span.classList.add('bar1');
  else paintBars(span, stack);
  const built: KeptPiece = { nodes: [span], span, labels: [], line: span.dataset.line };
  // Labels of the mentions ending here, innermost first.
  for (const k of endingHere(s, ends)) {
    const m = stack[k];
    const label = el('span', `label f-${m.family}${isWrong(m) ? ' wrong' : ''}${m.side ? ` side-${m.side}` : ''}`,
      `${m.side ? `${m.side}: ` : ''}${isWrong(m) ? '≠ ' : ''}${m.type.trim() || '(no type)'}`);
    setLabelMention(label, s.stack[k]);
    built.nodes.push(label);
    built.labels.push(label);
  }
  return built;
}

/** One bar per mention at its level (CSSOM, which the CSP allows; no style attribute). */
function paintBars(span: HTMLElement, stack: PreviewMention[]): void {
  const images: string[] = [];
  const positions: string[] = [];
  const sizes: string[] = [];
  let deepest = 0;
  for (const m of stack) {
    const colour = isWrong(m) ? 'var(--wrong)' : `var(--f-${m.family})`;
    images.push(isWrong(m) ? `repeating-linear-gradient(90deg, ${colour} 0 3px, transparent 3px 5px)` : `linear-gradient(${colour}, ${colour})`);
    positions.push(`left 0 bottom ${m.level * BAR_STEP}px`);
    sizes.push(`100% ${BAR}px`);
    deepest = Math.max(deepest, m.level + 1);
  }
  span.style.backgroundImage = images.join(', ');
  span.style.backgroundPosition = positions.join(', ');
  span.style.backgroundSize = sizes.join(', ');
  span.style.paddingBottom = `${deepest * BAR_STEP}px`;
}

function unplacedList(items: { m: PreviewMention; i: number }[], actions: Actions): HTMLElement {
  const section = el('section', 'unplaced');
  section.append(el('h3', undefined, `Mentions not in the text (${items.length})`));
  const list = el('ul');
  for (const { m, i } of items) {
    const li = el('li', `unplaced-item f-${m.family}`);
    li.dataset.mention = String(i);
    li.append(button(`line ${m.line + 1}`, 'Go to the row', () => actions.reveal(m.line, m.rowStart, m.rowEnd)),
      el('span', 'text', `“${m.text}” ${m.type} ${m.offsets}`), el('span', 'why', m.problem ?? ''));
    list.append(li);
  }
  section.append(list);
  return section;
}

/** Everything a relation item shows but its row number and index (set on it each time): equal keys draw equal items. */
function relationKey(doc: PreviewDocument, i: number): string {
  const r = doc.relations[i];
  const ends = r.ends.map((end) => {
    const node = end.node === undefined ? undefined : doc.graph.nodes[end.node];
    return [end.id, end.mentions.length === 0, node?.family, node?.name];
  });
  return JSON.stringify([r.type, r.directed, ends, r.extra]);
}

function relationsSection(doc: PreviewDocument, rendered: Rendered, actions: Actions, old: Kept | undefined): HTMLElement {
  const { live, kept } = rendered;
  const section = old?.relationSection ?? el('section', 'relations');
  kept.relationSection = section;
  const children: Node[] = [el('h3', undefined, `Relations (${doc.relations.length})`)];
  if (doc.graph.nodes.length) children.push(renderGraph(doc, rendered, actions, old?.graph));
  let list = old?.relationList;
  if (!list) {
    list = el('ol', 'relation-list');
    // One listener for the list: a click or Enter on an item selects the relation and goes to its row.
    const choose = (e: Event) => {
      const li = (e.target as Element).closest<HTMLElement>('.relation');
      const r = li ? live.doc.relations[Number(li.dataset.relation)] : undefined;
      if (!li || !r) return;
      actions.select({ kind: 'relation', index: Number(li.dataset.relation) });
      actions.reveal(r.line, r.rowStart, r.rowEnd);
    };
    list.addEventListener('click', choose);
    list.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        choose(e);
      }
    });
  }
  kept.relationList = list;
  const items = doc.relations.map((r, i) => {
    const key = relationKey(doc, i);
    const item = take(old?.relations, key) ?? relationItem(doc, i, actions);
    put(kept.relations, key, item);
    if (item.index !== i) {
      item.li.setAttribute('data-relation', String(i));
      item.index = i;
    }
    if (item.line !== r.line) {
      item.li.setAttribute('data-line', String(r.line + 1));
      item.li.title = `line ${r.line + 1}: select this relation's concepts in the text and its row in the editor`;
      item.remove.title = `Delete this relation (line ${r.line + 1}); Undo brings it back`;
      item.line = r.line;
    }
    rendered.relations[i] = item.li;
    return item.li;
  });
  reconcile(list, items);
  children.push(list);
  reconcile(section, children);
  return section;
}

/** One relation of the list (its index and row number are set by the caller). */
function relationItem(doc: PreviewDocument, i: number, actions: Actions): KeptRelation {
  const r = doc.relations[i];
  const li = el('li', 'relation');
  li.tabIndex = 0;
  li.append(el('span', 'rel-type', r.type));
  r.ends.forEach((end, k) => {
    if (k > 0) li.append(el('span', 'rel-join', r.directed && k === 1 ? ' → ' : ' — '));
    const node = end.node === undefined ? undefined : doc.graph.nodes[end.node];
    const name = el('span', `rel-end${node ? ` f-${node.family}` : ''}${end.mentions.length === 0 ? ' dangling' : ''}`, node ? node.name : end.id || '(no id)');
    name.title = end.mentions.length === 0 ? `${end.id}: no mention of this document carries it` : end.id;
    li.append(name);
  });
  if (r.extra.length) li.append(el('span', 'rel-extra', r.extra.join(' ')));
  const remove = button('×', '', () => actions.deleteRelation(Number(li.dataset.relation)));
  remove.className = 'rel-delete';
  li.append(remove);
  return { li, remove, index: -1, line: -1 };
}
