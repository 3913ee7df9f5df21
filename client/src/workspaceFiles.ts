// Reads a file for the language server when it runs in a web worker and has
// no disk: the server asks for the MeSH index `pubtator.mesh.index` names, and
// the client reads it through vscode.workspace.fs, which serves every kind of
// workspace (github.dev's virtual files, a remote, the local disk). A path is
// taken as the user wrote it: a URI, or a path relative to a workspace folder
// (or absolute within one). The bytes go back as base64, whatever carries the
// messages.

import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

/** Same name as READ_FILE_REQUEST in server/src/lsp/browserHost.ts. */
const READ_FILE_REQUEST = 'pubtator/readFile';
/** Larger files are refused: the worker holds the file in memory (a whole MeSH index is far smaller). */
const MAX_BYTES = 512 * 1024 * 1024;
/** Bytes encoded at a time: a multiple of 3, so the pieces' base64 joins into one. */
const CHUNK = 3 * 8192;

type ReadFileResult = { base64: string } | { error: string };

export function registerWorkspaceFiles(client: BaseLanguageClient): void {
  client.onRequest(READ_FILE_REQUEST, async (params: { path?: unknown }): Promise<ReadFileResult> => {
    const path = typeof params?.path === 'string' ? params.path.trim() : '';
    if (!path) return { error: 'no file was named' };
    try {
      const uri = await locate(path);
      if (!uri) return { error: `${path} was found in no workspace folder (give a path relative to the workspace, or a URI)` };
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_BYTES) return { error: `${path} is ${(stat.size / 1e6).toFixed(0)} MB, more than the ${MAX_BYTES / 1e6} MB the web extension reads` };
      return { base64: toBase64(await vscode.workspace.fs.readFile(uri)) };
    } catch (e) {
      return { error: `${path} cannot be read: ${e instanceof Error ? e.message : String(e)}` };
    }
  });
}

/** The first place the path names that exists. */
async function locate(path: string): Promise<vscode.Uri | undefined> {
  for (const uri of candidates(path)) {
    try {
      await vscode.workspace.fs.stat(uri);
      return uri;
    } catch {
      // not there: try the next folder
    }
  }
  return undefined;
}

function candidates(path: string): vscode.Uri[] {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(path)) return [vscode.Uri.parse(path)];
  const folders = vscode.workspace.workspaceFolders ?? [];
  const slashed = path.replace(/\\/g, '/');
  if (slashed.startsWith('/')) return [...folders.map((f) => f.uri.with({ path: slashed })), vscode.Uri.file(path)];
  return folders.map((f) => vscode.Uri.joinPath(f.uri, slashed));
}

function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK))));
  }
  return parts.join('');
}
