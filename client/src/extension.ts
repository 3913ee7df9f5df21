// The VS Code side: start the PubTator language server and hand it the
// documents. Every feature lives in the server; nothing else happens here.

import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, LanguageClient, TransportKind,
  type CloseHandlerResult, type ErrorHandler, type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { registerAnnotateSelection } from './annotateSelection';
import { registerBuildMeshIndex } from './buildMeshIndex';
import { registerWalkthrough } from './walkthrough';
import { SERVER_EXEC_ARGV } from './serverProcess';

const NAME = 'PubTator Language Server';
/** Tells the server that look-ups are now allowed (lsp/conceptHost.ts). */
const WORKSPACE_TRUSTED_NOTIFICATION = 'pubtator/workspaceTrusted';
/** vscode-languageclient's default: restart at most 4 times within 3 minutes. */
const MAX_RESTARTS = 4;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server/server.js');
  const run = { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } };
  const serverOptions: ServerOptions = { run, debug: run };
  const outputChannel = vscode.window.createOutputChannel(NAME, { log: true });
  context.subscriptions.push(outputChannel);
  // "Annotate Selection" asks the server; registered first so it answers even while the server starts.
  context.subscriptions.push(registerAnnotateSelection(() => client));
  context.subscriptions.push(registerBuildMeshIndex(() => client));
  context.subscriptions.push(registerWalkthrough(context.extensionUri));
  const clientOptions: LanguageClientOptions = {
    // Local and unsaved files, and files of virtual workspaces (the server needs only the text).
    documentSelector: ['file', 'untitled', 'vscode-vfs'].map((scheme) => ({ scheme, language: 'pubtator' })),
    outputChannel,
    errorHandler: restartThenTell(() => client),
    // Where the server keeps the MeSH index and the look-up cache, and whether it may go online.
    initializationOptions: () => ({
      storagePath: context.globalStorageUri.scheme === 'file' ? context.globalStorageUri.fsPath : undefined,
      trusted: vscode.workspace.isTrusted,
    }),
  };
  // The id `pubtator` makes the client read its trace level from `pubtator.trace.server`.
  client = new LanguageClient('pubtator', NAME, serverOptions, clientOptions);
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => {
    void client?.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
  }));
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/**
 * The library's default handler (restart up to 4 times in 3 minutes), telling
 * the user each time it restarts the server and, once it gives up, that
 * checks are off, each with a way to the log.
 */
function restartThenTell(getClient: () => LanguageClient | undefined): ErrorHandler {
  let fallback: ErrorHandler | undefined;
  const inner = (): ErrorHandler | undefined => (fallback ??= getClient()?.createDefaultErrorHandler(MAX_RESTARTS));
  return {
    error: (error, message, count) => inner()?.error(error, message, count) ?? { action: ErrorAction.Continue },
    async closed(): Promise<CloseHandlerResult> {
      const result = await inner()?.closed();
      if (!result || result.action === CloseAction.Restart) {
        getClient()?.outputChannel.appendLine('The PubTator language server stopped unexpectedly; restarting it.');
        void vscode.window.showWarningMessage('The PubTator language server stopped unexpectedly and was restarted.', 'Show Output')
          .then((choice) => {
            if (choice) getClient()?.outputChannel.show(true);
          });
        return { action: CloseAction.Restart, handled: true };
      }
      void vscode.window.showErrorMessage(
        `The PubTator language server crashed ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted. PubTator checks are off until you reload the window.`,
        'Show Output',
      ).then((choice) => {
        if (choice) getClient()?.outputChannel.show(true);
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}
