// "PubTator: Restart Language Server" and "PubTator: Show Output", in both
// hosts: what a user reaches for when checks look stale or the server
// stopped after repeated crashes.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

export const RESTART_SERVER_COMMAND = 'pubtator.restartServer';
export const SHOW_OUTPUT_COMMAND = 'pubtator.showOutput';

export function registerServerCommands(getClient: () => BaseLanguageClient | undefined, output: vscode.OutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(SHOW_OUTPUT_COMMAND, () => output.show(true)),
    vscode.commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
      const client = getClient();
      if (!client) {
        void vscode.window.showErrorMessage('The PubTator language server has not been created yet; open a PubTator file first.');
        return;
      }
      try {
        await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Restarting the PubTator language server' }, async () => {
          // A server that crashed too often is stopped already; one still starting cannot be stopped yet.
          if (client.isRunning()) await client.stop();
          await client.start();
        });
        output.appendLine('The PubTator language server was restarted (PubTator: Restart Language Server).');
      } catch (e) {
        output.appendLine(`Restarting the PubTator language server failed: ${e instanceof Error ? e.message : String(e)}`);
        void vscode.window.showErrorMessage('Restarting the PubTator language server failed.', 'Show Output').then((choice) => {
          if (choice) output.show(true);
        });
      }
    }),
  ];
}
