// The language server's Node entry: the common core (lsp/startServer.ts) on a
// connection over --stdio or --node-ipc (lsp/connection.ts reads argv), with
// what Node offers beyond a browser (lsp/nodeHost.ts). Without a transport it
// prints its usage (lsp/serverArgs.ts) and exits. The web worker entry is
// browserServer.ts.

import { packageVersion } from './cli/version';
import { createServerConnection } from './lsp/connection';
import { nodeHost } from './lsp/nodeHost';
import { SERVER_USAGE, serverArgs } from './lsp/serverArgs';
import { startServer } from './lsp/startServer';

const args = serverArgs(process.argv.slice(2));
if (args.kind === 'run') startServer(createServerConnection(), nodeHost());
else if (args.kind === 'help') process.stdout.write(SERVER_USAGE);
else if (args.kind === 'version') process.stdout.write(`${packageVersion()}\n`);
else {
  process.stderr.write(`pubtator-language-server: ${args.message}\n${SERVER_USAGE}`);
  process.exitCode = 2;
}
