// The hover of PubTator and BioC files, as one provider that outlives the
// language server's restarts. The client's own hover provider exists only
// while a server runs (it is registered once the server has answered
// `initialize` and removed when it stops), and VS Code asks the providers there
// are at that moment, once: the first hover over the file whose opening
// activated the extension, or any hover during a restart, showed nothing, and
// one asked just before a restart was dropped with the old server. This
// provider, registered before the start, waits for a server that is starting,
// and asks the new server again when the old one stopped under the request.
// The client's own provider is kept silent (middleware), so a hover shows once.

import * as vscode from 'vscode';
import { HoverRequest, State, type BaseLanguageClient, type DocumentSelector, type Middleware } from 'vscode-languageclient';

/** How long a hover waits for a stopped server to start again (the user has moved on long before). */
const START_WAIT_MS = 20_000;
/** Requests per hover: the first, and one to the server that replaced a stopped one. */
const ATTEMPTS = 2;

/** The client's middleware that silences its own hover provider (this file's provider answers instead). */
export const SILENT_CLIENT_HOVER: Pick<Middleware, 'provideHover'> = {
  provideHover: () => undefined,
};

export function registerHoverWhileStarting(client: BaseLanguageClient, selector: DocumentSelector): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector as vscode.DocumentSelector, {
    async provideHover(document, position, token) {
      for (let attempt = 0; attempt < ATTEMPTS && !token.isCancellationRequested; attempt++) {
        if (!(await notStopped(client, token))) return undefined;
        try {
          // A starting client sends the request once it runs (sendRequest waits for the start).
          const answer = await client.sendRequest(HoverRequest.type, client.code2ProtocolConverter.asTextDocumentPositionParams(document, position), token);
          return answer ? client.protocol2CodeConverter.asHover(answer) : undefined;
        } catch {
          // The server stopped under the request (a restart): ask the next one.
        }
      }
      return undefined;
    },
  });
}

/**
 * Resolves true once the client is starting or running, false if the hover is
 * cancelled or no server starts in time. A stopped client is not started here
 * (the user may have stopped it): a hover waits for a restart under way.
 */
async function notStopped(client: BaseLanguageClient, token: vscode.CancellationToken): Promise<boolean> {
  if (client.state === State.Starting || client.state === State.Running) return true;
  const disposables: vscode.Disposable[] = [];
  try {
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), START_WAIT_MS);
      disposables.push(
        { dispose: () => clearTimeout(timer) },
        token.onCancellationRequested(() => resolve(false)),
        client.onDidChangeState((e) => {
          if (e.newState === State.Starting || e.newState === State.Running) resolve(true);
        }),
      );
    });
  } finally {
    for (const d of disposables) d.dispose();
  }
}
