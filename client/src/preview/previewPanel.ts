// The preview panel, as Markdown's preview works: one panel that shows the
// document under the cursor of the active PubTator editor, follows the cursor
// and the edits (debounced, answers of older requests dropped), and selects in
// the editor the row of whatever is clicked in the view. All PubTator
// knowledge is in the server (pubtator/preview); this file only asks and shows.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { FromWebview, PreviewResult, ToWebview, UpdateReason } from './protocol';
import { webviewHtml } from './webviewHtml';

export const PREVIEW_VIEW_TYPE = 'pubtator.preview';
const PREVIEW_REQUEST = 'pubtator/preview';
const CURSOR_DELAY_MS = 60;
const EDIT_DELAY_MS = 250;
/** Documents on each side of the current one the server sends along. */
const AROUND = 1;
const REFOCUS_AFTER_MS = 150;

/** Whether the preview shows a document: PubTator, or BioC XML/JSON (read through its projection; curation refused). */
export function isPubtator(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  const id = document?.languageId;
  return id === 'pubtator' || id === 'bioc' || id === 'bioc-json';
}

export class PreviewPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The file shown, and the cursor the view follows. */
  private source: vscode.Uri | undefined;
  private position = new vscode.Position(0, 0);
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: UpdateReason | undefined;
  private dueNow = false;
  private sequence = 0;
  private ready = false;
  /** Actions asked for in the view and not finished: the edit they write is drawn at once, with no typing to wait for. */
  private curating = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly getClient: () => BaseLanguageClient | undefined,
    private readonly onExport: (format: 'html' | 'svg') => void,
    /** Runs an edit asked for in the view (curator.ts). */
    private readonly onCurate?: (source: vscode.Uri, message: Extract<FromWebview, { type: 'curate' }>) => Promise<void>,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && isPubtator(editor.document)) this.follow(editor, 'open');
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.panel && this.isSource(e.textEditor.document)) {
          this.position = e.selections[0].active;
          this.schedule('cursor', CURSOR_DELAY_MS);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && this.isSource(e.document) && e.contentChanges.length > 0) this.schedule('edit', this.curating > 0 ? 0 : EDIT_DELAY_MS);
      }),
    );
  }

  /** The file the view shows, for the keys that act on it (undo and redo). */
  get sourceUri(): vscode.Uri | undefined {
    return this.panel ? this.source : undefined;
  }

  /** Gives the keyboard back to the view (after a command run from it). */
  focus(): void {
    this.panel?.reveal(undefined, false);
  }

  /** Sends the view a message of a command (a key's action); nothing when no preview is open. */
  toView(message: ToWebview): void {
    this.post(message);
  }

  /** The file and line the view shows, for the export commands. */
  get shown(): { uri: vscode.Uri; line: number } | undefined {
    return this.panel && this.source ? { uri: this.source, line: this.position.line } : undefined;
  }

  /** Opens the panel (or moves it) in `column`, showing the editor's document at its cursor. */
  show(editor: vscode.TextEditor, column: vscode.ViewColumn, preserveFocus: boolean): void {
    if (this.panel) {
      this.panel.reveal(column, preserveFocus);
    } else {
      this.attach(vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'PubTator Preview', { viewColumn: column, preserveFocus }, {
        enableScripts: true,
        enableCommandUris: false,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'client')],
      }));
    }
    this.follow(editor, 'open');
  }

  /** Takes over a panel VS Code restored after a reload, showing the file it showed. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    this.panel?.dispose();
    const uri = typeof (state as { uri?: unknown } | undefined)?.uri === 'string' ? (state as { uri: string }).uri : undefined;
    this.attach(panel);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri && isPubtator(e.document))
      ?? (isPubtator(vscode.window.activeTextEditor?.document) ? vscode.window.activeTextEditor : undefined);
    if (editor) this.follow(editor, 'open');
    else this.post({ type: 'message', text: 'Open a PubTator file to preview it.' });
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'client')] };
    const own: vscode.Disposable[] = [];
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m), undefined, own);
    panel.onDidDispose(() => {
      if (this.panel === panel) {
        this.panel = undefined;
        this.source = undefined;
        clearTimeout(this.timer);
      }
      for (const d of own.splice(0)) d.dispose();
    }, undefined, own);
    // A hidden webview is rebuilt when shown again: it asks for the model once its script runs.
    panel.webview.html = webviewHtml(panel.webview, this.extensionUri);
  }

  private follow(editor: vscode.TextEditor, reason: UpdateReason): void {
    this.source = editor.document.uri;
    this.position = editor.selection.active;
    if (this.panel) this.panel.title = `Preview ${basename(editor.document.uri)}`;
    this.schedule(reason, 0);
  }

  private isSource(document: vscode.TextDocument): boolean {
    return this.source !== undefined && document.uri.toString() === this.source.toString();
  }

  private schedule(reason: UpdateReason, delay: number): void {
    // An edit keeps the scroll position even when a cursor move comes with it.
    this.pending = this.pending === 'edit' || reason === 'edit' ? 'edit' : this.pending === 'open' ? 'open' : reason;
    // A redraw due at once (an open, an action of the view) is not put off by the cursor move that comes with it.
    if (this.dueNow && delay > 0) return;
    clearTimeout(this.timer);
    this.dueNow = delay === 0;
    this.timer = setTimeout(() => {
      this.dueNow = false;
      const why = this.pending ?? reason;
      this.pending = undefined;
      void this.update(why);
    }, delay);
  }

  private async update(reason: UpdateReason): Promise<void> {
    if (!this.panel || !this.source || !this.ready) return;
    const client = this.getClient();
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.source!.toString());
    if (!document) {
      this.post({ type: 'message', text: 'The file of this preview is closed.' });
      return;
    }
    if (!client) {
      this.post({ type: 'message', text: 'The PubTator language server is not running.' });
      return;
    }
    const sequence = ++this.sequence;
    try {
      const window = await client.sendRequest<PreviewResult | null>(PREVIEW_REQUEST, {
        textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) },
        position: { line: this.position.line, character: this.position.character },
        around: AROUND,
      });
      // A later request (a newer cursor or text) answers for itself.
      if (sequence !== this.sequence || !this.panel) return;
      if (!window) {
        this.post({ type: 'message', text: 'The PubTator language server has no preview of this file.' });
        return;
      }
      this.post({ type: 'show', window, fileName: basename(document.uri), reason });
    } catch (e) {
      if (sequence === this.sequence) this.post({ type: 'message', text: `The preview could not be computed: ${e instanceof Error ? e.message : String(e)}` });
    }
  }

  private post(message: ToWebview): void {
    void this.panel?.webview.postMessage(message);
  }

  private receive(m: FromWebview): void {
    switch (m?.type) {
      case 'ready':
        this.ready = true;
        this.schedule('open', 0);
        break;
      case 'reveal':
        void this.reveal(m.line, m.start, m.end);
        break;
      case 'export':
        this.onExport(m.format === 'svg' ? 'svg' : 'html');
        break;
      case 'curate':
        if (this.source && typeof m.version === 'number' && typeof m.intent === 'object' && m.intent !== null && this.onCurate) {
          // VS Code reports the change before applyEdit resolves, so the count covers it.
          this.curating++;
          void this.onCurate(this.source, m).finally(() => this.curating--);
        }
        break;
    }
  }

  /** Selects a range of the source in its editor (opening one beside the preview when none shows it). */
  private async reveal(line: number, start: number, end: number): Promise<void> {
    if (!this.source || ![line, start, end].every(Number.isSafeInteger)) return;
    const shownIn = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.source!.toString());
    const column = shownIn?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const document = await vscode.workspace.openTextDocument(this.source);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
    const range = new vscode.Range(line, start, line, end);
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    // The click that asked for this also focused the webview, and the workbench may hand the focus
    // back to it after the editor took it: the user asked to go to the row, so take it once more.
    setTimeout(() => {
      if (this.panel?.active && editor.viewColumn !== this.panel.viewColumn) {
        void vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
      }
    }, REFOCUS_AFTER_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function basename(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.path;
}
