// A hover asked for while the language server starts would show nothing: the
// client registers its hover provider only once the server has answered
// `initialize`, and VS Code asks the providers there are at that moment, once.
// That is the first hover over the file whose opening activated the extension
// (the server is still starting), or any hover during a restart. This
// provider, registered before the start, holds such a hover until the client
// runs and then asks the client's own provider. Whenever the client's provider
// exists VS Code asks it directly, and this one answers nothing (no hover twice).

import * as vscode from 'vscode';
import { HoverRequest, State, type BaseLanguageClient, type DocumentSelector } from 'vscode-languageclient';

/** How long a hover waits for the server to start (the user has moved on long before). */
const START_WAIT_MS = 20_000;

export function registerHoverWhileStarting(client: BaseLanguageClient, selector: DocumentSelector): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector as vscode.DocumentSelector, {
    async provideHover(document, position, token) {
      if (ownProvider(client, document)) return undefined;
      if (!(await started(client, token))) return undefined;
      return ownProvider(client, document)?.provideHover(document, position, token) ?? undefined;
    },
  });
}

function ownProvider(client: BaseLanguageClient, document: vscode.TextDocument): vscode.HoverProvider | undefined {
  try {
    return client.getFeature(HoverRequest.method).getProvider(document);
  } catch {
    // No hover feature (never in this client): nothing to wait for.
    return undefined;
  }
}

/**
 * Resolves true once the client runs with its features in place, false if the
 * hover is cancelled or the server does not start in time. A stopped client
 * is not started here (the user may have stopped it): a hover waits for a
 * restart that is under way.
 */
async function started(client: BaseLanguageClient, token: vscode.CancellationToken): Promise<boolean> {
  const disposables: vscode.Disposable[] = [];
  const giveUp = new Promise<false>((resolve) => {
    const timer = setTimeout(() => resolve(false), START_WAIT_MS);
    disposables.push({ dispose: () => clearTimeout(timer) }, token.onCancellationRequested(() => resolve(false)));
  });
  try {
    if (client.state === State.Stopped) {
      const moved = new Promise<true>((resolve) => disposables.push(client.onDidChangeState((e) => {
        if (e.newState !== State.Stopped) resolve(true);
      })));
      if (!(await Promise.race([moved, giveUp]))) return false;
    }
    // Starting or running: start() gives the start under way, which resolves once the features (the hover provider) are registered.
    return await Promise.race([client.start().then(() => true), giveUp]);
  } catch {
    return false;
  } finally {
    for (const d of disposables) d.dispose();
  }
}
