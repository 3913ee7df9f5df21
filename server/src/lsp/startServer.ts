// The language server's core, the same in Node (server.ts: stdio or IPC) and
// in a browser web worker (browserServer.ts): open documents, settings,
// validation as the user types, initialize and shutdown. The features
// themselves are wired in their own files, listed in features.ts; what only
// one runtime can do comes through the ServerHost (serverHost.ts).

import {
  DidChangeConfigurationNotification, MessageType, ShowMessageNotification, TextDocuments, TextDocumentSyncKind,
  type Connection, type InitializeParams, type InitializeResult, type ServerCapabilities,
} from 'vscode-languageserver';
import { checkInSlices } from './sliceChecks';
import { createLanguageService } from '../service/languageService';
import type { ValidationOptions } from '../service/validate';
import type { ChunkedTextDocument } from './chunkedTextDocument';
import { Commands } from './commands';
import type { ConceptContext, ConceptProvider } from './conceptProvider';
import { toLspDiagnostic } from './convert';
import { Debouncer } from './debouncer';
import { FEATURES } from './features';
import { FirstChecks } from './firstChecks';
import { LARGE_TEXT } from './largeText';
import { reporterProgress } from './meshCommand';
import { OpenFiles } from './openFiles';
import { BiocViews } from './biocViews';
import { describe, runSafe } from './runSafe';
import { requestWrappers, type FeatureRegistration, type ServerContext, type ServerExtensions } from './serverContext';
import { NO_RECLAIMER, type HostFetchCache, type ServerHost } from './serverHost';
import { defaultSettings, readSettings, SECTION, withSchema, type ServerSettings } from './settings';
import { clientSchemaFiles } from './schemaFiles';
import { SchemaProvider } from './schemas';
import { WatchedFiles } from './watchedFiles';
import { isIgnored } from '../service/schema/ignore';

// Validation waits for a pause in typing. The pause asked for follows what a
// validation of that file last cost: an incremental check of a few
// milliseconds runs almost at once, a slow one waits for typing to stop.
const VALIDATION_DELAY_MS = { min: 25, max: 250, perCostMs: 3 };

/** How long after a check the file-wide concept counts are prepared. */
const PREPARE_AFTER_MS = 500;

/** Validations that took this long in a large file left enough garbage to collect. */
const RECLAIM_AFTER_MS = 100;

/** The client says the workspace became trusted (VS Code: onDidGrantWorkspaceTrust). */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'pubtator/workspaceTrusted';

/** Whole-file requests on a large file wait for its first check, and its garbage is worth collecting. */
function isLarge(doc: ChunkedTextDocument): boolean {
  return doc.textLength >= LARGE_TEXT;
}

/** Wires the server on `connection` and starts listening. */
export function startServer(connection: Connection, host: ServerHost): void {
  const log = {
    info: (message: string) => connection.console.info(message),
    error: (message: string) => connection.console.error(message),
  };
  const service = createLanguageService();
  const openFiles = new OpenFiles(log.error);
  const biocViews = new BiocViews();
  const documents = new TextDocuments(openFiles.configuration);
  const debouncer = new Debouncer(VALIDATION_DELAY_MS.max);
  const commands = new Commands();
  const reclaimer = host.reclaimer ?? NO_RECLAIMER;
  const firstChecks = new FirstChecks();
  const lastValidationMs = new Map<string, number>();
  /** MeSH index and online look-ups; made at initialize, from the client's storage folder and trust. */
  let concepts: ConceptProvider | undefined;
  let fetchCache: HostFetchCache | undefined;

  let pullConfiguration = false;
  let dynamicConfigurationChange = false;
  /** Settings pushed with didChangeConfiguration, for clients that cannot be asked. */
  let pushedSettings: ServerSettings = defaultSettings();
  /** Settings per document uri (with its corpus schema), asked once and forgotten when they change. */
  const settingsByUri = new Map<string, Promise<ServerSettings>>();
  const watchedFiles = new WatchedFiles(connection, log);
  const clientFiles = clientSchemaFiles(connection);
  const schemas = new SchemaProvider(host.schemaFiles?.(clientFiles) ?? clientFiles, {
    warn: (m) => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: m }),
    error: log.error,
  });
  // A schema file written, changed or deleted: read the schemas again and check every open document again.
  watchedFiles.watch('**/*.json', (changes) => {
    if (!changes.some((c) => schemas.concerns(c.uri))) return;
    schemas.forget();
    settingsByUri.clear();
    revalidateAll();
    for (const feature of features) runSafe(log, 'Applying a schema', undefined, () => feature.schemasChanged?.());
    void connection.languages.semanticTokens.refresh().catch(() => undefined);
  });
  /** What features add to the diagnostics, lenses and quick fixes (serverContext.ts). */
  const extensions: ServerExtensions = { diagnostics: [], codeLenses: [], quickFixes: [], indexedFiles: [], corpusIds: [], validationWaits: [] };

  // A stray exception in a callback must not end the server: log it instead.
  host.catchStray?.(log.error);

  function validationDelay(uri: string): number {
    const cost = lastValidationMs.get(uri) ?? VALIDATION_DELAY_MS.max / VALIDATION_DELAY_MS.perCostMs;
    return Math.min(VALIDATION_DELAY_MS.max, Math.max(VALIDATION_DELAY_MS.min, cost * VALIDATION_DELAY_MS.perCostMs));
  }

  function settingsFor(uri: string): Promise<ServerSettings> {
    let settings = settingsByUri.get(uri);
    if (!settings) {
      const editor: Promise<ServerSettings> = !pullConfiguration ? Promise.resolve(pushedSettings)
        : connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then(
          readSettings,
          (e) => {
            log.error(`Reading settings failed, using defaults: ${describe(e)}`);
            return defaultSettings();
          },
        );
      settings = Promise.all([editor, schemas.schemaFor(uri)]).then(([s, schema]) => withSchema(s, schema));
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  /** What the service may use beyond the file for a document with these settings; never throws. */
  function conceptSources(settings: ServerSettings) {
    return runSafe(log, 'Loading concept sources', undefined, () => concepts?.sources(settings));
  }

  function validationOptions(settings: ServerSettings): ValidationOptions {
    return { unit: settings.unit, severities: settings.severities, concepts: conceptSources(settings), schema: settings.schema };
  }

  function revalidateAll(): void {
    for (const doc of documents.all()) scheduleValidation(doc);
  }

  function scheduleValidation(doc: ChunkedTextDocument): void {
    const { uri, version } = doc;
    debouncer.schedule(uri, () => documents.get(uri)?.version === version, () => {
      validate(uri, version).catch((e) => log.error(`Validating ${uri} failed: ${describe(e)}`));
    }, Math.max(validationDelay(uri), ...extensions.validationWaits.map((wait) => runSafe(log, `Waiting to check ${uri}`, 0, () => wait(uri, version)))));
  }

  async function validate(uri: string, version: number): Promise<void> {
    try {
      await runValidation(uri, version);
    } finally {
      firstChecks.checked(uri);
    }
  }

  async function runValidation(uri: string, version: number): Promise<void> {
    const settings = await settingsFor(uri);
    const doc = documents.get(uri);
    // A newer edit arrived while the settings were fetched: its own run will follow.
    if (!doc || doc.version !== version) return;
    // The corpus schema tells checkers to leave this file alone.
    if (isIgnored(settings.schema, uri)) {
      await connection.sendDiagnostics({ uri, version, diagnostics: [] });
      return;
    }
    const large = isLarge(doc);
    // The message that brought a large file is garbage now: free it before the first check adds its own.
    if (large && !lastValidationMs.has(uri)) reclaimer.now();
    const started = performance.now();
    const options = validationOptions(settings);
    if (large && !biocViews.isBioc(doc)) {
      // A slice at a time, so that a hover asked for meanwhile is answered (sliceChecks.ts).
      const file = openFiles.get(doc).file;
      const sliced = await checkInSlices(file, options, () => documents.get(uri)?.version === version && openFiles.get(doc).file === file)
        .catch((e) => { log.error(`Checking ${uri} in slices failed: ${describe(e)}`); return true; });
      if (!sliced) return;
    }
    const diagnostics = runSafe(log, `Validating ${uri}`, [], () =>
      biocViews.isBioc(doc) ? biocViews.get(doc, options).diagnostics : openFiles.get(doc).diagnostics(options));
    const cost = performance.now() - started;
    lastValidationMs.set(uri, cost);
    // A full check of a large file leaves garbage V8 would keep for minutes.
    if (large && cost > RECLAIM_AFTER_MS) reclaimer.whenQuiet();
    // What features add (the comparison's, source "compare") goes in the same publish, so neither replaces the other.
    const added = extensions.diagnostics.flatMap((f) => runSafe(log, `Adding diagnostics to ${uri}`, [], () => f(uri, settings)));
    await connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map((d) => toLspDiagnostic(uri, d)).concat(added) });
    // Then, unless the user typed again, count concepts across the file so the
    // first hover does not have to (edits after that update the counts). Not at
    // once: the whole-file requests an editor sends on opening a file come first.
    setTimeout(() => {
      const current = documents.get(uri);
      if (current && current.version === version) runSafe(log, `Preparing ${uri}`, undefined, () => service.prepare(openFiles.get(current).file));
    }, PREPARE_AFTER_MS);
  }

  /**
   * initializationOptions: `{ storagePath?: string, trusted?: boolean }`. VS Code's
   * client sends both; an editor without workspace trust sends no `trusted`,
   * and its settings are the user's own, so it counts as trusted.
   */
  function conceptContext(raw: unknown): ConceptContext {
    const init = (typeof raw === 'object' && raw !== null ? raw : {}) as { storagePath?: unknown; trusted?: unknown };
    return {
      storagePath: typeof init.storagePath === 'string' && init.storagePath !== '' ? init.storagePath : undefined,
      trusted: init.trusted !== false,
      log,
      // A notification, not showWarningMessage's request: there is nothing to answer.
      warn: (m) => {
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: m });
        log.error(m);
      },
      startProgress: async (title) => {
        const reporter = await connection.window.createWorkDoneProgress();
        const cancelled = new AbortController();
        reporter.token.onCancellationRequested(() => cancelled.abort());
        reporter.begin(title, 0, undefined, true);
        return reporterProgress(reporter, cancelled.signal);
      },
      onMeshChanged: revalidateAll,
    };
  }

  const ctx: ServerContext = {
    connection, documents, service, log, commands,
    hostName: host.name,
    workspaceDisk: host.workspaceDisk,
    settingsFor,
    watchedFiles,
    fileOf: (doc) => openFiles.get(doc).file,
    biocViews,
    onBeforeChange: (listener) => openFiles.onBeforeChange(listener),
    diagnosticsOf: (doc, s) => openFiles.get(doc).diagnostics(validationOptions(s)),
    checkedOnce: (uri) => lastValidationMs.has(uri),
    conceptSources,
    validationOptions,
    concepts: () => concepts,
    fetchCache: () => fetchCache,
    revalidateAll,
    republish: (uri) => {
      const doc = documents.get(uri);
      if (doc) scheduleValidation(doc);
    },
    extensions,
    moreQuickFixes: (doc, file, sent, settings) =>
      extensions.quickFixes.flatMap((f) => runSafe(log, `Quick fixes in ${doc.uri}`, [], () => f(doc, file, sent, settings))),
    ...requestWrappers({ documents, openFiles, firstChecks, log, settingsFor, biocViews }),
  };

  // Every feature (features.ts) registers its handlers now, before the connection listens.
  const features: FeatureRegistration[] = FEATURES.map((register) => register(ctx) ?? {});
  commands.listen(connection, log);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const workspace = params.capabilities.workspace;
    pullConfiguration = workspace?.configuration === true;
    dynamicConfigurationChange = workspace?.didChangeConfiguration?.dynamicRegistration === true;
    watchedFiles.setDynamicRegistration(workspace?.didChangeWatchedFiles?.dynamicRegistration === true);
    const conceptsContext = conceptContext(params.initializationOptions);
    concepts = host.createConcepts(conceptsContext);
    fetchCache = host.fetchCache?.(conceptsContext.storagePath);
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    };
    for (const feature of features) Object.assign(capabilities, feature.capabilities?.(params));
    capabilities.executeCommandProvider = { commands: commands.ids() };
    return { capabilities, serverInfo: { name: 'pubtator-language-server' } };
  });

  connection.onInitialized(() => {
    // Ask VS Code to tell us when `pubtator.*` settings change.
    if (dynamicConfigurationChange) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION })
        .catch((e) => log.error(`Registering for configuration changes failed: ${describe(e)}`));
    }
    watchedFiles.register();
    for (const feature of features) runSafe(log, 'Starting a feature', undefined, () => feature.initialized?.());
    connection.console.info(`PubTator language server ready (${host.name}).`);
  });

  connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => concepts?.setTrusted(true));

  connection.onDidChangeConfiguration((change) => {
    settingsByUri.clear();
    if (!pullConfiguration) {
      const settings = (change.settings as Record<string, unknown> | null | undefined)?.[SECTION];
      pushedSettings = readSettings(settings);
    }
    revalidateAll();
    for (const feature of features) runSafe(log, 'Applying settings', undefined, () => feature.settingsChanged?.());
  });

  documents.onDidOpen((e) => {
    if (isLarge(e.document)) firstChecks.expect(e.document.uri);
  });

  documents.onDidChangeContent((e) => {
    reclaimer.postpone();
    scheduleValidation(e.document);
  });

  documents.onDidClose((e) => {
    const uri = e.document.uri;
    debouncer.cancel(uri);
    openFiles.delete(uri);
    biocViews.delete(uri);
    firstChecks.checked(uri);
    // Closing a large file frees its text and index: give that memory back too.
    if (isLarge(e.document)) reclaimer.whenQuiet();
    lastValidationMs.delete(uri);
    settingsByUri.delete(uri);
    if (features.some((f) => runSafe(log, 'Closing a document', false, () => f.takesOverClosed?.(uri) === true))) return;
    connection.sendDiagnostics({ uri, diagnostics: [] })
      .catch((err) => log.error(`Clearing diagnostics of ${uri} failed: ${describe(err)}`));
  });

  connection.onShutdown(async () => {
    debouncer.dispose();
    reclaimer.cancel();
    for (const feature of features) {
      try {
        await feature.dispose?.();
      } catch (e) {
        log.error(`Stopping a feature failed: ${describe(e)}`);
      }
    }
    await concepts?.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
