// The language server's web worker entry (vscode.dev, github.dev, and any VS
// Code running the extension in its web-worker extension host): the common
// core (lsp/startServer.ts) on messages posted to and from the worker, with
// what a browser offers (lsp/browserHost.ts). Bundled by scripts/build.mjs to
// dist/web/server.js; the Node entry is server.ts.

import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { browserHost, type WorkerScope } from './lsp/browserHost';
import { startServer } from './lsp/startServer';

type Port = ConstructorParameters<typeof BrowserMessageReader>[0];
const scope = globalThis as unknown as Port & WorkerScope & { close(): void };

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
// Node's server exits on `exit`; a worker ends itself (the client also terminates it).
connection.onExit(() => scope.close());
startServer(connection, browserHost(connection, scope));
