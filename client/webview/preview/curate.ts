// Curating in the view: it only sends intents, the extension asks for what is
// missing and the server computes the edit. Words selected in the title or
// abstract ask for a new mention; a mention dragged onto another asks for a
// relation; Tab / Shift+Tab walk the document's mentions and keys act on the
// one walked to. The keys are VS Code keybindings: the extension's commands
// send their actions here (act), and `?` lists them. What the intents name is what the
// view shows: the passage line and UTF-16 range inside its text, the mention
// row's line and columns, and the text version.

import type { FromWebview, KeyAction, KeyHelp, PreviewDocument, PreviewMention, ViewIntent, ViewMention } from '../../src/preview/protocol';
import { el } from './dom';
import { stackOf } from './mentionsOf';
import type { Rendered } from './view';

export interface CurationHost {
  main: HTMLElement;
  /** What is drawn now, and the text version it was computed on. */
  shown(): { doc: PreviewDocument; version: number; rendered: Rendered } | undefined;
  post(message: FromWebview): void;
  /** Escape's other half: the view's own selection and card are dropped too. */
  left(): void;
}

/** What the mouse does, for the help overlay (the keys come from the extension: they are VS Code keybindings). */
export const GESTURES: [string, string][] = [
  ['select words', 'annotate them: pick a type (1-9 or type + Enter), then an id (Enter on an empty line: none)'],
  ['drag a mention onto another', 'relate their concepts: pick a relation type'],
  ['drag an end of the mention walked to', 'move that end to the word where it is dropped (Alt: exactly there)'],
  ['× on a relation in the list', 'delete the relation'],
];

/** Elements that take typing: a key pressed in one is never an action of the view. */
const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';
/** Focusable controls that act on Enter and Space themselves (buttons, relation items, graph parts). */
const CONTROL = 'button, a[href], [tabindex]';

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

export interface Curation {
  redrawn(): void;
  deleteRelation(index: number): void;
  /** A key's action, sent by the extension's command for it. */
  act(action: KeyAction): void;
  /** The lines of the help overlay (the commands and their default keys). */
  setKeys(keys: KeyHelp[]): void;
}

export function installCuration(host: CurationHost): Curation {
  const { main } = host;
  /** The mention walked to (by row, so that it survives a redraw). */
  let current: ViewMention | undefined;
  let relationFrom: ViewMention | undefined;
  let pressedOn: number | undefined;
  /** An edge of the walked-to mention being dragged. */
  let dragging: { side: 'start' | 'end'; mention: ViewMention; line: number } | undefined;
  let help: HTMLElement | undefined;
  let keys: KeyHelp[] = [];
  /** The last key pressed in the view: where, and whether the browser acts on it itself. */
  let lastKey: { target: Element | null; typing: boolean; native: boolean } = { target: null, typing: false, native: false };

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
    const stack = stackOf(seg);
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

  // The keys themselves are VS Code's (the extension sends their actions, see act); the view only
  // notes where each key was pressed and stops the browser's own use of the keys it takes
  // (Tab moving the focus, Shift+arrows extending the selection, Alt+← going back).
  document.addEventListener('keydown', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    const typing = target?.closest(TYPING) != null;
    const control = !typing && target !== null && target !== document.body && target.closest(CONTROL) != null;
    const relation = target?.closest('.relation') != null;
    // Tab on a relation item moves the focus on as usual; Enter and Space are a control's own.
    const native = typing || (e.key === 'Tab' && relation) || (control && (e.key === 'Enter' || e.key === ' '));
    lastKey = { target, typing, native };
    if (native || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Tab' || (current && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && (e.shiftKey || e.altKey))) e.preventDefault();
  }, true);

  function act(action: KeyAction): void {
    const s = host.shown();
    if (lastKey.typing) return;
    if (action === 'help') return toggleHelp();
    if (action === 'leave') {
      current = undefined;
      relationFrom = undefined;
      help?.remove();
      help = undefined;
      mark();
      host.left();
      return;
    }
    if (!s) return;
    if (action === 'next' || action === 'previous') {
      if (!lastKey.native) walk(action === 'next' ? 1 : -1);
      return;
    }
    const relation = lastKey.target?.closest<HTMLElement>('.relation');
    if (action === 'delete' && relation?.isConnected) return deleteRelation(Number(relation.dataset.relation));
    if (!current) return;
    const m = current;
    let intent: ViewIntent | undefined;
    switch (action) {
      case 'delete': intent = { kind: 'delete', mention: m }; break;
      case 'endRight': intent = { kind: 'resize', mention: m, side: 'end', step: 1 }; break;
      case 'endLeft': intent = { kind: 'resize', mention: m, side: 'end', step: -1 }; break;
      case 'startLeft': intent = { kind: 'resize', mention: m, side: 'start', step: -1 }; break;
      case 'startRight': intent = { kind: 'resize', mention: m, side: 'start', step: 1 }; break;
      case 'retype': intent = { kind: 'retype', mention: m }; break;
      case 'reidentify': intent = { kind: 'reidentify', mention: m }; break;
      case 'annotateAll': intent = { kind: 'annotateAll', mention: m, scope: 'document' }; break;
      case 'annotateAllInFile': intent = { kind: 'annotateAll', mention: m, scope: 'file' }; break;
      case 'relate':
        relationFrom = m;
        mark();
        return;
      case 'confirm':
        if (lastKey.native || !relationFrom || indexOf(s.doc, relationFrom) === indexOf(s.doc, m)) return;
        intent = { kind: 'addRelation', from: relationFrom, to: m };
        relationFrom = undefined;
        mark();
        break;
    }
    if (intent) send(intent);
  }

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
    for (const k of keys) list.append(el('dt', undefined, k.keys), el('dd', undefined, k.title));
    for (const [k, what] of GESTURES) list.append(el('dt', undefined, k), el('dd', undefined, what));
    help.append(list);
    help.append(el('p', 'key-help-note', 'Every key is a VS Code keybinding: change them in Keyboard Shortcuts (search "PubTator Preview").'));
    document.body.append(help);
  }

  return {
    redrawn: mark,
    deleteRelation,
    act,
    setKeys: (k) => {
      keys = k;
    },
  };
}
