// The extension's Node entry (package.json `main`: desktop VS Code and remote
// hosts): the language server runs as a Node process over IPC. Everything
// else is common to both hosts (activate.ts); the web entry is browserExtension.ts.

import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type BaseLanguageClient, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient } from './activate';
import { SERVER_EXEC_ARGV } from './serverProcess';

let client: BaseLanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server/server.js');
  const run = { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } };
  const serverOptions: ServerOptions = { run, debug: run };
  client = await activateClient(context, {
    kind: 'node',
    createClient: (id, name, options) => new LanguageClient(id, name, serverOptions, options),
  });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
