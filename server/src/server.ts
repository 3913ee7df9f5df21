// The language server's Node entry: the common core (lsp/startServer.ts) on a
// connection over --stdio or --node-ipc (lsp/connection.ts reads argv), with
// what Node offers beyond a browser (lsp/nodeHost.ts). The web worker entry is
// browserServer.ts.

import { createServerConnection } from './lsp/connection';
import { nodeHost } from './lsp/nodeHost';
import { startServer } from './lsp/startServer';

startServer(createServerConnection(), nodeHost());
