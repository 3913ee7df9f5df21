// What the server core asks of concept sources, wherever it runs: the MeSH
// index and online look-ups behind one interface. Node's ConceptHost
// (conceptHost.ts) reads and builds indexes on disk; the web worker's
// (browserConcepts.ts) uses an index file of the workspace that the client
// reads for it. Types only, so the core pulls in no Node module.

import type { ConceptSources } from '../service/concepts/conceptSources';
import type { ServerSettings } from './settings';

/** A progress display: LSP work-done progress, or nothing. */
export interface Progress {
  report(message: string, percentage?: number): void;
  done(): void;
  /** Aborted when the user cancels from the display. */
  readonly cancelled?: AbortSignal;
}

export interface MeshBuildRequest {
  /** NLM files the user picked. */
  files?: string[];
  /** Download the current files from NLM first. */
  download?: boolean;
}

export type MeshBuildOutcome =
  | {
    ok: true;
    year?: number;
    descriptors: number;
    supplementary: number;
    /** The NLM files indexed, for `pubtator.mesh.files`. */
    files: string[];
    indexPath: string;
    warnings: string[];
  }
  | { ok: false; cancelled?: boolean; message: string };

/** What the core hands a concept provider when the client initializes. */
export interface ConceptContext {
  /** The client's storage folder (initializationOptions.storagePath), when it has one on disk. */
  storagePath?: string;
  trusted: boolean;
  log: { info(message: string): void; error(message: string): void };
  /** Tells the user something went wrong (once per cause). */
  warn(message: string): void;
  /** Progress for a build the settings started. */
  startProgress(title: string): Promise<Progress>;
  /** The index in use changed: diagnostics must be recomputed. */
  onMeshChanged(): void;
}

export interface ConceptProvider {
  /** The workspace became trusted (trust is never withdrawn without a restart). */
  setTrusted(trusted: boolean): void;
  /** What the service may use now for a document with these settings; starts loading what is missing. */
  sources(settings: ServerSettings): ConceptSources;
  /** The "Build MeSH index" command. Never throws. */
  build(request: MeshBuildRequest, progress: Progress, signal: AbortSignal): Promise<MeshBuildOutcome>;
  /** Stops builds and look-ups; resolves once answers already received are kept. */
  dispose(): Promise<void>;
}
