// The preview's commands: Open Preview (in the editor's group) and Open
// Preview to the Side, as Markdown has them, and the two exports of the
// document shown (or under the cursor): Copy Preview as HTML and Save
// Preview as SVG. The server renders the exports (pubtator/previewExport).

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { isPubtator, PREVIEW_VIEW_TYPE, PreviewPanel } from './previewPanel';
import { Curator } from './curator';
import { registerCurateKeys } from './curateKeys';

export const SHOW_PREVIEW = 'pubtator.showPreview';
export const SHOW_PREVIEW_TO_SIDE = 'pubtator.showPreviewToSide';
export const COPY_PREVIEW_HTML = 'pubtator.copyPreviewHtml';
export const SAVE_PREVIEW_SVG = 'pubtator.savePreviewSvg';
const PREVIEW_EXPORT_REQUEST = 'pubtator/previewExport';

interface PreviewExport {
  id: string;
  format: 'html' | 'svg';
  content: string;
}

/** The editor a command is about: the one showing `uri` (editor title button), else the active PubTator editor. */
function editorFor(uri: unknown): vscode.TextEditor | undefined {
  if (uri instanceof vscode.Uri) {
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    if (shown && isPubtator(shown.document)) return shown;
  }
  const active = vscode.window.activeTextEditor;
  return isPubtator(active?.document) ? active : undefined;
}

export function registerPreview(context: vscode.ExtensionContext, getClient: () => BaseLanguageClient | undefined): vscode.Disposable {
  const curator = new Curator(getClient, context.extensionUri);
  const panel = new PreviewPanel(context.extensionUri, getClient, (format) => void exportPreview(format), (source, m) =>
    curator.run(source, m.version, m.intent).catch((e) => {
      void vscode.window.showErrorMessage(`The edit failed: ${e instanceof Error ? e.message : String(e)}`);
    }));

  const open = (toSide: boolean) => (uri?: unknown) => {
    const editor = editorFor(uri);
    if (!editor) {
      void vscode.window.showInformationMessage('Open a PubTator file to preview it.');
      return;
    }
    panel.show(editor, toSide ? vscode.ViewColumn.Beside : editor.viewColumn ?? vscode.ViewColumn.Active, toSide);
  };

  /** The document the export is of: the one under the cursor of the active PubTator editor, else the one the preview shows. */
  function exportTarget(): { uri: vscode.Uri; line: number } | undefined {
    const editor = editorFor(undefined);
    return editor ? { uri: editor.document.uri, line: editor.selection.active.line } : panel.shown;
  }

  async function exportPreview(format: 'html' | 'svg'): Promise<void> {
    const target = exportTarget();
    const client = getClient();
    if (!target) {
      void vscode.window.showInformationMessage('Open a PubTator file to export its preview.');
      return;
    }
    if (!client) {
      void vscode.window.showErrorMessage('The PubTator language server is not running.');
      return;
    }
    try {
      const result = await client.sendRequest<PreviewExport | null>(PREVIEW_EXPORT_REQUEST, {
        textDocument: { uri: client.code2ProtocolConverter.asUri(target.uri) }, line: target.line, format,
      });
      if (!result) {
        void vscode.window.showWarningMessage('This file has no document to export.');
        return;
      }
      if (format === 'html') {
        await vscode.env.clipboard.writeText(result.content);
        void vscode.window.showInformationMessage(`Copied the preview of document ${result.id} as HTML.`);
        return;
      }
      const folder = vscode.Uri.joinPath(target.uri, '..');
      const name = `${result.id.replace(/[^\w.-]+/g, '_') || 'document'}.svg`;
      const chosen = await vscode.window.showSaveDialog({
        defaultUri: target.uri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(folder, name),
        filters: { 'SVG picture': ['svg'] },
        saveLabel: 'Save SVG',
      });
      if (!chosen) return;
      await vscode.workspace.fs.writeFile(chosen, new TextEncoder().encode(result.content));
      void vscode.window.showInformationMessage(`Saved the preview of document ${result.id} to ${chosen.path.split('/').pop()}.`);
    } catch (e) {
      void vscode.window.showErrorMessage(`Exporting the preview failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return vscode.Disposable.from(
    panel,
    registerCurateKeys(panel),
    vscode.commands.registerCommand(SHOW_PREVIEW, open(false)),
    vscode.commands.registerCommand(SHOW_PREVIEW_TO_SIDE, open(true)),
    vscode.commands.registerCommand(COPY_PREVIEW_HTML, () => exportPreview('html')),
    vscode.commands.registerCommand(SAVE_PREVIEW_SVG, () => exportPreview('svg')),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel, state) => panel.restore(webviewPanel, state),
    }),
  );
}
