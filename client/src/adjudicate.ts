// "PubTator: Adjudicate with…": the file in the editor is the result being
// made; the other annotator's file is picked as for "Compare with…" (a file
// with git conflict markers needs none: its conflicts are the list). The
// server lists the disagreements and computes the edit that settles each;
// this side shows them (the Adjudication view in the Explorer with "3 of 7
// decided", the current one in place: our rows highlighted blue, their rows
// written after the line in orange), and applies each decision as an
// ordinary edit (undo works), then moves to the next undecided one.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { baseName, isOpenPubtator, pickReference, readText } from './compare';
import type { Disagreement } from '../../server/src/service/merge/adjudication';

export const ADJUDICATE_WITH_COMMAND = 'pubtator.adjudicateWith';
const LIST_REQUEST = 'pubtator/adjudicate.list';
const DECIDE_REQUEST = 'pubtator/adjudicate.decide';
const STOP_REQUEST = 'pubtator/adjudicate.stop';
const CONTEXT_KEY = 'pubtator.adjudicating';
const VIEW_ID = 'pubtator.adjudication';
const CONFLICT = /^(<{7}|={7}|>{7})( |\r?$)/m;

type Choice = 'ours' | 'theirs' | 'both' | 'neither';
const CHOICES: readonly Choice[] = ['ours', 'theirs', 'both', 'neither'];

type ListResult = { ok: true; version: number; disagreements: Disagreement[] } | { ok: false; message: string };
type DecideResult = { ok: true; edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[] }
  | { ok: false; stale?: boolean; message: string };

interface Session {
  uri: vscode.Uri;
  protocolUri: string;
  otherName: string;
  version: number;
  list: Disagreement[];
  /** Every disagreement seen, and those decided (settled ones vanish from the list: decided too). */
  seen: Set<string>;
  decided: Set<string>;
  /** Each disagreement as last listed, in the order first seen: settled ones stay in the view, ticked. */
  known: Map<string, Disagreement>;
  current?: string;
}

/** A row shown short: its columns after the document id. */
const short = (row: string) => row.split('\t').slice(1).join(' ');

export function registerAdjudicate(getClient: () => BaseLanguageClient | undefined): vscode.Disposable {
  let session: Session | undefined;
  const ours = vscode.window.createTextEditorDecorationType({
    isWholeLine: true,
    backgroundColor: 'rgba(64, 140, 255, 0.22)',
    overviewRulerColor: 'rgba(64, 140, 255, 0.8)',
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  const pending = vscode.window.createTextEditorDecorationType({ isWholeLine: true, backgroundColor: 'rgba(64, 140, 255, 0.08)' });
  const theirs = vscode.window.createTextEditorDecorationType({ after: { color: new vscode.ThemeColor('editorWarning.foreground'), margin: '0 0 0 2em' } });
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  const emitter = new vscode.EventEmitter<void>();
  const tree: vscode.TreeDataProvider<Disagreement> = {
    onDidChangeTreeData: emitter.event,
    getChildren: (element) => (element || !session ? [] : [...session.known.values()]),
    getTreeItem: (d) => {
      const done = session?.decided.has(d.id) ?? false;
      const item = new vscode.TreeItem(`${d.document ? `document ${d.document} · ` : ''}line ${d.line + 1}${d.kind === 'conflict' ? ' · git conflict' : d.kind === 'document' ? ` · whole document, only in ${d.ours.length ? 'ours' : 'theirs'}` : ''}`);
      item.description = `ours: ${d.ours.map((o) => short(o.text)).join(', ') || 'nothing'} | theirs: ${d.theirs.map(short).join(', ') || 'nothing'}`;
      item.iconPath = new vscode.ThemeIcon(done ? 'pass-filled' : d.id === session?.current ? 'arrow-right' : 'circle-large-outline');
      item.tooltip = `${done ? 'Decided' : 'Not decided yet'}. Alt+O ours · Alt+T theirs · Alt+B both · Alt+N neither`;
      if (!done) item.command = { command: 'pubtator.adjudicate.goto', title: 'Show', arguments: [d.id] };
      return item;
    },
  };
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree });

  const running = (): BaseLanguageClient | undefined => {
    const client = getClient();
    if (!client || !client.isRunning()) {
      void vscode.window.showErrorMessage('The PubTator language server is not running.');
      return undefined;
    }
    return client;
  };
  const editorOf = (s: Session) => vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === s.uri.toString());
  const progress = (s: Session) => `${s.decided.size} of ${s.seen.size} decided`;

  function render(): void {
    const s = session;
    emitter.fire();
    if (!s) {
      status.hide();
      view.message = undefined;
      for (const e of vscode.window.visibleTextEditors) for (const t of [ours, pending, theirs]) e.setDecorations(t, []);
      return;
    }
    view.message = `${progress(s)} with ${s.otherName}. Alt+O ours · Alt+T theirs · Alt+B both · Alt+N neither · Alt+J next`;
    status.text = `$(git-merge) ${progress(s)}`;
    status.tooltip = `Adjudicating with ${s.otherName}`;
    status.command = 'pubtator.adjudicate.goto';
    status.show();
    const editor = editorOf(s);
    if (!editor) return;
    const line = (l: number) => editor.document.lineAt(Math.min(Math.max(l, 0), editor.document.lineCount - 1)).range;
    const current = s.list.find((d) => d.id === s.current);
    editor.setDecorations(ours, current ? current.ours.map((o) => line(o.line)) : []);
    editor.setDecorations(pending, s.list.filter((d) => d !== current && !s.decided.has(d.id)).flatMap((d) => d.ours.map((o) => line(o.line))));
    editor.setDecorations(theirs, current ? [{
      range: line(current.ours.length ? current.ours.at(-1)!.line : current.after),
      renderOptions: { after: { contentText: `⟵ theirs: ${current.theirs.map(short).join(' ; ') || 'nothing'}${current.ours.length ? '' : ' (ours: nothing)'}` } },
    }] : []);
  }

  async function refresh(client: BaseLanguageClient, s: Session, other?: { uri: string; text?: string }): Promise<boolean> {
    const r = await client.sendRequest<ListResult>(LIST_REQUEST, { uri: s.protocolUri, ...(other ? { other } : {}) });
    if (!r?.ok) {
      void vscode.window.showWarningMessage(r?.message ?? 'The disagreements could not be listed.');
      return false;
    }
    s.version = r.version;
    s.list = r.disagreements;
    const now = new Set(s.list.map((d) => d.id));
    for (const id of s.seen) if (!now.has(id)) s.decided.add(id);
    for (const id of now) s.seen.add(id);
    for (const d of s.list) s.known.set(d.id, d);
    return true;
  }

  function reveal(s: Session, d: Disagreement | undefined): void {
    s.current = d?.id;
    render();
    const editor = editorOf(s);
    if (!d || !editor) return;
    const pos = new vscode.Position(d.line, 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /** The first undecided disagreement after line `from`, wrapping around. */
  function nextUndecided(s: Session, from: number): Disagreement | undefined {
    const open = s.list.filter((d) => !s.decided.has(d.id));
    return open.find((d) => d.line > from) ?? open[0];
  }

  async function start(editor: vscode.TextEditor): Promise<void> {
    const client = running();
    if (!client) return;
    const document = editor.document;
    let other: { uri: string; text?: string } | undefined;
    let otherName = 'the git merge';
    if (!CONFLICT.test(document.getText())) {
      const picked = await pickReference(client, document, 'Adjudicate this file with… (the other annotator\'s version of it)');
      if (!picked) return;
      const text = isOpenPubtator(picked) ? undefined : await readText(picked);
      if (text === null) return;
      other = { uri: client.code2ProtocolConverter.asUri(picked), ...(text === undefined ? {} : { text }) };
      otherName = baseName(picked);
    }
    const s: Session = { uri: document.uri, protocolUri: client.code2ProtocolConverter.asUri(document.uri), otherName, version: -1, list: [], seen: new Set(), decided: new Set(), known: new Map() };
    if (!(await refresh(client, s, other))) return;
    session = s;
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, true);
    if (s.list.length === 0) void vscode.window.showInformationMessage(`No disagreement with ${otherName}.`);
    reveal(s, nextUndecided(s, -1));
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`).then(undefined, () => undefined);
    await vscode.window.showTextDocument(document, editor.viewColumn);
  }

  async function decide(choice: Choice): Promise<void> {
    const s = session;
    const client = running();
    if (!s || !client) return;
    const d = s.list.find((x) => x.id === s.current) ?? nextUndecided(s, -1);
    if (!d) return;
    let r = await client.sendRequest<DecideResult>(DECIDE_REQUEST, { uri: s.protocolUri, version: s.version, id: d.id, choice });
    if (!r.ok && r.stale) {
      // The file changed since the list: list again, and decide if the disagreement is still there.
      await refresh(client, s);
      r = await client.sendRequest<DecideResult>(DECIDE_REQUEST, { uri: s.protocolUri, version: s.version, id: d.id, choice });
    }
    if (!r.ok) {
      void vscode.window.showWarningMessage(r.message);
      return;
    }
    if (r.edits.length) {
      const edit = new vscode.WorkspaceEdit();
      for (const e of r.edits) {
        edit.replace(s.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
      }
      if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showWarningMessage('The edit could not be applied.');
        return;
      }
    }
    s.decided.add(d.id);
    await refresh(client, s);
    reveal(s, nextUndecided(s, d.line - 1));
    if (s.list.every((x) => s.decided.has(x.id))) void vscode.window.showInformationMessage(`All ${s.seen.size} disagreements decided. Save the file to keep the result.`);
  }

  async function stop(): Promise<void> {
    const s = session;
    session = undefined;
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, false);
    render();
    const client = getClient();
    if (s && client?.isRunning()) await client.sendRequest(STOP_REQUEST, { uri: s.protocolUri });
  }

  const failed = (what: string) => (e: unknown) => void vscode.window.showErrorMessage(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
  return vscode.Disposable.from(
    vscode.commands.registerTextEditorCommand(ADJUDICATE_WITH_COMMAND, (editor) => { start(editor).catch(failed('Adjudicate')); }),
    ...CHOICES.map((c) => vscode.commands.registerCommand(`pubtator.adjudicate.${c}`, () => decide(c).catch(failed('The decision')))),
    vscode.commands.registerCommand('pubtator.adjudicate.next', () => {
      if (!session) return;
      const here = session.list.find((d) => d.id === session!.current)?.line ?? -1;
      reveal(session, nextUndecided(session, here));
    }),
    vscode.commands.registerCommand('pubtator.adjudicate.goto', (id?: string) => {
      if (!session) return;
      const d = session.list.find((x) => x.id === id) ?? session.list.find((x) => x.id === session!.current);
      const editor = editorOf(session);
      if (!editor) void vscode.window.showTextDocument(session.uri).then(() => reveal(session!, d));
      else reveal(session, d);
    }),
    vscode.commands.registerCommand('pubtator.adjudicate.stop', () => stop().catch(failed('Stopping'))),
    vscode.workspace.onDidChangeTextDocument((e) => {
      const s = session;
      const client = getClient();
      // Edits made by hand (or undo) change the list: ask again.
      if (s && client?.isRunning() && e.document.uri.toString() === s.uri.toString() && e.contentChanges.length) {
        void refresh(client, s).then(() => render());
      }
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => render()),
    vscode.workspace.onDidCloseTextDocument((d) => { if (session && d.uri.toString() === session.uri.toString()) void stop(); }),
    ours, pending, theirs, status, view, emitter,
  );
}
