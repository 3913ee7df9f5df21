// LSP wiring of the editing features: quick fixes and fix-all, formatting,
// completion, rename, and the "Annotate selection" command. The service
// computes plain edits; this file turns them into WorkspaceEdits stamped with
// the document version they were computed on (when the client can check it),
// so an edit computed on an older text is refused instead of misapplied.

import {
  LSPErrorCodes, ResponseError,
  type ClientCapabilities, type CodeAction, type CodeActionParams, type CompletionItem, type Connection,
  type Diagnostic as LspDiagnostic, type InitializeParams, type ServerCapabilities, type TextDocuments, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, TextEdit } from '../service/languageService';
import { FIX_ALL, QUICK_FIX } from '../service/languageService';
import type { ParsedFile } from '../service/parse/model';
import type { Diagnostic, Range } from '../service/types';
import { describe, runSafe, type Logger } from './runSafe';
import { isBiocLanguage } from './biocViews';
import type { ServerSettings } from './settings';
import type { Commands } from './commands';

/** The server command that inserts a mention row (arguments: one InsertMentionArgs). */
export const INSERT_MENTION_COMMAND = 'pubtator.insertMention';
/** The request the client sends for the types and concepts to offer (AnnotationSuggestionsParams). */
export const ANNOTATION_SUGGESTIONS_REQUEST = 'pubtator/annotationSuggestions';

export interface AnnotationSuggestionsParams {
  textDocument: { uri: string };
  range: Range;
}

export interface InsertMentionArgs {
  uri: string;
  /** The version the client saw; the command refuses to run on another. */
  version?: number;
  range: Range;
  type: string;
  id: string;
}

export interface InsertMentionResult {
  applied: boolean;
  /** Why nothing was inserted, for the client to show. */
  message?: string;
  row?: string;
  line?: number;
}

/** What the server hands over; `D` is its text document class (anything with uri, version and text). */
export interface EditingHost<D extends TextDocument> {
  connection: Connection;
  documents: TextDocuments<D>;
  service: LanguageService;
  fileOf(doc: D): ParsedFile;
  /** The file's current diagnostics (cached per document by the caller). */
  diagnosticsOf(doc: D, settings: ServerSettings): Diagnostic[];
  settingsFor(uri: string): Promise<ServerSettings>;
  log: Logger;
  /** The server's command dispatcher (one executeCommand handler for all features). */
  commands: Commands;
  /** Quick fixes another feature offers for its own diagnostics (the comparison's). */
  moreQuickFixes?(doc: D, file: ParsedFile, sent: LspDiagnostic[], settings: ServerSettings): MoreQuickFix[];
}

export interface MoreQuickFix {
  title: string;
  edits: TextEdit[];
  isPreferred?: boolean;
  diagnostic: LspDiagnostic;
}

interface FixAllData {
  pubtatorFixAll: { uri: string; version: number; code: string };
}

function isFixAllData(data: unknown): data is FixAllData {
  const d = (data as FixAllData | undefined)?.pubtatorFixAll;
  return typeof d === 'object' && d !== null && typeof d.uri === 'string' && typeof d.version === 'number' && typeof d.code === 'string';
}

export interface Editing {
  /** Capabilities to merge into the InitializeResult; also remembers what the client supports. */
  capabilities(params: InitializeParams): ServerCapabilities;
}

export function registerEditing<D extends TextDocument>(host: EditingHost<D>): Editing {
  const { connection, documents, service, log } = host;
  let client: ClientCapabilities = {};
  const versioned = () => client.workspace?.workspaceEdit?.documentChanges === true;
  const resolvable = () => client.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;

  function workspaceEdit(doc: TextDocument, edits: TextEdit[]): WorkspaceEdit {
    if (versioned()) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] };
    return { changes: { [doc.uri]: edits } };
  }

  /** Runs a request on an open document with its settings; exceptions become a log line and `empty`. */
  async function withDocument<T>(uri: string, what: string, empty: T, run: (doc: D, s: ServerSettings) => T): Promise<T> {
    try {
      const doc = documents.get(uri);
      // A BioC document is XML/JSON: PubTator's edits (fixes, formatting, completion, rename) would break it.
      if (!doc || isBiocLanguage(doc.languageId)) return empty;
      const settings = await host.settingsFor(uri);
      // The text may have changed while the settings were read: use the newest.
      const current = documents.get(uri);
      return current ? runSafe(log, `${what} in ${uri}`, empty, () => run(current, settings)) : empty;
    } catch (e) {
      log.error(`${what} failed: ${describe(e)}`);
      return empty;
    }
  }

  connection.onCodeAction((params: CodeActionParams) => withDocument(params.textDocument.uri, 'Code actions', [] as CodeAction[], (doc, s) => {
    const sent = params.context?.diagnostics ?? [];
    const actions = service.codeActions(host.fileOf(doc), {
      range: params.range,
      diagnostics: sent.map((d) => ({ range: d.range, code: d.code, data: d.data })),
      only: params.context?.only,
    }, { unit: s.unit, severities: s.severities, fileDiagnostics: () => host.diagnosticsOf(doc, s), lazyFileFixes: resolvable() });
    const only = params.context?.only;
    const more = !only || only.some((k) => k === QUICK_FIX || QUICK_FIX.startsWith(k + '.'))
      ? host.moreQuickFixes?.(doc, host.fileOf(doc), sent, s) ?? [] : [];
    const moreActions = more.map((f): CodeAction => {
      const action: CodeAction = { title: f.title, kind: QUICK_FIX, diagnostics: [f.diagnostic], edit: workspaceEdit(doc, f.edits) };
      if (f.isPreferred) action.isPreferred = true;
      return action;
    });
    return moreActions.concat(actions.map((a): CodeAction => {
      const action: CodeAction = { title: a.title, kind: a.kind };
      const diagnostics = a.diagnostics.map((i) => sent[i]).filter((d): d is LspDiagnostic => d !== undefined);
      if (diagnostics.length) action.diagnostics = diagnostics;
      if (a.isPreferred) action.isPreferred = true;
      if (a.edits) action.edit = workspaceEdit(doc, a.edits);
      else if (a.fixAll) action.data = { pubtatorFixAll: { uri: doc.uri, version: doc.version, code: a.fixAll.code } } satisfies FixAllData;
      return action;
    }));
  }));

  connection.onCodeActionResolve(async (action: CodeAction): Promise<CodeAction> => {
    if (action.edit || !isFixAllData(action.data)) return action;
    const { uri, version, code } = action.data.pubtatorFixAll;
    return withDocument(uri, 'Resolving a fix-all', action, (doc, s) => {
      // Computed for another version of the text: no edit rather than a wrong one.
      if (doc.version !== version) return action;
      const edits = service.fixAll(host.fileOf(doc), [code], { unit: s.unit, severities: s.severities, fileDiagnostics: host.diagnosticsOf(doc, s) });
      return { ...action, edit: workspaceEdit(doc, edits) };
    });
  });

  connection.onDocumentFormatting((params) => withDocument(params.textDocument.uri, 'Formatting', [] as TextEdit[], (doc, s) =>
    service.format(doc.getText(), host.fileOf(doc), { sortMentions: s.sortMentions })));

  connection.onDocumentRangeFormatting((params) => withDocument(params.textDocument.uri, 'Formatting a range', [] as TextEdit[], (doc, s) =>
    service.format(doc.getText(), host.fileOf(doc), { sortMentions: s.sortMentions, range: params.range })));

  connection.onCompletion((params) => withDocument(params.textDocument.uri, 'Completion', [] as CompletionItem[], (doc, s) =>
    service.completion(host.fileOf(doc), params.position, { unit: s.unit }).map((item): CompletionItem => {
      const out: CompletionItem = { label: item.label, kind: item.kind, sortText: item.sortText, textEdit: item.textEdit };
      if (item.detail) out.detail = item.detail;
      if (item.filterText) out.filterText = item.filterText;
      if (item.documentation) out.documentation = { kind: 'markdown', value: item.documentation };
      return out;
    })));

  connection.onPrepareRename((params) => withDocument(params.textDocument.uri, 'Preparing a rename',
    null as { range: Range; placeholder: string } | ResponseError<void> | null, (doc) => {
      const result = service.prepareRename(host.fileOf(doc), params.position);
      return 'error' in result ? new ResponseError<void>(LSPErrorCodes.RequestFailed, result.error) : result;
    }));

  connection.onRenameRequest((params) => withDocument(params.textDocument.uri, 'Rename',
    null as WorkspaceEdit | ResponseError<void> | null, (doc, s) => {
      const result = service.rename(host.fileOf(doc), params.position, params.newName, { scope: s.renameScope });
      return 'error' in result ? new ResponseError<void>(LSPErrorCodes.RequestFailed, result.error) : workspaceEdit(doc, result.edits);
    }));

  connection.onRequest(ANNOTATION_SUGGESTIONS_REQUEST, (params: AnnotationSuggestionsParams) =>
    withDocument(params?.textDocument?.uri, 'Annotation suggestions', { error: 'The document is not open.' } as object, (doc, s) =>
      service.annotationSuggestions(host.fileOf(doc), params.range, { unit: s.unit })));

  host.commands.add(INSERT_MENTION_COMMAND, async (commandArgs) => {
    const args = commandArgs[0] as InsertMentionArgs | undefined;
    const refused = (message: string): InsertMentionResult => ({ applied: false, message });
    if (!args || typeof args.uri !== 'string') return refused('No document was given.');
    const planned = await withDocument(args.uri, 'Inserting a mention', undefined as { doc: D; edit: TextEdit; row: string; line: number } | { error: string } | undefined, (doc, s) => {
      if (typeof args.version === 'number' && args.version !== doc.version) return { error: 'The document changed since the selection was made; try again.' };
      const result = service.insertMention(host.fileOf(doc), { range: args.range, type: args.type, id: args.id }, { unit: s.unit });
      return 'error' in result ? result : { doc, ...result };
    });
    if (!planned) return refused('The document is not open.');
    if ('error' in planned) return refused(planned.error);
    try {
      const label = `Annotate ${JSON.stringify(planned.row.split('\t')[3] ?? '')}`;
      const applied = await connection.workspace.applyEdit({ label, edit: workspaceEdit(planned.doc, [planned.edit]) });
      return applied.applied
        ? { applied: true, row: planned.row, line: planned.line } satisfies InsertMentionResult
        : refused(applied.failureReason ?? 'The editor did not apply the edit.');
    } catch (e) {
      log.error(`Applying a mention insertion failed: ${describe(e)}`);
      return refused('The editor did not apply the edit.');
    }
  });

  return {
    capabilities(params: InitializeParams): ServerCapabilities {
      client = params.capabilities ?? {};
      const literals = client.textDocument?.codeAction?.codeActionLiteralSupport !== undefined;
      const prepare = client.textDocument?.rename?.prepareSupport === true;
      return {
        codeActionProvider: literals ? { codeActionKinds: [QUICK_FIX, FIX_ALL], resolveProvider: resolvable() } : true,
        documentFormattingProvider: true,
        documentRangeFormattingProvider: true,
        // No trigger characters and no quick suggestions (package.json): TAB separates
        // columns, and a suggestion list open after a TAB would swallow the next one.
        completionProvider: {},
        renameProvider: prepare ? { prepareProvider: true } : true,
      };
    },
  };
}
