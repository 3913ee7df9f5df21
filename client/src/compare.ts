// "PubTator: Compare with…", "Stop Comparing" and the comparison view. The
// client asks which file to compare with (workspace files sharing document ids
// with this one first, then a file dialog), reads it through
// vscode.workspace.fs (so it works in the web extension host too) unless it is
// open in an editor (the server then uses its live text), and re-sends it when
// it changes on disk. Everything else is the server's: the comparison, its
// diagnostics, lenses and quick fixes, and the summary this view renders.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { summaryHtml, type SummaryModel } from './compareSummaryHtml';

export const COMPARE_WITH_COMMAND = 'pubtator.compareWith';
export const STOP_COMPARING_COMMAND = 'pubtator.stopComparing';
export const SHOW_COMPARISON_COMMAND = 'pubtator.showComparison';
const START_REQUEST = 'pubtator/compare.start';
const STOP_REQUEST = 'pubtator/compare.stop';
const REFERENCE_TEXT = 'pubtator/compare.referenceText';
const CANDIDATES_REQUEST = 'pubtator/compare.candidates';
const SUMMARY_NOTIFICATION = 'pubtator/compare.summary';
const CONTEXT_KEY = 'pubtator.comparing';

/** Workspace files offered, and how much of them is read to rank them (each, and in all). */
const MAX_CANDIDATES = 40;
const MAX_CANDIDATE_BYTES = 16 * 1024 * 1024;
const MAX_RANKED_BYTES = 48 * 1024 * 1024;
const PUBTATOR_GLOB = '**/{*.pubtator,*.PubTator,*PubTator*.txt,*pubtator*.txt}';

type StartResult = { ok: true; summary: SummaryModel } | { ok: false; message: string };
interface Candidate { uri: string; shared: number; documents: number }
interface Pick extends vscode.QuickPickItem { uri?: vscode.Uri }

export function registerCompare(getClient: () => BaseLanguageClient | undefined): vscode.Disposable {
  const summaries = new Map<string, SummaryModel>();
  const watchers = new Map<string, vscode.Disposable>();
  const view = new ComparisonView(() => [...summaries.values()]);
  let listening: BaseLanguageClient | undefined;

  /** Listens for the server's summaries once per client (a restarted server is a new client). */
  function listen(client: BaseLanguageClient): void {
    if (listening === client) return;
    listening = client;
    client.onNotification(SUMMARY_NOTIFICATION, (p: { uri: string; summary: SummaryModel | null }) => {
      if (p.summary) summaries.set(p.uri, p.summary);
      else {
        summaries.delete(p.uri);
        watchers.get(p.uri)?.dispose();
        watchers.delete(p.uri);
      }
      void vscode.commands.executeCommand('setContext', CONTEXT_KEY, summaries.size > 0);
      view.update();
    });
  }

  const running = (): BaseLanguageClient | undefined => {
    const client = getClient();
    if (!client || !client.isRunning()) {
      void vscode.window.showErrorMessage('The PubTator language server is not running.');
      return undefined;
    }
    listen(client);
    return client;
  };

  async function compareWith(editor: vscode.TextEditor): Promise<void> {
    const client = running();
    if (!client) return;
    const current = editor.document;
    const reference = await pickReference(client, current);
    if (!reference) return;
    const uri = client.code2ProtocolConverter.asUri(current.uri);
    const referenceUri = client.code2ProtocolConverter.asUri(reference);
    const text = isOpenPubtator(reference) ? undefined : await readText(reference);
    if (text === null) return;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'PubTator: comparing' },
      () => client.sendRequest<StartResult>(START_REQUEST, { uri, reference: { uri: referenceUri, name: baseName(reference), text } }),
    );
    if (!result?.ok) {
      void vscode.window.showWarningMessage(result?.message ?? 'The comparison could not start.');
      return;
    }
    summaries.set(uri, result.summary);
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, true);
    watchers.get(uri)?.dispose();
    watchers.set(uri, watchReference(client, reference, referenceUri));
    view.show();
  }

  return vscode.Disposable.from(
    vscode.commands.registerTextEditorCommand(COMPARE_WITH_COMMAND, (editor) => {
      compareWith(editor).catch((e) => void vscode.window.showErrorMessage(`Compare failed: ${e instanceof Error ? e.message : String(e)}`));
    }),
    vscode.commands.registerCommand(STOP_COMPARING_COMMAND, async () => {
      const client = running();
      if (!client) return;
      const active = vscode.window.activeTextEditor?.document.uri;
      const uri = active ? client.code2ProtocolConverter.asUri(active) : undefined;
      // The active file's comparison, or all of them when it has none.
      await client.sendRequest(STOP_REQUEST, uri && summaries.has(uri) ? { uri } : {});
    }),
    vscode.commands.registerCommand(SHOW_COMPARISON_COMMAND, () => view.show()),
    view,
    { dispose: () => watchers.forEach((w) => w.dispose()) },
  );
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

export function isOpenPubtator(uri: vscode.Uri): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.languageId === 'pubtator');
}

/** The file's text, or null (and a message) when it cannot be read here. */
export async function readText(uri: vscode.Uri): Promise<string | null> {
  if (/\.gz$/i.test(uri.path)) {
    void vscode.window.showWarningMessage(`${baseName(uri)} is gzipped: decompress it to compare in the editor (the command line's \`pubtator compare\` reads .gz).`);
    return null;
  }
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (e) {
    void vscode.window.showErrorMessage(`Cannot read ${baseName(uri)}: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
}

/** Workspace files sharing document ids with this one first (the server counts them), then a file dialog. */
export async function pickReference(
  client: BaseLanguageClient, current: vscode.TextDocument, prompt = 'Compare this file with… (the file picked is the reference, e.g. gold)',
): Promise<vscode.Uri | undefined> {
  const found = await vscode.workspace.findFiles(PUBTATOR_GLOB, undefined, 200);
  const open = vscode.workspace.textDocuments.filter((d) => d.languageId === 'pubtator').map((d) => d.uri);
  const seen = new Set<string>([current.uri.toString()]);
  const uris = [...open, ...found].filter((u) => !seen.has(u.toString()) && seen.add(u.toString())).slice(0, MAX_CANDIDATES);
  // Open files are on the server already; others are read (small enough, within the budget) for it to count ids.
  let budget = MAX_RANKED_BYTES;
  const candidates: { uri: string; text?: string }[] = [];
  const unranked: vscode.Uri[] = [];
  for (const u of uris) {
    if (isOpenPubtator(u)) {
      candidates.push({ uri: client.code2ProtocolConverter.asUri(u) });
      continue;
    }
    try {
      const stat = await vscode.workspace.fs.stat(u);
      if (stat.size > MAX_CANDIDATE_BYTES || stat.size > budget || /\.gz$/i.test(u.path)) {
        unranked.push(u);
        continue;
      }
      budget -= stat.size;
      candidates.push({ uri: client.code2ProtocolConverter.asUri(u), text: new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(u)) });
    } catch {
      // Unreadable: not offered.
    }
  }
  const ranked = candidates.length
    ? await client.sendRequest<Candidate[]>(CANDIDATES_REQUEST, { uri: client.code2ProtocolConverter.asUri(current.uri), candidates })
    : [];
  const byUri = new Map(uris.map((u) => [client.code2ProtocolConverter.asUri(u), u]));
  const item = (uri: vscode.Uri, description: string): Pick => ({ label: baseName(uri), description, detail: vscode.workspace.asRelativePath(uri), uri });
  const items: Pick[] = [...ranked].sort((a, b) => b.shared - a.shared).flatMap((c) => {
    const uri = byUri.get(c.uri);
    if (!uri) return [];
    return [item(uri, c.shared ? `shares ${c.shared} of its ${c.documents} document id${c.documents === 1 ? '' : 's'} with this file` : 'no document id in common')];
  });
  items.push(...unranked.map((u) => item(u, 'not read to count shared ids (large or gzipped)')));
  const browse: Pick = { label: '$(folder-opened) Choose a file…', description: 'any PubTator file' };
  if (items.length === 0) return chooseFile();
  const picked = await vscode.window.showQuickPick([...items, browse], {
    placeHolder: prompt,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return undefined;
  return picked.uri ?? chooseFile();
}

async function chooseFile(): Promise<vscode.Uri | undefined> {
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: 'Compare with this file', title: 'The reference (gold) file' });
  return chosen?.[0];
}

/** Re-sends the reference's text when it changes on disk, or when its editor closes (unsaved edits are gone then). */
function watchReference(client: BaseLanguageClient, reference: vscode.Uri, referenceUri: string): vscode.Disposable {
  const resend = async () => {
    if (isOpenPubtator(reference) || !client.isRunning()) return;
    const text = await readText(reference);
    if (text !== null) await client.sendNotification(REFERENCE_TEXT, { uri: referenceUri, text });
  };
  const disposables: vscode.Disposable[] = [
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.toString() === reference.toString()) void resend();
    }),
  ];
  const slash = reference.path.lastIndexOf('/');
  const folder = reference.with({ path: reference.path.slice(0, slash) || '/' });
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, reference.path.slice(slash + 1)));
  disposables.push(watcher, watcher.onDidChange(() => void resend()), watcher.onDidCreate(() => void resend()));
  return vscode.Disposable.from(...disposables);
}

/** The comparison view: a webview beside the editor that the user can keep open; re-rendered on each summary. */
class ComparisonView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;

  constructor(private readonly models: () => SummaryModel[]) {}

  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return;
    }
    this.panel = vscode.window.createWebviewPanel('pubtator.comparison', 'PubTator Comparison',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [] });
    this.panel.onDidDispose(() => { this.panel = undefined; });
    this.update();
  }

  update(): void {
    if (!this.panel) return;
    this.panel.webview.html = summaryHtml(this.models(), this.panel.webview.cspSource, nonce());
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function nonce(): string {
  const bytes = new Uint8Array(16);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
