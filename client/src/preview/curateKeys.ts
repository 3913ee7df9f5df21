// The keys of the preview are VS Code keybindings, so users can rebind them in
// Keyboard Shortcuts (search "PubTator Preview"). VS Code receives every key
// pressed in the focused view, runs the bound command here, and the command
// sends its action to the view, which acts on the mention walked to (the view
// no longer reads these keys itself). Undo and Redo act on the file: the view
// holds no edits of its own, so Ctrl+Z there means the document's last edit.
// The list of keys is previewKeys.ts.

import * as vscode from 'vscode';
import type { PreviewPanel } from './previewPanel';
import { keyHelp, PREVIEW_KEYS, PREVIEW_REDO, PREVIEW_UNDO } from './previewKeys';

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
  // The keys shown are those of the machine the user types on (a browser's, in VS Code for the web).
  const agent = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent ?? '';
  const mac = vscode.env.uiKind === vscode.UIKind.Web ? /Mac/.test(agent) : typeof process !== 'undefined' && process.platform === 'darwin';
  return vscode.Disposable.from(
    vscode.commands.registerCommand(PREVIEW_UNDO, inSource('undo')),
    vscode.commands.registerCommand(PREVIEW_REDO, inSource('redo')),
    ...PREVIEW_KEYS.filter((k) => k.action).map((k) => vscode.commands.registerCommand(k.command, () => {
      if (k.action === 'help') panel.toView({ type: 'keys', keys: keyHelp(mac) });
      panel.toView({ type: 'key', action: k.action! });
    })),
  );
}
