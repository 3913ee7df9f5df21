// What the server core (startServer.ts) needs from the runtime it runs in.
// The core is the same everywhere; what only Node can do (files on disk, a
// MeSH index built from NLM's files, a disk cache for online answers, forcing
// a garbage collection, process-wide exception hooks) comes through here:
// nodeHost.ts for Node (stdio and IPC), browserHost.ts for a web worker.

import type { ConceptContext, ConceptProvider } from './conceptProvider';
import type { SchemaFiles } from './schemaFiles';
import type { WorkspaceDisk } from './workspaceDisk';
import type { FetchCache } from '../service/fetch/fetchCache';

/** Where "Fetch Documents…" keeps PubTator3's answers; prune() bounds it after a fetch. */
export interface HostFetchCache extends FetchCache {
  prune?(): Promise<void>;
}

/** Gives memory back after large work (memoryReclaimer.ts in Node). */
export interface Reclaimer {
  /** Collects now: before a large first check. */
  now(): void;
  /** Collects once the server has been quiet for a while. */
  whenQuiet(): void;
  /** Work arrived: a pending collection waits for the next quiet spell. */
  postpone(): void;
  cancel(): void;
}

export interface ServerHost {
  /** Where the server runs, for its hello line in the client's log: `Node`, `web worker`. */
  readonly name: string;
  /** The MeSH index and online look-ups, made when the client initializes. */
  createConcepts(context: ConceptContext): ConceptProvider;
  /** Gives memory back after large work; absent where the runtime cannot collect on demand. */
  readonly reclaimer?: Reclaimer;
  /** Routes exceptions no handler caught to the log, so that they do not end the server. */
  catchStray?(log: (message: string) => void): void;
  /** Reads corpus schema files itself where it can (the disk), asking the client for the rest; the client alone when absent. */
  schemaFiles?(client: SchemaFiles): SchemaFiles;
  /** The fetch cache, made when the client initializes (its storage folder, when it has one on disk); none: no cache. */
  fetchCache?(storagePath: string | undefined): HostFetchCache;
  /** The workspace's files on disk, for the workspace scope (workspaceChecks.ts); absent in a browser. */
  readonly workspaceDisk?: WorkspaceDisk;
}

/** For hosts without a reclaimer. */
export const NO_RECLAIMER: Reclaimer = { now: () => undefined, whenQuiet: () => undefined, postpone: () => undefined, cancel: () => undefined };
