// The preview webview's script: it only draws the model the extension sends
// (see render.ts) and tells the extension what the user clicked. It keeps the
// scroll position across updates of the same document, scrolls to what the
// editor's cursor is on, and shows a card over whatever the pointer is on.

import type { FromWebview, PreviewDocument, PreviewFocus, PreviewResult, ToWebview, UpdateReason, WebviewState } from '../../src/preview/protocol';
import { el } from './dom';
import { isWrong, renderDocument } from './render';
import type { Actions, Rendered, Selection } from './view';
import { Tooltip, type TooltipBlock } from './tooltip';
import { installCuration } from './curate';
import { reconcile } from './keep';
import { labelMention, stackOf } from './mentionsOf';

interface VsCodeApi {
  postMessage(message: FromWebview): void;
  getState(): WebviewState | undefined;
  setState(state: WebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const state: WebviewState = vscode.getState() ?? {};
const main = document.getElementById('preview')!;
const tooltip = new Tooltip();

let window_: PreviewResult | undefined;
let fileName = '';
let shown: { uri: string; index: number; id: string; doc: PreviewDocument } | undefined;
let rendered: Rendered | undefined;
let selection: Selection | undefined;
let focused: HTMLElement[] = [];
let restoredScroll = false;

const curation = installCuration({
  main,
  shown: () => (shown && rendered && window_ ? { doc: shown.doc, version: window_.version, rendered } : undefined),
  post: (message) => vscode.postMessage(message),
  left: () => {
    select(undefined);
    tooltip.hide();
  },
});

const actions: Actions = {
  reveal: (line, start, end) => vscode.postMessage({ type: 'reveal', line, start, end }),
  select: (s) => select(s),
  showDocument: (i) => {
    if (!window_) return;
    const doc = window_.documents[i];
    if (!doc) return;
    // Shown at once from the neighbours already here; the editor follows, and its answer confirms.
    draw({ ...window_, current: i, focus: undefined }, 'cursor');
    actions.reveal(doc.startLine, 0, 0);
  },
  exportAs: (format) => vscode.postMessage({ type: 'export', format }),
  deleteRelation: (i) => curation.deleteRelation(i),
  toggleLabels: () => {
    state.labels = !labelsOn();
    saveState();
    if (window_) draw(window_, 'edit');
  },
};

function labelsOn(): boolean {
  return state.labels !== false;
}

function saveState(): void {
  vscode.setState(state);
}

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const message = e.data;
  if (message.type === 'message') {
    window_ = undefined;
    shown = undefined;
    rendered = undefined;
    main.replaceChildren(el('p', 'empty', message.text));
    return;
  }
  if (message.type === 'key') {
    curation.act(message.action);
    return;
  }
  if (message.type === 'keys') {
    curation.setKeys(message.keys);
    return;
  }
  if (message.type === 'show') {
    fileName = message.fileName;
    draw(message.window, message.reason);
  }
});

function draw(w: PreviewResult, reason: UpdateReason): void {
  window_ = w;
  const doc = w.documents[w.current];
  tooltip.hide();
  if (!doc) {
    shown = undefined;
    rendered = undefined;
    main.replaceChildren(el('p', 'empty', 'This file has no document yet: a document starts with a line ID|t|title.'));
    return;
  }
  const same = shown !== undefined && shown.uri === w.uri && shown.index === doc.index && shown.id === doc.id;
  const scrollY = window.scrollY;
  // Keep a relation or concept selected across edits of the same document, by its row.
  const keep = same && selection ? keepSelection(shown!.doc, doc, selection) : undefined;
  // A redraw of the same document keeps what did not change (keep.ts): drop the marks of the last drawing first.
  if (same) for (const e of main.querySelectorAll('.selected, .related, .focus')) e.classList.remove('selected', 'related', 'focus');
  document.body.classList.remove('has-selection');
  rendered = renderDocument(w, doc, fileName, labelsOn(), actions, same ? rendered : undefined);
  // One synchronous update: the old content stays on screen until the new one is complete.
  reconcile(main, rendered.parts);
  shown = { uri: w.uri, index: doc.index, id: doc.id, doc };
  focused = [];
  selection = undefined;
  if (keep) select(keep);
  curation.redrawn();
  if (!restoredScroll && state.uri === w.uri && state.scrollY !== undefined) {
    restoredScroll = true;
    window.scrollTo(0, state.scrollY);
  } else if (same) {
    window.scrollTo(0, scrollY);
  } else if (!w.focus) {
    window.scrollTo(0, 0);
  }
  restoredScroll = true;
  // An edit never scrolls the view; a cursor move scrolls to what the cursor is on when it is out of sight.
  if (w.focus) showFocus(doc, w.focus, reason !== 'edit');
  state.uri = w.uri;
  saveState();
}

function keepSelection(before: PreviewDocument, after: PreviewDocument, s: Selection): Selection | undefined {
  if (s.kind === 'relation') {
    const line = before.relations[s.index]?.line;
    const index = after.relations.findIndex((r) => r.line === line);
    return index >= 0 ? { kind: 'relation', index } : undefined;
  }
  const id = before.graph.nodes[s.index]?.id;
  const index = after.graph.nodes.findIndex((v) => v.id === id);
  return index >= 0 ? { kind: 'node', index } : undefined;
}

/** Marks what the cursor is on and scrolls it into view when it is not. */
function showFocus(doc: PreviewDocument, focus: PreviewFocus, scroll: boolean): void {
  if (!rendered) return;
  let targets: Element[] = [];
  if (focus.kind === 'mention') {
    targets = rendered.segments[focus.index] ?? [];
    if (targets.length === 0) targets = [...main.querySelectorAll(`.unplaced-item[data-mention="${focus.index}"]`)];
  } else if (focus.kind === 'relation') {
    const item = rendered.relations[focus.index];
    if (item) targets = [item];
    select({ kind: 'relation', index: focus.index });
  } else {
    const p = doc.passages[focus.index];
    const block = p ? main.querySelector(`.passage[data-line="${p.line + 1}"]`) : null;
    if (block) targets = [block];
  }
  focused = targets.filter((t): t is HTMLElement => t instanceof HTMLElement);
  for (const t of focused) t.classList.add('focus');
  const first = focused[0];
  if (scroll && first && !visible(first)) first.scrollIntoView({ block: 'center' });
}

function visible(e: Element): boolean {
  const r = e.getBoundingClientRect();
  return r.bottom > 0 && r.top < window.innerHeight;
}

function select(s: Selection | undefined): void {
  if (!rendered || !shown) return;
  for (const e of main.querySelectorAll('.selected, .related')) e.classList.remove('selected', 'related');
  selection = s;
  document.body.classList.toggle('has-selection', s !== undefined);
  if (!s) return;
  const doc = shown.doc;
  let mentions: number[];
  if (s.kind === 'relation') {
    const r = doc.relations[s.index];
    if (!r) return;
    rendered.relations[s.index]?.classList.add('selected');
    rendered.edges.get(s.index)?.classList.add('selected');
    mentions = r.ends.flatMap((e) => e.mentions);
    for (const end of r.ends) if (end.node !== undefined) rendered.nodes[end.node]?.classList.add('related');
  } else {
    const v = doc.graph.nodes[s.index];
    if (!v) return;
    rendered.nodes[s.index]?.classList.add('selected');
    mentions = v.mentions;
  }
  for (const i of mentions) for (const seg of rendered.segments[i] ?? []) seg.classList.add('related');
}

// Clicks on highlights: the innermost mention first; clicking the same words again goes one mention outwards.
let lastClick: { seg: HTMLElement; depth: number } | undefined;
main.addEventListener('click', (e) => {
  const seg = (e.target as Element).closest<HTMLElement>('.seg, .label');
  if (!seg || !shown) return;
  let index: number;
  if (seg.classList.contains('label')) {
    index = labelMention(seg) ?? -1;
  } else {
    const stack = stackOf(seg);
    const depth = lastClick?.seg === seg ? (lastClick.depth + 1) % stack.length : 0;
    lastClick = { seg, depth };
    index = stack[stack.length - 1 - depth];
  }
  const m = shown.doc.mentions[index];
  if (m) actions.reveal(m.line, m.rowStart, m.rowEnd);
});

// The card over a highlight: every mention on those words, innermost first.
main.addEventListener('mouseover', (e) => {
  const seg = (e.target as Element).closest<HTMLElement>('.seg');
  if (!seg || !shown) return;
  const doc = shown.doc;
  const stack = [...stackOf(seg)].reverse();
  tooltip.show(stack.map((i) => describe(doc, i)).filter((b): b is TooltipBlock => b !== undefined), e.clientX, e.clientY);
});
main.addEventListener('mouseout', (e) => {
  if ((e.target as Element).closest('.seg')) tooltip.hide();
});

function describe(doc: PreviewDocument, i: number): TooltipBlock | undefined {
  const m = doc.mentions[i];
  if (!m) return undefined;
  const lines: string[] = [];
  for (const c of m.concepts) {
    const name = c.name ? `${c.name}${c.nameSource ? ` (${c.nameSource})` : ''}` : '';
    lines.push([c.id, c.partText ? `“${c.partText}”` : '', name].filter(Boolean).join(' · '));
  }
  if (m.concepts.length === 0) lines.push(m.id.trim() ? m.id : '(no id)');
  lines.push(`line ${m.line + 1} · “${m.text}” at ${m.offsets}`);
  if (m.status === 'minor' && m.covered !== undefined) lines.push(`covers “${m.covered}” (case, dashes, spaces or Greek spelling differ)`);
  if (m.crossesPassages) lines.push('runs from one passage into the next');
  return { head: m.type.trim() || '(no type)', lines, wrong: isWrong(m) ? m.problem : undefined, family: m.family };
}

window.addEventListener('scroll', () => {
  state.scrollY = window.scrollY;
  saveState();
}, { passive: true });

vscode.postMessage({ type: 'ready' });
