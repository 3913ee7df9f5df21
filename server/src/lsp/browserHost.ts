// What the server core gets in a browser web worker: concept sources without
// a disk (browserConcepts.ts), files read by the client on request, no forced
// garbage collection (a page cannot ask for one), and the worker's error
// events for exceptions no handler caught.

import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { MemoryFetchCache } from '../service/fetch/fetchCache';
import { BrowserConcepts } from './browserConcepts';
import { describe } from './runSafe';
import type { ServerHost } from './serverHost';

/**
 * Asks the client for a file's bytes: params `{ path }` (a path as the user
 * wrote it in a setting, or a URI), answer `{ base64 }` or `{ error }`.
 * The client reads through vscode.workspace.fs (client/src/workspaceFiles.ts).
 */
export const READ_FILE_REQUEST = 'pubtator/readFile';

export type ReadFileResult = { base64: string } | { error: string };

/** The worker's global scope, as far as the host uses it. */
export interface WorkerScope {
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: { error?: unknown; reason?: unknown; message?: unknown; preventDefault(): void }) => void): void;
}

export function browserHost(connection: Connection, scope: WorkerScope): ServerHost {
  return {
    name: 'web worker',
    createConcepts: (context) => new BrowserConcepts({
      ...context,
      readFile: (path) => readFile(connection, path),
      inform: (message) => {
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message });
        context.log.info(message);
      },
    }),
    // No disk: fetched documents are kept for as long as the worker lives.
    fetchCache: () => new MemoryFetchCache(),
    catchStray(log) {
      scope.addEventListener('error', (e) => {
        log(`Uncaught exception: ${describe(e.error ?? e.message)}`);
        e.preventDefault();
      });
      scope.addEventListener('unhandledrejection', (e) => {
        log(`Unhandled rejection: ${describe(e.reason)}`);
        e.preventDefault();
      });
    },
  };
}

async function readFile(connection: Connection, path: string): Promise<Uint8Array> {
  const result = await connection.sendRequest<ReadFileResult>(READ_FILE_REQUEST, { path });
  if (result && typeof result === 'object' && 'base64' in result && typeof result.base64 === 'string') return fromBase64(result.base64);
  throw new Error(result && typeof result === 'object' && 'error' in result && typeof result.error === 'string' ? result.error : 'the editor did not send the file');
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
