// Curating in the view: it only sends intents, the extension asks for what is
// missing and the server computes the edit. Words selected in the title or
// abstract ask for a new mention; a mention dragged onto another asks for a
// relation; Tab / Shift+Tab walk the document's mentions and keys act on the
// one walked to (see KEYS, which `?` shows). What the intents name is what the
// view shows: the passage line and UTF-16 range inside its text, the mention
// row's line and columns, and the text version.

import type { FromWebview, PreviewDocument, PreviewMention, ViewIntent, ViewMention } from '../../src/preview/protocol';
import { el } from './dom';
import type { Rendered } from './view';

export interface CurationHost {
  main: HTMLElement;
  /** What is drawn now, and the text version it was computed on. */
  shown(): { doc: PreviewDocument; version: number; rendered: Rendered } | undefined;
  post(message: FromWebview): void;
}

/** Every key of the view, for the help overlay. */
export const KEYS: [string, string][] = [
  ['select words', 'annotate them: pick a type (1-9 or type + Enter), then an id (Enter on an empty line: none)'],
  ['drag a mention onto another', 'relate their concepts: pick a relation type'],
  ['Tab / Shift+Tab', 'walk the mentions of the document'],
  ['T', 'retype the mention'],
  ['I', 'change its id'],
  ['Delete / Backspace', 'delete it (asks about relations that lose their last mention)'],
  ['Shift+→ / Shift+←', 'move its end a word right / left'],
  ['Alt+← / Alt+→', 'move its start a word left / right'],
  ['drag an end of it', 'move that end to the word where it is dropped (Alt: exactly there)'],
  ['A / Shift+A', 'annotate every other occurrence of its text in the document / the file'],
  ['R, then Tab to another mention and Enter', 'relate the two'],
  ['× or Delete on a relation in the list', 'delete the relation'],
  ['Ctrl+Z / Ctrl+Y', 'undo / redo in the file'],
  ['Escape', 'leave the mention; close this help'],
  ['?', 'show or hide this help'],
];

/** How near (pixels) to an end of the walked-to mention a press takes that end. */
const EDGE_PX = 5;

export function mentionRef(m: PreviewMention): ViewMention {
  return { line: m.line, offsets: m.offsets, text: m.text, type: m.type, id: m.id };
}

/** The text of a passage element up to a point, type labels left out. */
function textBefore(root: Element, node: Node, offset: number): number {
  const r = document.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  const fragment = r.cloneContents();
  for (const label of fragment.querySelectorAll('.label')) label.remove();
  return (fragment.textContent ?? '').length;
}

/** The passage block a DOM point is in, and the element its text counts from (a long passage's group). */
function passageOf(node: Node): { line: number; root: Element } | undefined {
  const start = node instanceof Element ? node : node.parentElement;
  const block = start?.closest<HTMLElement>('.passage');
  if (!block) return undefined;
  const group = block.parentElement?.classList.contains('passage-group') ? block.parentElement : block;
  return { line: Number(block.dataset.line) - 1, root: group };
}

export function installCuration(host: CurationHost): { redrawn(): void; deleteRelation(index: number): void } {
  const { main } = host;
  /** The mention walked to (by row, so that it survives a redraw). */
  let current: ViewMention | undefined;
  let relationFrom: ViewMention | undefined;
  let pressedOn: number | undefined;
  /** An edge of the walked-to mention being dragged. */
  let dragging: { side: 'start' | 'end'; mention: ViewMention; line: number } | undefined;
  let help: HTMLElement | undefined;

  const send = (intent: ViewIntent) => {
    const s = host.shown();
    if (s) host.post({ type: 'curate', version: s.version, intent });
  };

  /** The mentions in reading order (as their first segments come in the text). */
  function order(doc: PreviewDocument): number[] {
    const seen = new Set<number>();
    for (const p of doc.passages) for (const seg of p.segments) for (const i of seg.stack) seen.add(i);
    return [...seen];
  }

  function indexOf(doc: PreviewDocument, m: ViewMention | undefined): number {
    if (!m) return -1;
    const same = doc.mentions.findIndex((x) => x.line === m.line && x.offsets === m.offsets && x.text === m.text);
    return same >= 0 ? same : doc.mentions.findIndex((x) => x.offsets === m.offsets && x.text === m.text);
  }

  function mark(): void {
    for (const e of main.querySelectorAll('.curating, .relating')) e.classList.remove('curating', 'relating');
    const s = host.shown();
    if (!s) return;
    const i = indexOf(s.doc, current);
    current = i >= 0 ? mentionRef(s.doc.mentions[i]) : undefined;
    for (const seg of s.rendered.segments[i] ?? []) seg.classList.add('curating');
    const j = indexOf(s.doc, relationFrom);
    relationFrom = j >= 0 ? relationFrom : undefined;
    for (const seg of s.rendered.segments[j] ?? []) seg.classList.add('relating');
  }

  function walk(step: 1 | -1): void {
    const s = host.shown();
    if (!s) return;
    const list = order(s.doc);
    if (!list.length) return;
    const at = list.indexOf(indexOf(s.doc, current));
    const next = at < 0 ? (step > 0 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
    current = mentionRef(s.doc.mentions[list[next]]);
    mark();
    s.rendered.segments[list[next]]?.[0]?.scrollIntoView({ block: 'nearest' });
  }

  function innermost(e: Event): number | undefined {
    const seg = (e.target as Element | null)?.closest?.<HTMLElement>('.seg');
    if (!seg) return undefined;
    const stack = (seg.dataset.stack ?? '').split(' ').map(Number);
    return stack[stack.length - 1];
  }

  /** Which edge of the walked-to mention a press is on (within a few pixels), if any. */
  function edgeAt(e: MouseEvent): 'start' | 'end' | undefined {
    const s = host.shown();
    const i = s ? indexOf(s.doc, current) : -1;
    const segs = i >= 0 ? s!.rendered.segments[i] ?? [] : [];
    if (!segs.length || !(e.target as Element | null)?.closest?.('.seg.curating')) return undefined;
    const first = segs[0].getClientRects()[0];
    const lastRects = segs[segs.length - 1].getClientRects();
    const last = lastRects[lastRects.length - 1];
    const near = (x: number, r: DOMRect | undefined) => r !== undefined && Math.abs(e.clientX - x) <= EDGE_PX && e.clientY >= r.top && e.clientY <= r.bottom;
    if (near(first?.left ?? NaN, first)) return 'start';
    if (near(last?.right ?? NaN, last)) return 'end';
    return undefined;
  }

  main.addEventListener('mousedown', (e) => {
    pressedOn = e.button === 0 ? innermost(e) : undefined;
    const side = e.button === 0 ? edgeAt(e) : undefined;
    const s = host.shown();
    const i = s ? indexOf(s.doc, current) : -1;
    const block = i >= 0 ? s!.rendered.segments[i]?.[0] : undefined;
    const passage = block ? passageOf(block) : undefined;
    if (side && current && passage) {
      dragging = { side, mention: current, line: passage.line };
      pressedOn = undefined;
      e.preventDefault();
    }
  });

  main.addEventListener('mouseup', (e) => {
    const s = host.shown();
    if (dragging) {
      const drag = dragging;
      dragging = undefined;
      // The place under the pointer, counted in the passage's text like a selection.
      const caret = document.caretRangeFromPoint?.(e.clientX, e.clientY);
      const p = caret ? passageOf(caret.startContainer) : undefined;
      if (caret && p && p.line === drag.line) {
        const to = textBefore(p.root, caret.startContainer, caret.startOffset);
        send({ kind: 'resize', mention: drag.mention, side: drag.side, to, exact: e.altKey });
      }
      return;
    }
    const from = pressedOn;
    pressedOn = undefined;
    if (!s || e.button !== 0) return;
    const to = innermost(e);
    if (from !== undefined && to !== undefined && from !== to) {
      // A mention dropped on another: a relation, not a selection.
      window.getSelection()?.removeAllRanges();
      const a = s.doc.mentions[from];
      const b = s.doc.mentions[to];
      if (a && b) send({ kind: 'addRelation', from: mentionRef(a), to: mentionRef(b) });
      return;
    }
    const selection = window.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    const start = passageOf(range.startContainer);
    const end = passageOf(range.endContainer);
    if (!start || !end) return;
    const p = s.doc.passages.find((x) => x.line === start.line);
    if (!p) return;
    const text = p.segments.map((x) => x.text).join('');
    const fromAt = textBefore(start.root, range.startContainer, range.startOffset);
    const toAt = end.line === start.line ? textBefore(start.root, range.endContainer, range.endOffset) : text.length;
    if (toAt <= fromAt) return;
    send({ kind: 'addSpan', selection: { line: start.line, from: fromAt, to: toAt, text: text.slice(fromAt, toAt), endLine: end.line, exact: e.altKey } });
  });

  document.addEventListener('keydown', (e) => {
    const s = host.shown();
    if (!s) return;
    if (e.key === '?') {
      toggleHelp();
      e.preventDefault();
      return;
    }
    const relation = (e.target as Element | null)?.closest?.<HTMLElement>('.relation');
    if (relation && (e.key === 'Delete' || e.key === 'Backspace')) {
      deleteRelation(Number(relation.dataset.relation));
      e.preventDefault();
      return;
    }
    if (e.key === 'Tab' && !relation) {
      walk(e.shiftKey ? -1 : 1);
      e.preventDefault();
      return;
    }
    if (e.key === 'Escape') {
      current = undefined;
      relationFrom = undefined;
      help?.remove();
      help = undefined;
      mark();
      return;
    }
    if (!current || e.ctrlKey || e.metaKey) return;
    const m = current;
    const key = e.key.toLowerCase();
    let intent: ViewIntent | undefined;
    if (e.key === 'Delete' || e.key === 'Backspace') intent = { kind: 'delete', mention: m };
    else if (e.key === 'ArrowRight' && e.shiftKey) intent = { kind: 'resize', mention: m, side: 'end', step: 1 };
    else if (e.key === 'ArrowLeft' && e.shiftKey) intent = { kind: 'resize', mention: m, side: 'end', step: -1 };
    else if (e.key === 'ArrowLeft' && e.altKey) intent = { kind: 'resize', mention: m, side: 'start', step: -1 };
    else if (e.key === 'ArrowRight' && e.altKey) intent = { kind: 'resize', mention: m, side: 'start', step: 1 };
    else if (key === 't' && !e.altKey) intent = { kind: 'retype', mention: m };
    else if (key === 'i' && !e.altKey) intent = { kind: 'reidentify', mention: m };
    else if (key === 'a' && !e.altKey) intent = { kind: 'annotateAll', mention: m, scope: e.shiftKey ? 'file' : 'document' };
    else if (key === 'r' && !e.altKey) {
      relationFrom = m;
      mark();
    } else if (e.key === 'Enter' && relationFrom && indexOf(s.doc, relationFrom) !== indexOf(s.doc, m)) {
      intent = { kind: 'addRelation', from: relationFrom, to: m };
      relationFrom = undefined;
      mark();
    } else return;
    e.preventDefault();
    if (intent) send(intent);
  });

  function deleteRelation(index: number): void {
    const r = host.shown()?.doc.relations[index];
    if (r) send({ kind: 'deleteRelation', relation: { line: r.line, type: r.type, ids: r.ends.map((x) => x.id) } });
  }

  function toggleHelp(): void {
    if (help) {
      help.remove();
      help = undefined;
      return;
    }
    help = el('aside', 'key-help');
    help.setAttribute('role', 'dialog');
    help.setAttribute('aria-label', 'Keys of the preview');
    help.append(el('h3', undefined, 'Keys'));
    const list = el('dl');
    for (const [k, what] of KEYS) list.append(el('dt', undefined, k), el('dd', undefined, what));
    help.append(list);
    document.body.append(help);
  }

  return { redrawn: mark, deleteRelation };
}
