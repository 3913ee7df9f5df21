// The server's concept sources: the MeSH index the settings name (opened
// lazily, built in the background from NLM's files when missing) and online
// look-ups (only when turned on in a trusted workspace). It hands the pure
// service a ConceptSources for each request and never blocks one: while an
// index builds, checks and hovers run without it, and the server re-checks
// open documents when it is ready.

import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  MeshIndexError, OnlineConcepts, buildMeshIndex, downloadMeshFiles, expandHome, meshIndexPathFor, openMeshIndex,
  removeOtherIndexes,
  type BuildMeshIndexResult, type ConceptSources, type MeshIndex, type OnlineConceptsOptions, type OnlineNames,
} from '../service/concepts/index';
import { DiskCache } from '../service/concepts/online/diskCache';
import type { ServerSettings } from './settings';
import type { ConceptContext, ConceptProvider, MeshBuildOutcome, MeshBuildRequest, Progress } from './conceptProvider';

export type { MeshBuildOutcome, MeshBuildRequest, Progress } from './conceptProvider';

export interface ConceptHostOptions extends Omit<ConceptContext, 'storagePath'> {
  /** The extension's global storage (or another folder the server may write). */
  storagePath: string;
  /** Stand-in services for tests (loopback only; see nodeHost.ts). */
  online?: Pick<OnlineConceptsOptions, 'eutilsBase' | 'cellosaurusBase'>;
}

const NO_PROGRESS: Progress = { report: () => undefined, done: () => undefined };

/** Where an editor that gives no storage folder gets one: the user's cache folder. */
export function defaultStoragePath(): string {
  const base = process.env.XDG_CACHE_HOME || (process.platform === 'win32' && process.env.LOCALAPPDATA) || join(homedir(), '.cache');
  return join(base, 'pubtator-language-server');
}

export class ConceptHost implements ConceptProvider {
  private trusted: boolean;
  /**
   * The MeSH settings (index path, files) last acted on. An index the build
   * command made stays in use until they change (VS Code's client then
   * stores its files in the settings).
   */
  private settingsKey: string | undefined;
  private mesh: MeshIndex | undefined;
  private background: AbortController | undefined;
  private commandRunning = false;
  private online: OnlineConcepts | undefined;
  private readonly onlineNames: OnlineNames = { known: (ns, id) => this.online?.request(ns, id) };

  constructor(private readonly options: ConceptHostOptions) {
    this.trusted = options.trusted;
  }

  /** The workspace became trusted (trust is never withdrawn without a restart). */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    if (!trusted) this.stopOnline();
  }

  /** What the service may use now for a document with these settings; starts loading what is missing. */
  sources(settings: ServerSettings): ConceptSources {
    const key = meshKey(settings.meshIndex, settings.meshFiles);
    if (key !== this.settingsKey) {
      this.settingsKey = key;
      this.want(key, settings);
    }
    const sources: ConceptSources = {};
    if (this.mesh) sources.mesh = this.mesh;
    if (settings.online && this.trusted) {
      this.online ??= new OnlineConcepts({
        cache: new DiskCache(join(this.options.storagePath, 'online-cache'), (m) => this.options.log.info(`Online look-up: ${m}`)),
        onError: (m) => this.options.log.info(`Online look-up: ${m}`),
        ...this.options.online,
      });
      sources.online = this.onlineNames;
    } else {
      this.stopOnline();
    }
    return sources;
  }

  /**
   * The "Build MeSH index" command: downloads NLM's files when asked, builds
   * the index, and makes it the one in use. Never throws.
   */
  async build(request: MeshBuildRequest, progress: Progress, signal: AbortSignal): Promise<MeshBuildOutcome> {
    if (this.commandRunning) return { ok: false, message: 'A MeSH index is being built already.' };
    this.commandRunning = true;
    try {
      let files: string[];
      if (request.download) {
        if (!this.trusted) return { ok: false, message: 'Downloading from NLM needs a trusted workspace. Trust the workspace, or pick MeSH files you downloaded.' };
        files = await this.download(progress, signal);
      } else {
        files = (request.files ?? []).filter((f) => typeof f === 'string' && f.trim() !== '').map((f) => expandHome(f.trim()));
        if (files.length === 0) return { ok: false, message: 'No MeSH files were given.' };
      }
      const path = meshIndexPathFor(files, this.options.storagePath);
      this.stopBackground();
      // Windows cannot replace a file that is open: let go of the old index first.
      if (this.mesh?.path === path) this.closeMesh();
      const result = await buildMeshIndex(files, path, { signal, onProgress: percent(progress, 'Indexing MeSH') });
      this.use(openMeshIndex(path));
      this.describe(result, path);
      return {
        ok: true, year: result.year, descriptors: result.descriptors, supplementary: result.supplementary,
        files, indexPath: path, warnings: result.warnings,
      };
    } catch (e) {
      const err = e as Error;
      if (err.name === 'AbortError' || signal.aborted) return { ok: false, cancelled: true, message: 'Cancelled.' };
      this.options.log.error(`Building the MeSH index failed: ${err.message}`);
      return { ok: false, message: err.message };
    } finally {
      this.commandRunning = false;
      progress.done();
    }
  }

  /** Stops builds and look-ups; resolves once answers already received are on disk. */
  async dispose(): Promise<void> {
    this.stopBackground();
    const online = this.online;
    this.stopOnline();
    this.closeMesh(false);
    await online?.whenIdle();
  }

  private async download(progress: Progress, signal: AbortSignal): Promise<string[]> {
    const dir = join(this.options.storagePath, 'mesh-files');
    const got = await downloadMeshFiles({
      dir,
      signal,
      onProgress: ({ file, bytes, totalBytes }) => {
        const mb = (n: number) => (n / 1e6).toFixed(0);
        progress.report(`Downloading ${file}: ${mb(bytes)}${totalBytes ? ` of ${mb(totalBytes)}` : ''} MB`,
          totalBytes ? Math.floor((100 * bytes) / totalBytes) : undefined);
      },
    });
    const keep = new Set(got.files.map((f) => f.path));
    // Last year's files are not needed once this year's are here.
    for (const name of safeList(dir)) {
      const path = join(dir, name);
      if (keep.has(path)) continue;
      try {
        rmSync(path, { force: true, recursive: true });
      } catch {
        // not ours to remove, or in use: harmless
      }
    }
    return got.files.map((f) => f.path);
  }

  /** The settings name another index or other files: drop what was in use and find the new one. */
  private want(key: string, settings: ServerSettings): void {
    this.stopBackground();
    if (settings.meshIndex) {
      const path = expandHome(settings.meshIndex);
      if (this.mesh?.path === path) return;
      this.closeMesh();
      try {
        this.use(openMeshIndex(path));
      } catch (e) {
        this.options.warn(`PubTator: the MeSH index of pubtator.mesh.index cannot be used: ${(e as Error).message}`);
      }
      return;
    }
    if (!settings.meshFiles) {
      this.closeMesh();
      return;
    }
    const files = settings.meshFiles.map(expandHome);
    let path: string;
    try {
      path = meshIndexPathFor(files, this.options.storagePath);
    } catch (e) {
      this.closeMesh();
      this.options.warn(`PubTator: the MeSH files of pubtator.mesh.files cannot be read: ${(e as Error).message}`);
      return;
    }
    // Already in use (the build command made it, and the client stored its files).
    if (this.mesh?.path === path) return;
    this.closeMesh();
    try {
      this.use(openMeshIndex(path));
      return;
    } catch (e) {
      // Not built yet, or built by another version, or damaged: build it.
      if (!(e instanceof MeshIndexError)) throw e;
    }
    this.buildInBackground(key, files, path);
  }

  private buildInBackground(key: string, files: string[], path: string): void {
    const abort = new AbortController();
    this.background = abort;
    void (async () => {
      let progress = NO_PROGRESS;
      try {
        // A client that refuses a progress display still gets its index.
        progress = await this.options.startProgress('PubTator: building the MeSH index').catch(() => NO_PROGRESS);
        progress.cancelled?.addEventListener('abort', () => abort.abort());
        this.options.log.info(`Building the MeSH index from ${files.join(', ')}`);
        mkdirSync(this.options.storagePath, { recursive: true });
        const result = await buildMeshIndex(files, path, { signal: abort.signal, onProgress: percent(progress, 'Indexing MeSH') });
        if (abort.signal.aborted || this.settingsKey !== key) return;
        this.use(openMeshIndex(path));
        this.describe(result, path);
      } catch (e) {
        const err = e as Error;
        if (err.name === 'AbortError' || abort.signal.aborted) this.options.log.info('Building the MeSH index was cancelled.');
        else this.options.warn(`PubTator: the MeSH files of pubtator.mesh.files cannot be indexed: ${err.message}`);
      } finally {
        progress.done();
        if (this.background === abort) this.background = undefined;
      }
    })();
  }

  private use(index: MeshIndex): void {
    this.closeMesh();
    this.mesh = index;
    this.options.log.info(`MeSH index in use: ${index.path} (MeSH ${index.year ?? 'year unknown'}, ${index.descriptors} descriptors, ${index.supplementary} supplementary records)`);
    this.options.onMeshChanged();
  }

  private describe(result: BuildMeshIndexResult, path: string): void {
    removeOtherIndexes(this.options.storagePath, path);
    for (const w of result.warnings) this.options.log.info(`MeSH index: ${w}`);
  }

  private closeMesh(notify = true): void {
    if (!this.mesh) return;
    const old = this.mesh;
    this.mesh = undefined;
    try {
      old.close();
    } catch {
      // already closed
    }
    if (notify) this.options.onMeshChanged();
  }

  private stopBackground(): void {
    this.background?.abort();
    this.background = undefined;
  }

  private stopOnline(): void {
    this.online?.dispose();
    this.online = undefined;
  }
}

function meshKey(index: string | undefined, files: readonly string[] | undefined): string {
  return JSON.stringify([index ?? null, files ?? []]);
}

/** Build progress as a percentage, reported when it moves by a whole percent. */
function percent(progress: Progress, message: string): (read: number, total: number) => void {
  let last = -1;
  return (read, total) => {
    const p = total > 0 ? Math.min(100, Math.floor((100 * read) / total)) : 0;
    if (p === last) return;
    last = p;
    progress.report(`${message}: ${p}%`, p);
  };
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
