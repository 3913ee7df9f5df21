// What the extension does on activation in either host: make the language
// client (the entry says how: a Node process over IPC in extension.ts, a web
// worker in browserExtension.ts), register the commands, and start it. Every
// feature lives in the server; nothing else happens here.

import * as vscode from 'vscode';
import {
  CloseAction, ErrorAction, RevealOutputChannelOn,
  type BaseLanguageClient, type CloseHandlerResult, type ErrorHandler, type LanguageClientOptions,
} from 'vscode-languageclient';
import { registerAnnotateSelection } from './annotateSelection';
import { registerBuildMeshIndex } from './buildMeshIndex';
import { registerCarryAnnotations } from './carryAnnotations';
import { registerCompare } from './compare';
import { registerAdjudicate } from './adjudicate';
import { registerPreview } from './preview/previewCommands';
import { registerServerCommands } from './serverCommands';
import { registerFetchDocuments } from './fetchDocuments';
import { registerWalkthrough } from './walkthrough';
import { registerWorkspaceFiles } from './workspaceFiles';
import { registerCreateSchema, registerSchemaFiles } from './schemaFiles';
import { listenForLargeWorkspace, registerCheckWorkspace } from './workspaceChecks';
import { BIOC_LANGUAGES, registerBiocLanguage } from './biocLanguage';
import { registerHoverWhileStarting, SILENT_CLIENT_HOVER } from './hoverWhileStarting';

export const CLIENT_ID = 'pubtator';
export const CLIENT_NAME = 'PubTator Language Server';
/** Tells the server that look-ups are now allowed (lsp/startServer.ts). */
const WORKSPACE_TRUSTED_NOTIFICATION = 'pubtator/workspaceTrusted';
/** vscode-languageclient's default: restart at most 4 times within 3 minutes. */
const MAX_RESTARTS = 4;
/**
 * Where PubTator files are served from: local and unsaved files, virtual
 * workspaces (github.dev, vscode.dev: `vscode-vfs`), a remote seen from the
 * browser (`vscode-remote`) and @vscode/test-web. The server needs only the text.
 */
const SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web'];

export interface ClientHost {
  /** `node` (desktop, remote) or `browser` (web worker extension host). */
  kind: 'node' | 'browser';
  /** Makes the client; the id `pubtator` makes it read its trace level from `pubtator.trace.server`. */
  createClient(id: string, name: string, options: LanguageClientOptions): BaseLanguageClient;
}

export async function activateClient(context: vscode.ExtensionContext, host: ClientHost): Promise<BaseLanguageClient> {
  const outputChannel = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    documentSelector: SCHEMES.flatMap((scheme) => ['pubtator', ...BIOC_LANGUAGES].map((language) => ({ scheme, language }))),
    outputChannel,
    // The server answers every request (a failing feature gives its empty answer), so a failed request
    // is the transport's, e.g. one the editor sent as the server restarted: logged, not shown as an error.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler: restartThenTell(() => client),
    // Hovers go through registerHoverWhileStarting's provider, which outlives restarts.
    middleware: { ...SILENT_CLIENT_HOVER },
    // Where the server keeps the MeSH index and the look-up cache, and whether it may go online.
    initializationOptions: () => ({
      storagePath: context.globalStorageUri.scheme === 'file' ? context.globalStorageUri.fsPath : undefined,
      trusted: vscode.workspace.isTrusted,
    }),
  };
  const client = host.createClient(CLIENT_ID, CLIENT_NAME, clientOptions);
  // Commands before the start, so that they answer (or say why not) even while the server starts.
  context.subscriptions.push(
    registerAnnotateSelection(() => client),
    registerBuildMeshIndex(() => client, host.kind),
    registerPreview(context, () => client),
    registerCreateSchema(() => client),
    registerCompare(() => client),
    registerAdjudicate(() => client),
    registerCheckWorkspace(() => client),
    listenForLargeWorkspace(client, context.workspaceState),
    ...registerServerCommands(() => client, outputChannel),
    registerFetchDocuments(() => client),
    registerWalkthrough(context.extensionUri),
    registerBiocLanguage(),
    // Before the start: a hover asked for while the server starts (or restarts) waits for it, instead of showing nothing.
    registerHoverWhileStarting(client, clientOptions.documentSelector!),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION);
    }),
  );
  registerWorkspaceFiles(client);
  registerSchemaFiles(client);
  await client.start();
  // After the start: its listener of text changes runs before this one, so the server has an edit before it is asked to carry it.
  context.subscriptions.push(registerCarryAnnotations(() => client));
  return client;
}

/**
 * The library's default handler (restart up to 4 times in 3 minutes), telling
 * the user each time it restarts the server and, once it gives up, that
 * checks are off, each with a way to the log.
 */
function restartThenTell(getClient: () => BaseLanguageClient | undefined): ErrorHandler {
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
        `The PubTator language server crashed ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted. PubTator checks are off until you run "PubTator: Restart Language Server" or reload the window.`,
        'Show Output',
      ).then((choice) => {
        if (choice) getClient()?.outputChannel.show(true);
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}
