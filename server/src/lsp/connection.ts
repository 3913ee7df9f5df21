// The server's connection: what vscode-languageserver's createConnection
// reads from the command line (--node-ipc, --stdio, --socket, --pipe), except
// that stdio input goes through WholeMessages first (see wholeMessages.ts).

import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { WholeMessages } from './wholeMessages';

const TRANSPORTS = /^--(node-ipc|stdio|socket|pipe)(=|$)/;

export function createServerConnection(argv: readonly string[] = process.argv.slice(2)): Connection {
  const transport = argv.find((a) => TRANSPORTS.test(a));
  if (transport !== '--stdio') return createConnection(ProposedFeatures.all);
  const connection = createConnection(ProposedFeatures.all, process.stdin.pipe(new WholeMessages()), process.stdout);
  // What the library does for --stdio itself: stdout carries the protocol, so
  // console output must go to the client's log instead.
  console.log = (...args: unknown[]) => connection.console.log(format(...args));
  console.info = (...args: unknown[]) => connection.console.info(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  return connection;
}
