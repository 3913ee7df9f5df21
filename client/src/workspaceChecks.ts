// The client's share of the workspace checks (the server's lsp/workspaceChecks.ts):
// "PubTator: Check Workspace", which asks the server to check every PubTator
// file of the workspace once and says what it found; and, once per workspace,
// telling the user that the workspace is too large to be checked on its own,
// with a button to check it now and one to always check it.

import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';

export const CHECK_WORKSPACE_COMMAND = 'pubtator.checkWorkspace';
const SERVER_COMMAND = 'pubtator.workspace.check';
const TOO_LARGE_NOTIFICATION = 'pubtator/workspaceTooLarge';
const TOLD_KEY = 'pubtator.toldWorkspaceTooLarge';

export function registerCheckWorkspace(getClient: () => BaseLanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, async () => {
    const client = getClient();
    if (!client || !client.isRunning()) {
      void vscode.window.showErrorMessage('The PubTator language server is not running.');
      return;
    }
    const result = await client.sendRequest(ExecuteCommandRequest.type, { command: SERVER_COMMAND, arguments: [] }) as { files?: number; problems?: number } | undefined;
    if (result && typeof result.files === 'number') {
      vscode.window.setStatusBarMessage(`PubTator: checked ${result.files} file${result.files === 1 ? '' : 's'}, ${result.problems ?? 0} problem${result.problems === 1 ? '' : 's'}`, 10_000);
    }
  });
}

/** Once per workspace: the workspace holds more PubTator text than is checked on its own. */
export function listenForLargeWorkspace(client: BaseLanguageClient, state: vscode.Memento): vscode.Disposable {
  return client.onNotification(TOO_LARGE_NOTIFICATION, (params: { bytes?: number; files?: number }) => {
    if (state.get(TOLD_KEY)) return;
    void state.update(TOLD_KEY, true);
    const mb = Math.round((params.bytes ?? 0) / (1024 * 1024));
    const now = 'Check Workspace Now';
    const always = 'Always Check the Whole Workspace';
    void vscode.window.showInformationMessage(
      `This workspace holds ${mb} MB of PubTator files (${params.files ?? 0} files), more than PubTator checks in the background on its own (200 MB): it checks the files you open.`,
      now, always,
    ).then((choice) => {
      if (choice === now) void vscode.commands.executeCommand(CHECK_WORKSPACE_COMMAND);
      if (choice === always) void vscode.workspace.getConfiguration('pubtator').update('diagnostics.scope', 'workspace', vscode.ConfigurationTarget.Workspace);
    });
  });
}
