// The language server: LSP wiring around the pure language service and nothing
// else. It serves --stdio and --node-ipc alike (lsp/connection.ts reads argv).

import {
  DidChangeConfigurationNotification, MessageType, ShowMessageNotification, TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams, type InitializeResult, type ReferenceParams, type TextDocumentPositionParams,
} from 'vscode-languageserver/node';
import type {
  CodeLens, InlayHintParams, SelectionRangeParams, SemanticTokens, SemanticTokensDelta, SemanticTokensDeltaParams,
  SemanticTokensParams, SemanticTokensRangeParams, TextDocumentIdentifier,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from './service/languageService';
import { OpenFiles } from './lsp/openFiles';
import type { ChunkedTextDocument } from './lsp/chunkedTextDocument';
import { createServerConnection } from './lsp/connection';
import { LARGE_TEXT, MemoryReclaimer } from './lsp/memoryReclaimer';
import { SemanticTokenResults } from './lsp/semanticTokenResults';
import { FirstChecks } from './lsp/firstChecks';
import { Debouncer } from './lsp/debouncer';
import { describe, runSafe } from './lsp/runSafe';
import { defaultSettings, readSettings, SECTION, type ServerSettings } from './lsp/settings';
import { toHighlights, toHover, toLocations, toLspDiagnostic } from './lsp/convert';
import type { ParsedFile } from './service/parse/model';
import { codeLensUri, encodeTokens, TOKEN_LEGEND, toCodeLens, toDocumentSymbols, toSymbolInformation } from './lsp/readingConvert';
import { registerEditing } from './lsp/editing';
import { Commands } from './lsp/commands';
import { ConceptHost, defaultStoragePath } from './lsp/conceptHost';
import { BUILD_MESH_INDEX_COMMAND, meshBuildHandler, reporterProgress } from './lsp/meshCommand';
import type { ConceptSources } from './service/concepts/conceptSources';
import type { ValidationOptions } from './service/validate';
import { registerWorkspaceChecks } from './lsp/workspaceChecks';
import { nodeWorkspaceDisk } from './lsp/nodeWorkspaceDisk';

// Validation waits for a pause in typing. The pause asked for follows what a
// validation of that file last cost: an incremental check of a few
// milliseconds runs almost at once, a slow one waits for typing to stop.
const VALIDATION_DELAY_MS = { min: 25, max: 250, perCostMs: 3 };
const lastValidationMs = new Map<string, number>();

/** How long after a check the file-wide concept counts are prepared. */
const PREPARE_AFTER_MS = 500;

/** Validations that took this long in a large file left enough garbage to collect. */
const RECLAIM_AFTER_MS = 100;

/** Large enough that whole-file requests wait for the first check, and that the garbage is worth collecting. */
function isLarge(doc: ChunkedTextDocument): boolean {
  return doc.textLength >= LARGE_TEXT;
}

function validationDelay(uri: string): number {
  const cost = lastValidationMs.get(uri) ?? VALIDATION_DELAY_MS.max / VALIDATION_DELAY_MS.perCostMs;
  return Math.min(VALIDATION_DELAY_MS.max, Math.max(VALIDATION_DELAY_MS.min, cost * VALIDATION_DELAY_MS.perCostMs));
}

const connection = createServerConnection();
const log = { error: (message: string) => connection.console.error(message) };
const service = createLanguageService();
const openFiles = new OpenFiles(log.error);
const documents = new TextDocuments(openFiles.configuration);
const debouncer = new Debouncer(VALIDATION_DELAY_MS.max);
const commands = new Commands();
const reclaimer = new MemoryReclaimer();
const tokenResults = new SemanticTokenResults();
const firstChecks = new FirstChecks();
/** The client says the workspace became trusted (VS Code: onDidGrantWorkspaceTrust). */
const WORKSPACE_TRUSTED_NOTIFICATION = 'pubtator/workspaceTrusted';
/** MeSH index and online look-ups; made at initialize, from the client's storage folder and trust. */
let concepts: ConceptHost | undefined;

let pullConfiguration = false;
let dynamicConfigurationChange = false;
/** Settings pushed with didChangeConfiguration, for clients that cannot be asked. */
let pushedSettings: ServerSettings = defaultSettings();
/** Settings per document uri, asked once and forgotten when they change. */
const settingsByUri = new Map<string, Promise<ServerSettings>>();

// A stray exception in a callback must not end the process: log it instead.
process.on('uncaughtException', (e) => log.error(`Uncaught exception: ${describe(e)}`));
process.on('unhandledRejection', (e) => log.error(`Unhandled rejection: ${describe(e)}`));

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const workspace = params.capabilities.workspace;
  pullConfiguration = workspace?.configuration === true;
  dynamicConfigurationChange = workspace?.didChangeConfiguration?.dynamicRegistration === true;
  concepts = createConceptHost(params.initializationOptions);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      semanticTokensProvider: { legend: TOKEN_LEGEND, full: { delta: true }, range: true },
      foldingRangeProvider: true,
      documentSymbolProvider: { label: 'PubTator' },
      workspaceSymbolProvider: true,
      inlayHintProvider: true,
      codeLensProvider: { resolveProvider: true },
      selectionRangeProvider: true,
      ...editing.capabilities(params),
      ...workspaceChecks.capabilities(params),
      executeCommandProvider: { commands: commands.ids() },
    },
    serverInfo: { name: 'pubtator-language-server' },
  };
});

connection.onInitialized(() => {
  // Ask VS Code to tell us when `pubtator.*` settings change.
  if (dynamicConfigurationChange) {
    connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION })
      .catch((e) => log.error(`Registering for configuration changes failed: ${describe(e)}`));
  }
  workspaceChecks.initialized();
  connection.console.info('PubTator language server ready.');
});

/**
 * initializationOptions: `{ storagePath?: string, trusted?: boolean }`. VS Code's
 * client sends both; an editor without workspace trust sends no `trusted`,
 * and its settings are the user's own, so it counts as trusted.
 */
function createConceptHost(raw: unknown): ConceptHost {
  const init = (typeof raw === 'object' && raw !== null ? raw : {}) as { storagePath?: unknown; trusted?: unknown };
  const storagePath = typeof init.storagePath === 'string' && init.storagePath !== '' ? init.storagePath : defaultStoragePath();
  return new ConceptHost({
    storagePath,
    trusted: init.trusted !== false,
    log: { info: (m) => connection.console.info(m), error: log.error },
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
    onMeshChanged: () => {
      for (const doc of documents.all()) scheduleValidation(doc);
    },
    online: testServiceBases(),
  });
}

/**
 * Tests point the online look-ups at a stand-in on this machine. Only
 * http://127.0.0.1 is taken, so the variables cannot send look-ups elsewhere.
 */
function testServiceBases(): { eutilsBase?: string; cellosaurusBase?: string } {
  const loopback = (v: string | undefined) => (v && /^http:\/\/127\.0\.0\.1:\d+\//.test(v) ? v : undefined);
  const bases = { eutilsBase: loopback(process.env.PUBTATOR_TEST_EUTILS_BASE), cellosaurusBase: loopback(process.env.PUBTATOR_TEST_CELLOSAURUS_BASE) };
  return Object.fromEntries(Object.entries(bases).filter(([, v]) => v !== undefined));
}

connection.onNotification(WORKSPACE_TRUSTED_NOTIFICATION, () => concepts?.setTrusted(true));

/** What the service may use beyond the file for a document with these settings; never throws. */
function conceptSources(settings: ServerSettings): ConceptSources | undefined {
  return runSafe(log, 'Loading concept sources', undefined, () => concepts?.sources(settings));
}

function validationOptions(settings: ServerSettings): ValidationOptions {
  return { unit: settings.unit, severities: settings.severities, concepts: conceptSources(settings) };
}

function settingsFor(uri: string): Promise<ServerSettings> {
  if (!pullConfiguration) return Promise.resolve(pushedSettings);
  let settings = settingsByUri.get(uri);
  if (!settings) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: SECTION }).then(
      readSettings,
      (e) => {
        log.error(`Reading settings failed, using defaults: ${describe(e)}`);
        return defaultSettings();
      },
    );
    settingsByUri.set(uri, settings);
  }
  return settings;
}

connection.onDidChangeConfiguration((change) => {
  settingsByUri.clear();
  if (!pullConfiguration) {
    const settings = (change.settings as Record<string, unknown> | null | undefined)?.[SECTION];
    pushedSettings = readSettings(settings);
  }
  for (const doc of documents.all()) scheduleValidation(doc);
  workspaceChecks.settingsChanged();
});

function isCurrent(uri: string, version: number): boolean {
  return documents.get(uri)?.version === version;
}

function scheduleValidation(doc: TextDocument): void {
  const { uri, version } = doc;
  debouncer.schedule(uri, () => isCurrent(uri, version), () => {
    validate(uri, version).catch((e) => log.error(`Validating ${uri} failed: ${describe(e)}`));
  }, validationDelay(uri));
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
  const large = isLarge(doc);
  // The message that brought a large file is garbage now: free it before the first check adds its own.
  if (large && !lastValidationMs.has(uri)) reclaimer.now();
  const started = performance.now();
  const diagnostics = runSafe(log, `Validating ${uri}`, [], () =>
    openFiles.get(doc).diagnostics(validationOptions(settings)));
  const cost = performance.now() - started;
  lastValidationMs.set(uri, cost);
  // A full check of a large file leaves garbage V8 would keep for minutes.
  if (large && cost > RECLAIM_AFTER_MS) reclaimer.whenQuiet();
  await connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map((d) => toLspDiagnostic(uri, d)) });
  // Then, unless the user typed again, count concepts across the file so the
  // first hover does not have to (edits after that update the counts). Not at
  // once: the whole-file requests an editor sends on opening a file come first.
  setTimeout(() => {
    const current = documents.get(uri);
    if (current && current.version === version) runSafe(log, `Preparing ${uri}`, undefined, () => service.prepare(openFiles.get(current).file));
  }, PREPARE_AFTER_MS);
}

documents.onDidOpen((e) => {
  if (isLarge(e.document)) firstChecks.expect(e.document.uri);
  workspaceChecks.opened(e.document.uri);
});

documents.onDidChangeContent((e) => {
  reclaimer.postpone();
  workspaceChecks.noteEdit();
  scheduleValidation(e.document);
});

documents.onDidClose((e) => {
  const uri = e.document.uri;
  debouncer.cancel(uri);
  openFiles.delete(uri);
  tokenResults.forget(uri);
  firstChecks.checked(uri);
  // Closing a large file frees its text and index: give that memory back too.
  if (isLarge(e.document)) reclaimer.whenQuiet();
  lastValidationMs.delete(uri);
  settingsByUri.delete(uri);
  // In the workspace scope the file's problems on disk take over; else they go.
  if (workspaceChecks.closed(uri)) return;
  connection.sendDiagnostics({ uri, diagnostics: [] })
    .catch((err) => log.error(`Clearing diagnostics of ${uri} failed: ${describe(err)}`));
});

/**
 * Wraps a position request: finds the parsed document and its settings, runs
 * the feature, and turns any exception into a log line and the empty answer.
 */
function onPosition<P extends TextDocumentPositionParams, T>(
  what: string, empty: T, run: (file: ParsedFile, params: P, settings: ServerSettings) => T,
) {
  return async (params: P): Promise<T> => {
    try {
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return empty;
      const settings = await settingsFor(doc.uri);
      return runSafe(log, `${what} at ${doc.uri}:${params.position.line}:${params.position.character}`, empty,
        () => run(openFiles.get(doc).file, params, settings));
    } catch (e) {
      log.error(`${what} failed: ${describe(e)}`);
      return empty;
    }
  };
}

/**
 * Like onPosition, for requests about a whole document (or a range of it).
 * Whole-file requests (`wholeFile`) on a large file wait for its first check.
 */
function onDocument<P extends { textDocument: TextDocumentIdentifier }, T>(
  what: string, empty: T, run: (doc: TextDocument, file: ParsedFile, params: P, settings: ServerSettings) => T,
  wholeFile = false,
) {
  return async (params: P): Promise<T> => {
    try {
      if (wholeFile) await firstChecks.wait(params.textDocument.uri);
      const doc = documents.get(params.textDocument.uri);
      if (!doc) return empty;
      const settings = await settingsFor(doc.uri);
      return runSafe(log, `${what} of ${doc.uri}`, empty, () => run(doc, openFiles.get(doc).file, params, settings));
    } catch (e) {
      log.error(`${what} failed: ${describe(e)}`);
      return empty;
    }
  };
}

connection.onHover(onPosition('Hover', null, (file, p, s) =>
  toHover(service.hover(file, p.position, { unit: s.unit, concepts: conceptSources(s) }))));

connection.onDefinition(onPosition('Definition', [], (file, p, s) =>
  toLocations(p.textDocument.uri, service.definition(file, p.position, { unit: s.unit }))));

connection.onReferences(onPosition('References', [], (file, p: ReferenceParams, s) =>
  toLocations(p.textDocument.uri, service.references(file, p.position, {
    unit: s.unit, includeDeclaration: p.context?.includeDeclaration ?? true,
  }))));

connection.onDocumentHighlight(onPosition('Document highlight', [], (file, p, s) =>
  toHighlights(service.documentHighlights(file, p.position, { unit: s.unit }))));

connection.languages.semanticTokens.on(onDocument('Semantic tokens', { data: [] }, (doc, file, _p: SemanticTokensParams, s) =>
  tokenResults.full(doc.uri, service.encodedSemanticTokens(file, { unit: s.unit })), true));

connection.languages.semanticTokens.onDelta(onDocument<SemanticTokensDeltaParams, SemanticTokens | SemanticTokensDelta>(
  'Semantic tokens', { data: [] }, (doc, file, p, s) =>
    tokenResults.delta(doc.uri, p.previousResultId, service.encodedSemanticTokens(file, { unit: s.unit })), true));

connection.languages.semanticTokens.onRange(onDocument('Semantic tokens', { data: [] }, (_doc, file, p: SemanticTokensRangeParams, s) =>
  encodeTokens(service.semanticTokens(file, { unit: s.unit, range: p.range }))));

connection.onFoldingRanges(onDocument('Folding', [], (_doc, file) => service.foldingRanges(file), true));

connection.onDocumentSymbol(onDocument('Outline', [], (_doc, file, _p, s) =>
  toDocumentSymbols(service.documentSymbols(file, { unit: s.unit })), true));

connection.onWorkspaceSymbol((params) => runSafe(log, `Workspace symbols for ${JSON.stringify(params.query)}`, [], () =>
  toSymbolInformation(service.workspaceSymbols(documents.all().map((d) => ({ uri: d.uri, file: openFiles.get(d).file })), params.query,
    undefined, workspaceChecks.indexed()))));

connection.languages.inlayHint.on(onDocument('Inlay hints', [], (_doc, file, p: InlayHintParams, s) =>
  service.inlayHints(file, p.range, { unit: s.unit })));

connection.onCodeLens(onDocument('Code lens', [], (doc, file) => service.codeLenses(file).map((l) => toCodeLens(doc.uri, l)), true));

connection.onCodeLensResolve(async (lens: CodeLens): Promise<CodeLens> => {
  try {
    const uri = codeLensUri(lens);
    const doc = uri === undefined ? undefined : documents.get(uri);
    if (!doc) return lens;
    const s = await settingsFor(doc.uri);
    return runSafe(log, `Resolving a code lens of ${doc.uri}`, lens, () =>
      toCodeLens(doc.uri, service.resolveCodeLens(openFiles.get(doc).file, lens, validationOptions(s))));
  } catch (e) {
    log.error(`Resolving a code lens failed: ${describe(e)}`);
    return lens;
  }
});

connection.onSelectionRanges(onDocument('Selection ranges', [], (_doc, file, p: SelectionRangeParams, s) =>
  service.selectionRanges(file, p.positions, { unit: s.unit })));

// Quick fixes, formatting, completion, rename and "Annotate selection" (lsp/editing.ts).
const editing = registerEditing({
  connection, documents, service, log, settingsFor, commands,
  fileOf: (doc) => openFiles.get(doc).file,
  diagnosticsOf: (doc, s) => openFiles.get(doc).diagnostics(validationOptions(s)),
});

// Every PubTator file of the workspace in the Problems panel, and "PubTator: Check Workspace" (lsp/workspaceChecks.ts).
const workspaceChecks = registerWorkspaceChecks({
  connection, commands, settingsFor, validationOptions,
  isOpen: (uri) => documents.get(uri) !== undefined,
  log: { info: (m) => connection.console.info(m), error: log.error },
  disk: nodeWorkspaceDisk(),
});

// "PubTator: Build MeSH index" (lsp/meshCommand.ts), then the one executeCommand handler.
commands.add(BUILD_MESH_INDEX_COMMAND, meshBuildHandler(() => concepts));
commands.listen(connection, log);

connection.onShutdown(async () => {
  workspaceChecks.dispose();
  debouncer.dispose();
  reclaimer.cancel();
  await concepts?.dispose();
});

documents.listen(connection);
connection.listen();
