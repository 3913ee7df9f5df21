// Problems of every PubTator file of the workspace, in the Problems panel
// without opening them (`pubtator.diagnostics.scope`: `workspace`; when not
// set, the workspace scope applies while its PubTator files come to at most
// 200 MB, and the client is told once when they come to more). In `openFiles`
// scope, the command "PubTator: Check Workspace" checks every file once.
//
// Files are those the command line would find in the workspace folders
// (*.pubtator, *PubTator*.txt and their .gz), less `files.exclude`. Each is
// checked from disk in the background, chunk by chunk (diskFileCheck.ts), one
// file at a time: the open files are the editor's (checked first, as typed),
// and a background check pauses while the user types and resumes after.
// A pass shows LSP work-done progress (the status bar in VS Code) that can be
// cancelled. Files are checked again when they change on disk (a file
// watcher the server registers when the client allows) and when one is
// closed. What is kept per file: its stamp, a compact index of its ids for
// workspace symbols, and one of the ids given to each mention text for the id
// picker (corpusIds.ts, which indexes the files itself when the workspace
// scope is off); the diagnostics go to the client.
//
// Disk access comes through WorkspaceDisk, which the Node host provides
// (nodeHost.ts); a host without one (a browser web worker) has no workspace
// scope, and says so when it is asked for.

import {
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, FileChangeType, MessageType, ShowMessageNotification,
  type Connection, type FileEvent, type InitializeParams, type ServerCapabilities, type WorkDoneProgressServerReporter,
} from 'vscode-languageserver';
import picomatch from 'picomatch';
import { URI } from 'vscode-uri';
import type { IndexedFile, SymbolIndex } from '../service/features/workspaceSymbols';
import type { IdsByText } from '../service/features/idsByText';
import { isPubtatorName } from '../service/knowledge/fileNames';
import type { ValidationOptions } from '../service/validate';
import type { Commands } from './commands';
import { toLspDiagnostic } from './convert';
import type { FeatureRegistration, ServerContext } from './serverContext';
import { BinaryFileError } from './diskChunks';
import { checkDiskFile } from './diskFileCheck';
import { CorpusIds } from './corpusIds';
import { describe } from './runSafe';
import { pauseWhileTyping } from './typingPause';
import type { ServerSettings } from './settings';
import type { DiskFile, WorkspaceDisk } from './workspaceDisk';

/** The server's command; the client's "PubTator: Check Workspace" (pubtator.checkWorkspace) runs it and shows the outcome. */
export const CHECK_WORKSPACE_COMMAND = 'pubtator.workspace.check';
/** To the client: the workspace is too large for the automatic scope (`{ bytes, files }`); it tells the user once. */
export const WORKSPACE_TOO_LARGE_NOTIFICATION = 'pubtator/workspaceTooLarge';
/** Above this many bytes of PubTator files, an unset scope means the open files only. */
export const AUTOMATIC_LIMIT_BYTES = 200 * 1024 * 1024;

/** What the wiring needs from the server core. */
export interface WorkspaceChecksDeps {
  connection: Connection;
  isOpen(uri: string): boolean;
  settingsFor(uri: string): Promise<ServerSettings>;
  validationOptions(settings: ServerSettings): ValidationOptions;
  log: { info(message: string): void; error(message: string): void };
  commands: Commands;
  /** Adds a listener to the server's one didChangeWatchedFiles handler. */
  onWatchedFiles(listener: (changes: FileEvent[]) => void): void;
  /** Files on disk; absent where the host has none. */
  disk?: WorkspaceDisk;
}

interface Known {
  stamp: string;
  size: number;
  /** What the last check was made with (stamp and options); absent until checked. */
  checked?: string;
  index?: SymbolIndex;
  ids?: IdsByText;
  /** Diagnostics were published for it (to clear when it leaves the scope). */
  published: boolean;
  /** Problems its last check found. */
  problems?: number;
}

/** Watcher patterns (and the manifest's workspaceContains activation): the command line's names in any case, and their .gz. */
export const WATCHED = ['**/*.[pP][uU][bB][tT][aA][tT][oO][rR]', '**/*[pP][uU][bB][tT][aA][tT][oO][rR]*.[tT][xX][tT]']
  .flatMap((g) => [g, `${g}.[gG][zZ]`]);

export class WorkspaceChecks implements FeatureRegistration {
  private folders: string[] = [];
  private readonly files = new Map<string, Known>();
  /** Whether files are checked in the background now (workspace scope in force). */
  private active = false;
  /** Files to check, in listing order; `urgent` holds those changed or closed since, newest last, checked first. */
  private readonly queue = new Set<string>();
  private readonly urgent: string[] = [];
  private running: Promise<void> | undefined;
  private pass: AbortController | undefined;
  private lastEdit = 0;
  private watching = false;
  private canWatch = false;
  private canShowProgress = false;
  private toldNoDisk = false;
  private toldTooLarge = false;
  private excludes = new Map<string, (path: string) => boolean>();
  private optionsKey = '';
  private refreshing: Promise<void> | undefined;
  /** The file being checked in the background now, and how to stop just that one. */
  private current: { uri: string; stop: AbortController } | undefined;

  constructor(private readonly deps: WorkspaceChecksDeps) {
    deps.commands.add(CHECK_WORKSPACE_COMMAND, () => this.checkOnce());
    deps.onWatchedFiles((changes) => this.changed(changes));
  }

  capabilities(params: InitializeParams): ServerCapabilities {
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.folders = folders.filter((f) => URI.parse(f).scheme === 'file');
    this.canWatch = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.canShowProgress = params.capabilities.window?.workDoneProgress === true;
    return { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } };
  }

  initialized(): void {
    // A change of files.exclude comes as a configuration change too (settingsChanged).
    this.deps.connection.client.register(DidChangeConfigurationNotification.type, { section: 'files.exclude' }).catch(() => undefined);
    try {
      this.deps.connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => f.uri));
        this.folders = [...this.folders.filter((f) => !removed.has(f)), ...e.added.map((f) => f.uri).filter((f) => URI.parse(f).scheme === 'file')];
        this.refresh();
      });
    } catch {
      // A client without workspace folders: the root it gave at initialize stays.
    }
    this.refresh();
  }

  /** Settings changed: the scope, the excludes or the checks' options may have. */
  settingsChanged(): void {
    this.refresh();
  }

  /** Files checked under another schema are checked again. */
  schemasChanged(): void {
    for (const known of this.files.values()) known.checked = undefined;
    this.refresh();
  }

  /** The user typed in an open file: background work waits for a pause. */
  noteEdit(): void {
    this.lastEdit = Date.now();
  }

  /** A file was opened: the editor checks it now; a background check of it stops. */
  opened(uri: string): void {
    if (this.current?.uri === uri) this.current.stop.abort();
  }

  /**
   * An open file was closed. Returns true when the workspace checks take it
   * over (its problems, from disk, replace the editor's), false when its
   * diagnostics should simply be cleared.
   */
  takesOverClosed(uri: string): boolean {
    if (!this.active || !this.files.has(uri)) return false;
    this.files.get(uri)!.checked = undefined;
    this.enqueue(uri, true);
    this.kick();
    return true;
  }

  /** Files not open with an index, for workspace symbols. */
  indexed(): IndexedFile[] {
    const out: IndexedFile[] = [];
    for (const [uri, known] of this.files) if (known.index && !this.deps.isOpen(uri)) out.push({ uri, index: known.index });
    return out;
  }

  /** For the id picker: the checked files that are not open, with their id index; undefined when the checks do not run (openFiles scope). */
  idIndexes(): { uri: string; ids: IdsByText }[] | undefined {
    if (!this.active) return undefined;
    const out: { uri: string; ids: IdsByText }[] = [];
    for (const [uri, known] of this.files) if (known.ids && !this.deps.isOpen(uri)) out.push({ uri, ids: known.ids });
    return out;
  }

  /**
   * For the id picker when the checks do not run: the workspace's PubTator
   * files (listed as the checks list them). Undefined when the checks index
   * them (workspace scope) or there is no disk.
   */
  async filesToIndex(): Promise<DiskFile[] | undefined> {
    await this.refreshing;
    if (this.active || !this.deps.disk) return undefined;
    return this.list();
  }

  /** Whether the client shows work-done progress. */
  get showsProgress(): boolean {
    return this.canShowProgress;
  }

  dispose(): void {
    this.pass?.abort();
    this.queue.clear();
  }

  /** Lists the files again and decides the scope; then checks what changed. */
  private refresh(): void {
    const previous = this.refreshing ?? Promise.resolve();
    this.refreshing = previous.then(() => this.doRefresh()).catch((e) => this.deps.log.error(`Workspace checks failed: ${describe(e)}`));
  }

  private async doRefresh(once = false): Promise<void> {
    const settings = await this.deps.settingsFor(this.folders[0] ?? '');
    const scope = settings.diagnosticsScope;
    if (!this.deps.disk) {
      if (scope === 'workspace' && !this.toldNoDisk) {
        this.toldNoDisk = true;
        this.tell(MessageType.Info, 'PubTator checks the open files only here: checking the whole workspace needs its files on disk, which this editor does not give the language server.');
      }
      return;
    }
    this.optionsKey = JSON.stringify(this.deps.validationOptions(settings), (k, v) => (k === 'concepts' ? undefined : v));
    await this.loadExcludes();
    const listed = await this.list();
    const bytes = listed.reduce((n, f) => n + f.size, 0);
    this.active = scope === 'workspace' || (scope === undefined && bytes <= AUTOMATIC_LIMIT_BYTES);
    if (scope === undefined && !this.active && !this.toldTooLarge) {
      this.toldTooLarge = true;
      void this.deps.connection.sendNotification(WORKSPACE_TOO_LARGE_NOTIFICATION, { bytes, files: listed.length });
    }
    // Files gone or excluded now leave the Problems panel.
    const present = new Set(listed.map((f) => f.uri));
    for (const [uri, known] of this.files) if (!present.has(uri)) this.forget(uri, known);
    if (!this.active && !once) {
      // Open files only: what the background checks listed leaves the Problems panel.
      this.pass?.abort();
      this.queue.clear();
      this.urgent.length = 0;
      for (const [uri, known] of this.files) if (known.published && !this.deps.isOpen(uri)) this.forget(uri, known);
      return;
    }
    // Small files first: most of the workspace's problems show soon, the large files come last.
    for (const f of [...listed].sort((a, b) => a.size - b.size)) {
      const known = this.files.get(f.uri);
      if (known) {
        known.stamp = f.stamp;
        known.size = f.size;
      } else {
        this.files.set(f.uri, { stamp: f.stamp, size: f.size, published: false });
      }
      if (this.files.get(f.uri)!.checked !== this.checkKey(f.stamp)) this.enqueue(f.uri, false);
    }
    if (this.active) await this.watch();
    this.kick();
  }

  /** Queues a file; an urgent one (changed, closed) is checked before the others. */
  private enqueue(uri: string, urgent: boolean): void {
    this.queue.add(uri);
    if (urgent) this.urgent.push(uri);
  }

  /** The next file to check: the newest urgent one, else the first in listing order. */
  private next(): string | undefined {
    while (this.urgent.length) {
      const uri = this.urgent.pop()!;
      if (this.queue.delete(uri)) return uri;
    }
    const first = this.queue.values().next();
    if (first.done) return undefined;
    this.queue.delete(first.value);
    return first.value;
  }

  private forget(uri: string, known: Known): void {
    this.files.delete(uri);
    this.queue.delete(uri);
    if (known.published && !this.deps.isOpen(uri)) void this.publish(uri, []);
  }

  private checkKey(stamp: string): string {
    return `${stamp}|${this.optionsKey}`;
  }

  /** "PubTator: Check Workspace": every file once (in any scope), then a summary. */
  private async checkOnce(): Promise<unknown> {
    if (!this.deps.disk) {
      this.tell(MessageType.Info, 'Checking the whole workspace needs its files on disk, which this editor does not give the PubTator language server; open the files to check them.');
      return { files: 0, problems: 0 };
    }
    await this.refreshing;
    await this.doRefresh(true);
    while (this.running) await this.running;
    let problems = 0;
    for (const known of this.files.values()) problems += known.problems ?? 0;
    return { files: this.files.size, problems };
  }

  private async loadExcludes(): Promise<void> {
    this.excludes.clear();
    for (const folder of this.folders) {
      let globs: string[] = [];
      try {
        const raw: unknown = await this.deps.connection.workspace.getConfiguration({ scopeUri: folder, section: 'files.exclude' });
        if (raw && typeof raw === 'object') globs = Object.entries(raw as Record<string, unknown>).filter(([, on]) => on === true).map(([g]) => g);
      } catch {
        // A client that cannot be asked: nothing excluded.
      }
      const match = globs.length ? picomatch(globs, { dot: true }) : () => false;
      this.excludes.set(folder, match);
    }
  }

  private async list(): Promise<DiskFile[]> {
    const signal = new AbortController().signal;
    const out: DiskFile[] = [];
    for (const folder of this.folders) {
      const excluded = this.excludes.get(folder) ?? (() => false);
      out.push(...await this.deps.disk!.list(folder, isPubtatorName, excluded, signal));
    }
    return out;
  }

  private async watch(): Promise<void> {
    if (this.watching || !this.canWatch) return;
    this.watching = true;
    try {
      await this.deps.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED.map((globPattern) => ({ globPattern })) });
    } catch (e) {
      this.deps.log.error(`Watching the workspace's PubTator files failed: ${describe(e)}`);
    }
  }

  private changed(changes: FileEvent[]): void {
    if (!this.active || !this.deps.disk) return;
    for (const change of changes) {
      const uri = change.uri;
      if (!this.inScope(uri)) continue;
      if (change.type === FileChangeType.Deleted) {
        const known = this.files.get(uri);
        if (known) this.forget(uri, known);
        continue;
      }
      if (!this.files.has(uri)) this.files.set(uri, { stamp: '', size: 0, published: false });
      this.files.get(uri)!.checked = undefined;
      // A check of the old text is of no use: it stops, and the file is checked again first.
      if (this.current?.uri === uri) this.current.stop.abort();
      this.enqueue(uri, true);
    }
    this.kick();
  }

  /** Whether a file belongs to the workspace checks: a PubTator name below a folder, not excluded. */
  private inScope(uri: string): boolean {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file' || !isPubtatorName(parsed.path.slice(parsed.path.lastIndexOf('/') + 1))) return false;
    for (const folder of this.folders) {
      const base = URI.parse(folder).path.replace(/\/?$/, '/');
      if (!parsed.path.startsWith(base)) continue;
      const rel = parsed.path.slice(base.length);
      const excluded = this.excludes.get(folder) ?? (() => false);
      // A file is excluded when it, or any folder above it, is.
      const parts = rel.split('/');
      return !parts.some((_, i) => excluded(parts.slice(0, i + 1).join('/')));
    }
    return false;
  }

  private kick(): void {
    if (this.running || this.queue.size === 0) return;
    this.running = this.drain().catch((e) => this.deps.log.error(`Workspace checks failed: ${describe(e)}`)).finally(() => {
      this.running = undefined;
      if (this.queue.size && !this.pass?.signal.aborted) this.kick();
    });
  }

  /** Checks the queued files one at a time, newest wishes first, with progress the user can cancel. */
  private async drain(): Promise<void> {
    const pass = new AbortController();
    this.pass = pass;
    const total = this.queue.size;
    const progress = total > 1 ? await this.progress(pass) : undefined;
    let done = 0;
    try {
      for (let uri = this.next(); uri !== undefined && !pass.signal.aborted; uri = this.next()) {
        const known = this.files.get(uri);
        if (!known || this.deps.isOpen(uri)) continue;
        await this.checkFile(uri, known, pass.signal);
        done++;
        progress?.report(Math.min(100, Math.round((done / Math.max(total, done + this.queue.size)) * 100)), `${done} of ${done + this.queue.size} files`);
      }
    } finally {
      progress?.done();
      if (pass.signal.aborted) {
        this.queue.clear();
        this.urgent.length = 0;
      }
    }
  }

  private async checkFile(uri: string, known: Known, signal: AbortSignal): Promise<void> {
    const disk = this.deps.disk!;
    const now = await disk.stat(uri);
    if (!now) {
      this.forget(uri, known);
      return;
    }
    known.stamp = now.stamp;
    known.size = now.size;
    const key = this.checkKey(now.stamp);
    if (known.checked === key) return;
    const settings = await this.deps.settingsFor(uri);
    const options = this.deps.validationOptions(settings);
    // Stopped with the pass, or alone when the file is opened.
    const stop = new AbortController();
    const onPassAbort = () => stop.abort();
    signal.addEventListener('abort', onPassAbort);
    this.current = { uri, stop };
    try {
      const result = await checkDiskFile(disk, uri, options, stop.signal, () => pauseWhileTyping(() => this.lastEdit, stop.signal));
      // Opened (its own check wins) or changed meanwhile (checked again): drop this result.
      if (this.deps.isOpen(uri) || this.files.get(uri) !== known || (await disk.stat(uri))?.stamp !== now.stamp) return;
      known.checked = key;
      known.problems = result.total;
      known.index = result.index;
      known.ids = result.ids;
      known.published = true;
      await this.publish(uri, result.diagnostics.map((d) => toLspDiagnostic(uri, d)));
    } catch (e) {
      if (stop.signal.aborted) return;
      // Not checked again until it changes.
      known.checked = key;
      if (e instanceof BinaryFileError) this.deps.log.info(`${uri}: ${e.message}; not checked.`);
      else this.deps.log.error(`Checking ${uri} from disk failed: ${describe(e)}`);
    } finally {
      signal.removeEventListener('abort', onPassAbort);
      this.current = undefined;
    }
  }


  private publish(uri: string, diagnostics: Parameters<Connection['sendDiagnostics']>[0]['diagnostics']): Promise<void> {
    return this.deps.connection.sendDiagnostics({ uri, diagnostics })
      .catch((e) => this.deps.log.error(`Publishing diagnostics of ${uri} failed: ${describe(e)}`));
  }

  private async progress(pass: AbortController): Promise<{ report(percentage: number, message: string): void; done(): void } | undefined> {
    if (!this.canShowProgress) return undefined;
    let reporter: WorkDoneProgressServerReporter;
    try {
      reporter = await this.deps.connection.window.createWorkDoneProgress();
    } catch {
      return undefined;
    }
    reporter.token.onCancellationRequested(() => pass.abort());
    reporter.begin('PubTator: checking the workspace', 0, undefined, true);
    return {
      report: (percentage, message) => reporter.report(percentage, message),
      done: () => reporter.done(),
    };
  }

  private tell(type: MessageType, message: string): void {
    void this.deps.connection.sendNotification(ShowMessageNotification.type, { type, message });
    this.deps.log.info(message);
  }
}

/** Wires the workspace checks, and the id picker's index of the files that are not open (corpusIds.ts), into the server core (features.ts). */
export function registerWorkspaceChecks(ctx: ServerContext): FeatureRegistration {
  const checks = new WorkspaceChecks({
    connection: ctx.connection,
    isOpen: (uri) => ctx.documents.get(uri) !== undefined,
    settingsFor: ctx.settingsFor,
    validationOptions: ctx.validationOptions,
    log: ctx.log,
    commands: ctx.commands,
    onWatchedFiles: (listener) => ctx.watchedFiles.listen(listener),
    disk: ctx.workspaceDisk,
  });
  const ids = new CorpusIds({
    connection: ctx.connection, disk: ctx.workspaceDisk, isOpen: (uri) => ctx.documents.get(uri) !== undefined,
    checks, limitBytes: AUTOMATIC_LIMIT_BYTES, log: ctx.log,
  });
  ctx.documents.onDidOpen((e) => checks.opened(e.document.uri));
  ctx.documents.onDidChangeContent(() => {
    checks.noteEdit();
    ids.noteEdit();
  });
  ctx.extensions.indexedFiles.push(() => checks.indexed());
  ctx.extensions.corpusIds.push(() => ids.ready());
  return {
    capabilities: (params) => checks.capabilities(params),
    initialized: () => checks.initialized(),
    settingsChanged: () => {
      checks.settingsChanged();
      ids.settingsChanged();
    },
    schemasChanged: () => checks.schemasChanged(),
    takesOverClosed: (uri) => checks.takesOverClosed(uri),
    dispose: () => {
      checks.dispose();
      ids.dispose();
    },
  };
}
