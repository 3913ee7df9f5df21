// A real JSON-RPC client for the built server over its stdio (or Node IPC), or
// for the web extension's server bundle in a worker: what VS Code's language
// client does, minus the editor. It answers workspace/configuration with the
// settings the test sets, and records every published diagnostic.

import { fork, spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import {
  createProtocolConnection, IPCMessageReader, IPCMessageWriter, PortMessageReader, PortMessageWriter,
  StreamMessageReader, StreamMessageWriter,
  ConfigurationRequest, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, ExitNotification, InitializeRequest,
  InitializedNotification, LogMessageNotification, PublishDiagnosticsNotification, RegistrationRequest,
  ShutdownRequest, WorkDoneProgressCreateRequest, ProgressType,
  type ClientCapabilities, type Registration, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport, type Diagnostic, type InitializeResult, type ProtocolConnection,
  type PublishDiagnosticsParams, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { pathToFileURL } from 'node:url';
import { ensureServerBuilt } from './server';
import { startWebWorker } from './webWorker';

export interface StartOptions {
  /** Whether the client offers workspace/configuration (VS Code does; some clients do not). */
  configuration?: boolean;
  /** The `pubtator` settings section to answer with. */
  settings?: Record<string, unknown>;
  /**
   * stdio (Neovim and most editors), Node IPC (VS Code's TransportKind.ipc), or
   * `worker`: the web extension's bundle (dist/web/server.js) in a worker thread.
   */
  transport?: 'stdio' | 'ipc' | 'worker';
  /** Sent as InitializeParams.initializationOptions (VS Code's client sends storagePath and trusted). */
  initializationOptions?: unknown;
  /** For `worker`: the bundle to run (default dist/web/server.js). */
  workerBundle?: string;
  /** Extra environment variables for the server process (not for `worker`). */
  env?: Record<string, string>;
  /** Node/V8 flags for the server process (none unless given). */
  execArgv?: readonly string[];
  /** Workspace folders (file: URIs); none unless given, as most tests run on open files alone. */
  workspaceFolders?: string[];
  /** Sections other than `pubtator` that workspace/configuration answers (e.g. `files.exclude`). */
  sections?: Record<string, unknown>;
  /** Offer dynamic registration of file watchers and work-done progress, as VS Code does. */
  watchAndProgress?: boolean;
}

const WAIT_MS = 20000;

/**
 * vscode-jsonrpc's stream reader keeps re-arming its partial-message timer
 * (every 10 s) after it is disposed when the server was killed in the middle
 * of a message, and that timer alone keeps the test process from exiting.
 */
class StoppingStreamReader extends StreamMessageReader {
  override dispose(): void {
    this.partialMessageTimeout = 0;
    (this as unknown as { clearPartialMessageTimer(): void }).clearPartialMessageTimer();
    super.dispose();
  }
}

export class LspTestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly logs: string[] = [];
  /** Sections asked for through workspace/configuration. */
  readonly configurationRequests: string[] = [];
  /** What the server registered dynamically. */
  readonly registrations: Registration[] = [];
  /** Notifications the server sent that have no handler of their own here (pubtator/..., window/showMessage). */
  readonly notifications: { method: string; params: unknown }[] = [];
  /** Work-done progress the server reported, in order. */
  readonly progress: (WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd)[] = [];
  settings: Record<string, unknown>;
  initializeResult?: InitializeResult;
  private readonly exited: Promise<number | null>;
  private readonly waiters = new Set<() => void>();
  private stderr = '';
  private readonly running: () => boolean;

  private constructor(private readonly server: ChildProcess | Worker, readonly connection: ProtocolConnection, options: StartOptions) {
    this.settings = options.settings ?? {};
    (server.stderr as Readable | null)?.on('data', (chunk) => { this.stderr += String(chunk); });
    let running = true;
    this.exited = new Promise((resolve) => server.on('exit', (code: number | null) => {
      running = false;
      resolve(code);
    }));
    this.running = () => running;
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.wake();
    });
    connection.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p.message);
      this.wake();
    });
    connection.onRequest(ConfigurationRequest.type, (p) => p.items.map((item) => {
      this.configurationRequests.push(item.section ?? '');
      return item.section === 'pubtator' ? this.settings : options.sections?.[item.section ?? ''] ?? null;
    }));
    connection.onUnhandledNotification((message) => {
      this.notifications.push({ method: message.method, params: message.params });
      this.wake();
    });
    connection.onRequest(RegistrationRequest.type, (p) => {
      this.registrations.push(...p.registrations);
      this.wake();
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, (p) => {
      connection.onProgress(new ProgressType<WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd>(), p.token, (value) => {
        this.progress.push(value);
        this.wake();
      });
    });
    connection.listen();
  }

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const server = ensureServerBuilt();
    let child: ChildProcess;
    let connection: ProtocolConnection;
    const env = options.env ? { ...process.env, ...options.env } : undefined;
    if (options.transport === 'worker') {
      const worker = startWebWorker(options.workerBundle);
      return new LspTestClient(worker, createProtocolConnection(new PortMessageReader(worker), new PortMessageWriter(worker)), options).initialize(options);
    }
    if (options.transport === 'ipc') {
      child = fork(server, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], env, execArgv: [...(options.execArgv ?? [])] });
      connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    } else {
      child = spawn(process.execPath, [...(options.execArgv ?? []), server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
      connection = createProtocolConnection(new StoppingStreamReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    }
    return new LspTestClient(child, connection, options).initialize(options);
  }

  /** The server's process (stdio and IPC only). */
  get process(): ChildProcess {
    if ('terminate' in this.server) throw new Error('the web worker server has no process');
    return this.server;
  }

  private async initialize(options: StartOptions): Promise<LspTestClient> {
    const capabilities: ClientCapabilities = {
      workspace: {
        ...(options.configuration === false ? {} : { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }),
        ...(options.workspaceFolders ? { workspaceFolders: true } : {}),
        ...(options.watchAndProgress ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
      },
      ...(options.watchAndProgress ? { window: { workDoneProgress: true } } : {}),
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { relatedInformation: true, versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
    };
    this.initializeResult = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid, rootUri: options.workspaceFolders?.[0] ?? null, capabilities,
      workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
      initializationOptions: options.initializationOptions,
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
    return this;
  }

  static uri(name: string): string {
    return pathToFileURL(`/virtual/${name}`).href;
  }

  async open(uri: string, text: string, version = 1, languageId = 'pubtator'): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Changes the settings and tells the server, as VS Code does after a settings edit. */
  async configure(settings: Record<string, unknown>, push = false): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: push ? { pubtator: settings } : null });
  }

  /** How many publishes have arrived so far: pass it to `diagnostics` to wait for a later one. */
  mark(): number {
    return this.published.length;
  }

  /** The diagnostics of the first publish for `uri` after `mark` that satisfies `accept`. */
  async diagnostics(uri: string, since: number, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
    const found = await this.until(() => this.published.slice(since).find((p) => p.uri === uri && accept(p)), `diagnostics for ${uri}`);
    return found.diagnostics;
  }

  /** Waits for a condition that notifications make true, failing with the server's stderr after a while. */
  async until<T>(probe: () => T | undefined, what: string): Promise<T> {
    const now = probe();
    if (now !== undefined) return now;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`Timed out waiting for ${what}. Server stderr:\n${this.stderr}\nLogs:\n${this.logs.join('\n')}`));
      }, WAIT_MS);
      const check = () => {
        const value = probe();
        if (value === undefined) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(value);
      };
      this.waiters.add(check);
    });
  }

  isAlive(): boolean {
    return this.running();
  }

  /** shutdown, then exit; resolves with the process exit code. */
  async shutdown(): Promise<number | null> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }

  /** For after-hooks: end the server whatever state the test left it in. */
  kill(): void {
    this.connection.dispose();
    if (!this.isAlive()) return;
    if ('terminate' in this.server) void this.server.terminate();
    else this.server.kill();
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
