// What every feature's wiring gets from the server core: the connection, the
// open documents and their parses, the settings, the concept sources, the
// command dispatcher, and two wrappers that turn a service call into a safe
// request handler. A feature is a file lsp/<feature>.ts with
// `register<Feature>(ctx: ServerContext)`, listed once in lsp/features.ts.

import type {
  CodeLens, Connection, Diagnostic as LspDiagnostic, InitializeParams, ServerCapabilities, TextDocumentIdentifier,
  TextDocumentPositionParams, TextDocuments,
} from 'vscode-languageserver';
import type { IndexedFile, LanguageService } from '../service/languageService';
import type { ParsedFile } from '../service/parse/model';
import type { IndexedCorpusFile } from '../service/edits/curate/choices';
import type { ConceptSources } from '../service/concepts/conceptSources';
import type { ValidationOptions } from '../service/validate';
import type { Diagnostic } from '../service/types';
import type { ChunkedTextDocument } from './chunkedTextDocument';
import type { Commands } from './commands';
import type { MoreQuickFix } from './editing';
import type { WatchedFiles } from './watchedFiles';
import type { ConceptProvider } from './conceptProvider';
import type { FirstChecks } from './firstChecks';
import type { BeforeChange, OpenFiles } from './openFiles';
import { BIOC_DOCUMENT, BIOC_POSITION, type BiocViews } from './biocViews';
import { describe, runSafe } from './runSafe';
import type { ServerSettings } from './settings';
import type { WorkspaceDisk } from './workspaceDisk';
import type { HostFetchCache } from './serverHost';

export interface ServerLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * What a feature adds to answers another part of the server gives (the
 * comparison's diagnostics, lenses and quick fixes join the checker's and the
 * reading features'). Each entry is called safely: a failure is logged.
 */
export interface ServerExtensions {
  /** More diagnostics for an open document, published together with the checker's. */
  diagnostics: ((uri: string, settings: ServerSettings) => LspDiagnostic[])[];
  codeLenses: ((uri: string, settings: ServerSettings) => CodeLens[])[];
  quickFixes: ((doc: ChunkedTextDocument, file: ParsedFile, sent: LspDiagnostic[], settings: ServerSettings) => MoreQuickFix[])[];
  /** Files that are not open, with an index of their ids, for workspace symbols. */
  indexedFiles: (() => IndexedFile[])[];
  /** Files that are not open, with the ids given to each mention text, for the id picker (asking may start indexing them). */
  corpusIds: (() => IndexedCorpusFile[])[];
  /**
   * How long the check of a document's version waits at least (ms): a text correction whose
   * rows the client is about to carry is not checked before their edit comes.
   */
  validationWaits: ((uri: string, version: number) => number)[];
}

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<ChunkedTextDocument>;
  service: LanguageService;
  log: ServerLog;
  /** The one workspace/executeCommand dispatcher: `commands.add(id, handler)`. */
  commands: Commands;
  /** Where the server runs (ServerHost.name). */
  hostName: string;
  /** Where fetched documents are kept (ServerHost.fetchCache), once the client has initialized. */
  fetchCache?(): HostFetchCache | undefined;
  /** The workspace's files on disk, where the host has them (not in a browser). */
  workspaceDisk?: WorkspaceDisk;
  settingsFor(uri: string): Promise<ServerSettings>;
  /** The one workspace/didChangeWatchedFiles handler's listeners (LSP allows one handler). */
  watchedFiles: Pick<WatchedFiles, 'watch' | 'listen'>;
  /** The up-to-date parse of an open document. */
  fileOf(doc: ChunkedTextDocument): ParsedFile;
  /** Open BioC documents' checks and projections (the preview reads them). */
  biocViews?: BiocViews;
  /** Listens to single edits of open documents before they apply, with the parse they are made on. */
  onBeforeChange(listener: BeforeChange): void;
  /** The document's current diagnostics (cached per document). */
  diagnosticsOf(doc: ChunkedTextDocument, settings: ServerSettings): Diagnostic[];
  /** Whether the document has been checked once since it was opened (a large file's first check must not run twice). */
  checkedOnce(uri: string): boolean;
  /** What the service may use beyond the file (MeSH index, online names); never throws. */
  conceptSources(settings: ServerSettings): ConceptSources | undefined;
  validationOptions(settings: ServerSettings): ValidationOptions;
  /** The concept provider, once the client has initialized. */
  concepts(): ConceptProvider | undefined;
  /** Checks every open document again (settings or concept sources changed). */
  revalidateAll(): void;
  /** Publishes a document's diagnostics again soon (what an extension adds to them changed). */
  republish(uri: string): void;
  extensions: ServerExtensions;
  /** The extensions' quick fixes for the diagnostics a client sent (editing.ts offers them). */
  moreQuickFixes(doc: ChunkedTextDocument, file: ParsedFile, sent: LspDiagnostic[], settings: ServerSettings): MoreQuickFix[];
  /** A position request handler: finds the document and its settings, runs `run`, answers `empty` on any failure. */
  onPosition<P extends TextDocumentPositionParams, T>(
    what: string, empty: T, run: (file: ParsedFile, params: P, settings: ServerSettings) => T,
  ): (params: P) => Promise<T>;
  /**
   * Like onPosition, for requests about a whole document or a range of it.
   * Whole-file requests (`wholeFile`) on a large file wait for its first check.
   */
  onDocument<P extends { textDocument: TextDocumentIdentifier }, T>(
    what: string, empty: T, run: (doc: ChunkedTextDocument, file: ParsedFile, params: P, settings: ServerSettings) => T,
    wholeFile?: boolean,
  ): (params: P) => Promise<T>;
}

/** What a feature's register function may return: its share of the capabilities, and clean-up. */
export interface FeatureRegistration {
  capabilities?(params: InitializeParams): ServerCapabilities;
  /** After `initialized` (e.g. dynamic registrations). */
  initialized?(): void;
  /** The client's settings changed (after the open documents are scheduled for checking again). */
  settingsChanged?(): void;
  /** A corpus schema file changed: what was checked under the old schemas is stale. */
  schemasChanged?(): void;
  /**
   * An open document was closed: true when the feature publishes its
   * diagnostics from now on (the workspace scope, from disk), so the core
   * does not clear them.
   */
  takesOverClosed?(uri: string): boolean;
  /** On shutdown. */
  dispose?(): void | Promise<void>;
}

export type RegisterFeature = (ctx: ServerContext) => FeatureRegistration | void;

/** The two request wrappers of ServerContext, over the core's documents, parses and settings. */
export function requestWrappers(deps: {
  documents: TextDocuments<ChunkedTextDocument>;
  openFiles: OpenFiles;
  firstChecks: FirstChecks;
  log: ServerLog;
  settingsFor(uri: string): Promise<ServerSettings>;
  biocViews?: BiocViews;
}): Pick<ServerContext, 'onPosition' | 'onDocument'> {
  const { documents, openFiles, firstChecks, log, settingsFor, biocViews } = deps;
  return {
    onPosition(what, empty, run) {
      return async (params) => {
        try {
          const doc = documents.get(params.textDocument.uri);
          if (!doc) return empty;
          const settings = await settingsFor(doc.uri);
          // A BioC document answers through its projection (biocViews.ts), or not at all.
          if (biocViews?.isBioc(doc)) {
            const answer = BIOC_POSITION[what];
            return answer ? runSafe(log, `${what} at ${doc.uri}`, empty, () => answer(biocViews.get(doc), params, settings) as typeof empty) : empty;
          }
          return runSafe(log, `${what} at ${doc.uri}:${params.position.line}:${params.position.character}`, empty,
            () => run(openFiles.get(doc).file, params, settings));
        } catch (e) {
          log.error(`${what} failed: ${describe(e)}`);
          return empty;
        }
      };
    },
    onDocument(what, empty, run, wholeFile = false) {
      return async (params) => {
        try {
          if (wholeFile) await firstChecks.wait(params.textDocument.uri);
          const doc = documents.get(params.textDocument.uri);
          if (!doc) return empty;
          const settings = await settingsFor(doc.uri);
          if (biocViews?.isBioc(doc)) {
            const answer = BIOC_DOCUMENT[what];
            return answer ? runSafe(log, `${what} of ${doc.uri}`, empty, () => answer(biocViews.get(doc), doc.uri, settings) as typeof empty) : empty;
          }
          return runSafe(log, `${what} of ${doc.uri}`, empty, () => run(doc, openFiles.get(doc).file, params, settings));
        } catch (e) {
          log.error(`${what} failed: ${describe(e)}`);
          return empty;
        }
      };
    },
  };
}
