// The web extension's server bundle (dist/web/server.js) run as a browser
// would run it, in a Node worker thread: the bundle is evaluated in a fresh
// context holding only what a browser's dedicated worker offers (self,
// postMessage, onmessage, addEventListener, timers, fetch, TextDecoder, atob
// ...), so a use of `process`, `Buffer` or `require` fails here as it would in
// vscode.dev. The parent talks to it with vscode-jsonrpc's Port reader and
// writer, as the web client talks to its Worker.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { repoRoot } from '../../support/paths';

export const webServerPath = join(repoRoot, 'dist', 'web', 'server.js');

export function ensureWebServerBuilt(): string {
  if (!existsSync(webServerPath)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  return webServerPath;
}

/** Runs in the worker thread: builds the browser-like scope and evaluates the bundle in it. */
const BOOTSTRAP = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const vm = require('node:vm');
const listeners = new Map();
let onmessage = null;
const scope = {
  postMessage: (message) => parentPort.postMessage(message),
  addEventListener: (type, listener) => { if (!listeners.has(type)) listeners.set(type, []); listeners.get(type).push(listener); },
  removeEventListener: (type, listener) => { const l = listeners.get(type) || []; const i = l.indexOf(listener); if (i >= 0) l.splice(i, 1); },
  close: () => process.exit(0),
  setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, structuredClone, console, performance,
  TextEncoder, TextDecoder, atob, btoa, fetch, Request, Response, Headers, URL, URLSearchParams,
  AbortController, AbortSignal, Event, EventTarget, DOMException, crypto,
};
Object.defineProperty(scope, 'onmessage', { get: () => onmessage, set: (listener) => { onmessage = listener; } });
scope.self = scope;
vm.createContext(scope);
parentPort.on('message', (data) => { if (onmessage) onmessage({ data }); });
const fire = (type, event) => { const l = listeners.get(type) || []; for (const listener of l) listener(event); return l.length > 0; };
process.on('uncaughtException', (error) => { if (!fire('error', { error, message: String(error), preventDefault() {} })) throw error; });
process.on('unhandledRejection', (reason) => { fire('unhandledrejection', { reason, preventDefault() {} }); });
vm.runInContext(readFileSync(workerData.bundle, 'utf8'), scope, { filename: workerData.bundle });
`;

/** Starts the bundle in a worker thread; its stderr carries what the bundle's console printed. */
export function startWebWorker(bundle = ensureWebServerBuilt()): Worker {
  return new Worker(BOOTSTRAP, { eval: true, workerData: { bundle }, stderr: true });
}
