// Concept sources in a browser web worker (vscode.dev, github.dev), where
// there is no disk: a MeSH index is used when `pubtator.mesh.index` names an
// index file the client can read (the client reads it through
// vscode.workspace.fs and hands its bytes over once: that API has no ranged
// read and the checks look records up synchronously, so the worker keeps the
// file in memory); online look-ups use the worker's `fetch`, with answers kept
// in memory. Building an index from NLM's files (which means reading large
// and often gzipped files by path, or downloading them) needs Node: the user
// is told so, once, and nothing fails.

import type { ConceptSources, MeshIndex, OnlineNames } from '../service/concepts/index';
import { bytesInMemory, openMeshIndexBytes } from '../service/concepts/mesh/indexReader';
import { MemoryCache } from '../service/concepts/online/answerCache';
import { OnlineConcepts } from '../service/concepts/online/onlineConcepts';
import type { ConceptContext, ConceptProvider, MeshBuildOutcome } from './conceptProvider';
import type { ServerSettings } from './settings';

/** What the web extension says when asked to build an index from NLM's files. */
export const BUILD_NEEDS_NODE = 'Building a MeSH index from NLM\'s files needs VS Code on the desktop (the web extension cannot read '
  + 'files by path, unpack .gz or download from NLM). Build it there, or with `pubtator check --mesh`, put the index file in the '
  + 'workspace and set pubtator.mesh.index to its path.';

export interface BrowserConceptsOptions extends ConceptContext {
  /** The bytes of the file a setting names (the client reads it); rejects with a message saying why not. */
  readFile(path: string): Promise<Uint8Array>;
  /** Tells the user something that is not an error (what the web extension does differently). */
  inform(message: string): void;
}

export class BrowserConcepts implements ConceptProvider {
  private trusted: boolean;
  private settingsKey: string | undefined;
  private mesh: MeshIndex | undefined;
  /** Counts index loads, so a slow read for settings since replaced is dropped. */
  private loads = 0;
  private online: OnlineConcepts | undefined;
  private toldAboutFiles = false;
  private readonly onlineNames: OnlineNames = { known: (ns, id) => this.online?.request(ns, id) };

  constructor(private readonly options: BrowserConceptsOptions) {
    this.trusted = options.trusted;
  }

  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    if (!trusted) this.stopOnline();
  }

  sources(settings: ServerSettings): ConceptSources {
    const key = JSON.stringify([settings.meshIndex ?? null, settings.meshFiles ?? []]);
    if (key !== this.settingsKey) {
      this.settingsKey = key;
      this.want(settings);
    }
    const sources: ConceptSources = {};
    if (this.mesh) sources.mesh = this.mesh;
    if (settings.online && this.trusted) {
      if (!this.online) {
        this.online = new OnlineConcepts({
          cache: new MemoryCache(),
          onError: (m) => this.options.log.info(`Online look-up: ${m}`),
        });
        this.options.log.info('Online look-ups on; in the web extension their answers are kept in memory until the server stops (no disk cache).');
      }
      sources.online = this.onlineNames;
    } else {
      this.stopOnline();
    }
    return sources;
  }

  async build(): Promise<MeshBuildOutcome> {
    return { ok: false, message: BUILD_NEEDS_NODE };
  }

  async dispose(): Promise<void> {
    this.loads++;
    this.stopOnline();
    this.closeMesh(false);
  }

  private want(settings: ServerSettings): void {
    const load = ++this.loads;
    this.closeMesh();
    if (settings.meshIndex) {
      void this.load(settings.meshIndex, load);
      return;
    }
    if (settings.meshFiles && !this.toldAboutFiles) {
      this.toldAboutFiles = true;
      this.options.inform(`PubTator: pubtator.mesh.files is not used in the web extension. ${BUILD_NEEDS_NODE}`);
    }
  }

  private async load(path: string, load: number): Promise<void> {
    try {
      const bytes = await this.options.readFile(path);
      if (load !== this.loads) return;
      this.mesh = openMeshIndexBytes(bytesInMemory(bytes), path);
      this.options.log.info(`MeSH index in use: ${path} (MeSH ${this.mesh.year ?? 'year unknown'}, ${this.mesh.descriptors} descriptors, `
        + `${this.mesh.supplementary} supplementary records; ${(bytes.length / 1e6).toFixed(1)} MB held in memory)`);
      this.options.onMeshChanged();
    } catch (e) {
      if (load !== this.loads) return;
      this.options.warn(`PubTator: the MeSH index of pubtator.mesh.index cannot be used: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private closeMesh(notify = true): void {
    if (!this.mesh) return;
    const old = this.mesh;
    this.mesh = undefined;
    old.close();
    if (notify) this.options.onMeshChanged();
  }

  private stopOnline(): void {
    this.online?.dispose();
    this.online = undefined;
  }
}
