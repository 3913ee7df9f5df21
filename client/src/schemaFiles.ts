// The client side of corpus schemas. It answers the server's requests for
// pubtator.schema.json files through vscode.workspace.fs, which reads every
// kind of workspace (the Node server reads local files itself; a web worker,
// and any server on github.dev's virtual files, cannot). It also offers
// "PubTator: Create Schema from This File".

import * as vscode from 'vscode';
import { ExecuteCommandRequest, type BaseLanguageClient } from 'vscode-languageclient';

/** Same names as in server/src/lsp/schemaFiles.ts and schemaCommand.ts. */
const FIND_SCHEMA_REQUEST = 'pubtator/findSchema';
const READ_SCHEMA_REQUEST = 'pubtator/readSchema';
const SCHEMA_FILE_NAME = 'pubtator.schema.json';
const LEARN_SCHEMA_COMMAND = 'pubtator.learnSchema';
/** Folders looked through above a document at most, when it is in no workspace folder. */
const MAX_LEVELS = 32;

type SchemaFile = { location: string; text: string } | null;

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

function parentOf(uri: vscode.Uri): vscode.Uri | undefined {
  const parent = vscode.Uri.joinPath(uri, '..');
  return parent.path === uri.path ? undefined : parent;
}

/** The nearest schema file from the document's folder up to its workspace folder (or the root). */
async function findSchema(documentUri: string): Promise<SchemaFile> {
  const doc = vscode.Uri.parse(documentUri);
  const root = vscode.workspace.getWorkspaceFolder(doc)?.uri;
  let dir = parentOf(doc);
  for (let level = 0; dir && level < MAX_LEVELS; level++) {
    const file = vscode.Uri.joinPath(dir, SCHEMA_FILE_NAME);
    const text = await readText(file);
    if (text !== undefined) return { location: file.toString(), text };
    if (root && dir.toString() === root.toString()) break;
    dir = parentOf(dir);
  }
  return null;
}

async function readSchema(ref: string, from: string): Promise<SchemaFile> {
  const uri = /^[a-z][a-z0-9+.-]+:/i.test(ref) ? vscode.Uri.parse(ref) : vscode.Uri.joinPath(vscode.Uri.parse(from), '..', ref);
  const text = await readText(uri);
  return text === undefined ? null : { location: uri.toString(), text };
}

export function registerSchemaFiles(client: BaseLanguageClient): void {
  client.onRequest(FIND_SCHEMA_REQUEST, (params: { uri?: unknown }) => (typeof params?.uri === 'string' ? findSchema(params.uri) : null));
  client.onRequest(READ_SCHEMA_REQUEST, (params: { ref?: unknown; from?: unknown }) =>
    (typeof params?.ref === 'string' && typeof params.from === 'string' ? readSchema(params.ref, params.from) : null));
}

/**
 * Writes the open file's conventions as pubtator.schema.json beside it and
 * opens it; when one is there already, the new one opens unsaved beside it
 * instead, so nothing the user wrote is overwritten.
 */
export function registerCreateSchema(getClient: () => BaseLanguageClient | undefined): vscode.Disposable {
  return vscode.commands.registerCommand('pubtator.createSchema', async () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'pubtator') {
      void vscode.window.showInformationMessage('Open a PubTator file first: the schema is learned from it.');
      return;
    }
    const client = getClient();
    if (!client?.isRunning()) {
      void vscode.window.showWarningMessage('The PubTator language server is not running yet; try again in a moment.');
      return;
    }
    const result = await client.sendRequest(ExecuteCommandRequest.type, {
      command: LEARN_SCHEMA_COMMAND, arguments: [{ uri: client.code2ProtocolConverter.asUri(editor.document.uri) }],
    }) as { text?: string; error?: string } | undefined;
    if (!result?.text) {
      void vscode.window.showWarningMessage(`No schema could be learned: ${result?.error ?? 'the server gave no answer'}`);
      return;
    }
    const target = vscode.Uri.joinPath(editor.document.uri, '..', SCHEMA_FILE_NAME);
    if (editor.document.uri.scheme !== 'untitled' && (await readText(target)) === undefined) {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.text));
      await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.Beside });
      void vscode.window.showInformationMessage(`Wrote ${SCHEMA_FILE_NAME}: the conventions of ${editor.document.uri.path.split('/').pop()}. Edit it to say what the corpus allows; the checks follow it.`);
      return;
    }
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: result.text });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside });
    void vscode.window.showInformationMessage(`A ${SCHEMA_FILE_NAME} is already there, so the learned schema opened unsaved: compare, then save what you want to keep.`);
  });
}
