// Undo and Redo pressed in the preview act on its file: the view holds no
// edits of its own, so Ctrl+Z there means the document's last edit (the
// keybindings in package.json run these commands while the preview is active).

import * as vscode from 'vscode';
import type { PreviewPanel } from './previewPanel';

export const PREVIEW_UNDO = 'pubtator.preview.undo';
export const PREVIEW_REDO = 'pubtator.preview.redo';

export function registerCurateKeys(panel: PreviewPanel): vscode.Disposable {
  const inSource = (command: 'undo' | 'redo') => async () => {
    const uri = panel.sourceUri;
    if (!uri) return;
    const document = await vscode.workspace.openTextDocument(uri);
    const shown = vscode.window.visibleTextEditors.find((e) => e.document === document);
    // The editor takes the focus for the command, then the view gets it back.
    await vscode.window.showTextDocument(document, { viewColumn: shown?.viewColumn ?? vscode.ViewColumn.Beside, preserveFocus: false });
    await vscode.commands.executeCommand(command);
    panel.focus();
  };
  return vscode.Disposable.from(
    vscode.commands.registerCommand(PREVIEW_UNDO, inSource('undo')),
    vscode.commands.registerCommand(PREVIEW_REDO, inSource('redo')),
  );
}
