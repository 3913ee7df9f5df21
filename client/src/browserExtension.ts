// The extension's web entry (package.json `browser`: vscode.dev, github.dev,
// and any VS Code running it in its web-worker extension host): the language
// server runs in a web worker started from dist/web/server.js. Everything
// else is common to both hosts (activate.ts); the Node entry is extension.ts.

import * as vscode from 'vscode';
import {
  BrowserMessageReader, BrowserMessageWriter, LanguageClient, type BaseLanguageClient, type MessageTransports,
} from 'vscode-languageclient/browser';
import { activateClient } from './activate';

/** The worker API of the web extension host (this project compiles without the DOM library). */
interface ServerWorker {
  terminate(): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

const WORKER_NAME = 'PubTator language server';

let client: BaseLanguageClient | undefined;
let worker: ServerWorker | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverUrl = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js').toString(true);
  // A new worker for each start (the client starts again after a crash or a restart); the old one is ended.
  // Transports rather than the worker itself: the library tells a worker by `instanceof Worker`,
  // which fails for the workers of VS Code's web extension host (it wraps the constructor).
  const startWorker = async (): Promise<MessageTransports> => {
    worker?.terminate();
    const started = await createWorker(serverUrl);
    worker = started;
    const port = started as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
    return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
  };
  client = await activateClient(context, {
    kind: 'browser',
    createClient: (id, name, options) => new LanguageClient(id, name, startWorker, options),
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
  worker?.terminate();
  worker = undefined;
}

/**
 * The worker, from the extension's URL (vscode.dev and github.dev serve
 * extensions from a web address). VS Code refuses to start a worker from an
 * extension installed on a remote (code-server, a codespace opened in a
 * browser): the script is then fetched, which the host maps to a browser URL,
 * and started from memory.
 */
async function createWorker(url: string): Promise<ServerWorker> {
  try {
    return new Worker(url, { name: WORKER_NAME });
  } catch {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the language server's script ${url} could not be loaded (${response.status})`);
    const script = await response.blob();
    return new Worker(URL.createObjectURL(new Blob([script], { type: 'text/javascript' })), { name: WORKER_NAME });
  }
}
