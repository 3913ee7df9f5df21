// The service's front door: one method per feature, on plain strings and data.
// The language server, the CLI and the tests all go through here.

import { parsePubtator, type ParseOptions } from './parse/parseFile';
import type { ParsedFile } from './parse/model';
import { validateFile, type ValidationOptions } from './validate';
import type { Diagnostic, Position, Range } from './types';
import { hover } from './features/hover';
import { prepareFileCounts } from './features/fileIndex';
import { definition } from './features/definition';
import { references } from './features/references';
import { documentHighlights } from './features/documentHighlights';
import type { DocumentHighlight, FeatureOptions, Hover, ReferenceOptions } from './features/types';
import { encodedFileTokens, semanticTokens, type SemanticToken, type SemanticTokenOptions } from './features/semanticTokens';
import { foldingRanges, type FoldingRange } from './features/folding';
import { documentSymbols, type DocumentSymbol, type DocumentSymbolOptions } from './features/documentSymbols';
import { workspaceSymbols, type IndexedFile, type OpenFile, type WorkspaceSymbol } from './features/workspaceSymbols';
import { inlayHints, type InlayHint } from './features/inlayHints';
import { codeLenses, resolveCodeLens, type CodeLens } from './features/codeLens';
import { selectionRanges, type SelectionRange } from './features/selectionRanges';
import { completion, type CompletionItem } from './features/completion';
import { codeActions, fixAllEdits, type CodeAction, type CodeActionOptions, type CodeActionParams, type FixAllOptions } from './edits/codeActions';
import { formatEdits, type FormatOptions } from './edits/format';
import { prepareRename, rename, type PrepareRenameResult, type RenameOptions, type RenameResult } from './edits/rename';
import { annotationSuggestions, insertMention, type AnnotateOptions, type AnnotationSuggestions, type MentionChoice, type MentionInsertion } from './edits/annotate';
import type { TextEdit } from './edits/textEdit';
import { curate, curateChoices, type ChoicesAnswer, type ChoicesQuery, type CurateIntent, type CurateOptions, type CurateResult, type Refused } from './edits/curate/curate';
import { carryAnnotations, type Carry, type TextChange } from './edits/curate/carryAnnotations';
import type { Families } from './schema/families';
import { schemaFromFile, type LearnedSchema } from './features/schemaFromFile';
import { preview, previewExport, type PreviewExport, type PreviewExportFormat, type PreviewOptions, type PreviewRequest, type PreviewWindow } from './features/preview';

export type { DocumentHighlight, FeatureOptions, HighlightKind, Hover, ReferenceOptions } from './features/types';
export type { SemanticToken, SemanticTokenOptions } from './features/semanticTokens';
export { TOKEN_MODIFIERS, TOKEN_TYPES } from './features/semanticTokens';
export type { FoldingRange } from './features/folding';
export type { DocumentSymbol, DocumentSymbolOptions } from './features/documentSymbols';
export type { IndexedFile, OpenFile, WorkspaceSymbol } from './features/workspaceSymbols';
export { SymbolIndex } from './features/workspaceSymbols';
export type { InlayHint } from './features/inlayHints';
export type { CodeLens, CodeLensData, LensCommand } from './features/codeLens';
export type { SelectionRange } from './features/selectionRanges';
export type { CompletionItem } from './features/completion';
export type { CodeAction, CodeActionOptions, CodeActionParams, ClientDiagnostic, FixAllOptions } from './edits/codeActions';
export { FIX_ALL, FIXABLE_CODES, QUICK_FIX } from './edits/codeActions';
export type { FormatOptions } from './edits/format';
export type { PrepareRenameResult, RenameOptions, RenameResult, RenameScope } from './edits/rename';
export type { AnnotateOptions, AnnotationSuggestions, MentionChoice, MentionInsertion } from './edits/annotate';
export type { TextEdit } from './edits/textEdit';
export type { ChoicesAnswer, ChoicesQuery, CurateIntent, CurateOptions, CurateResult, MentionRef, RelationRef, TextSelection } from './edits/curate/curate';
export type { Carry, TextChange } from './edits/curate/carryAnnotations';
export type * from './features/preview';

export type { LearnedSchema } from './features/schemaFromFile';

export interface LanguageService {
  /** Builds what hovers need across the whole file ahead of time (idle work). */
  prepare(file: ParsedFile): void;
  parse(text: string, options?: ParseOptions): ParsedFile;
  validate(file: ParsedFile, options?: ValidationOptions): Diagnostic[];
  /** Markdown about the concept id, offsets, relation type or document id under the cursor. */
  hover(file: ParsedFile, position: Position, options?: FeatureOptions): Hover | undefined;
  /** Where the thing under the cursor is defined, in the same file. */
  definition(file: ParsedFile, position: Position, options?: FeatureOptions): Range[];
  /** Every field of the document naming the concept id under the cursor. */
  references(file: ParsedFile, position: Position, options?: ReferenceOptions): Range[];
  /** The same ranges, kind 3 (Write) in mention rows and 2 (Read) in relation rows. */
  documentHighlights(file: ParsedFile, position: Position, options?: FeatureOptions): DocumentHighlight[];
  /** Mention spans of the title and abstract by entity family (all, or the lines of `options.range`). */
  semanticTokens(file: ParsedFile, options?: SemanticTokenOptions): SemanticToken[];
  /** The whole file's tokens in LSP's relative encoding, five numbers a token. */
  encodedSemanticTokens(file: ParsedFile, options?: FeatureOptions & { families?: Families }): Uint32Array;
  /** Each document, its block of mention rows and its block of relation rows. */
  foldingRanges(file: ParsedFile): FoldingRange[];
  /** The outline: documents, their mentions grouped by concept, their relations. */
  documentSymbols(file: ParsedFile, options?: DocumentSymbolOptions): DocumentSymbol[];
  /** Document ids and concept ids containing `query`, across the given files. */
  workspaceSymbols(files: readonly OpenFile[], query: string, limit?: number, indexed?: readonly IndexedFile[]): WorkspaceSymbol[];
  /** Concept names after relation ids, covered text after wrong spans, on the lines of `range`. */
  inlayHints(file: ParsedFile, range: Range, options?: FeatureOptions): InlayHint[];
  /** Per document: a summary lens to resolve, and a PubMed link. */
  codeLenses(file: ParsedFile): CodeLens[];
  /** Counts mentions, relations and problems for a summary lens. */
  resolveCodeLens(file: ParsedFile, lens: CodeLens, options?: ValidationOptions): CodeLens;
  /** For each position: field, row, block, document (mention spans first in the text). */
  selectionRanges(file: ParsedFile, positions: readonly Position[], options?: FeatureOptions): SelectionRange[];
  /** Quick fixes for the problems in `params.range` (fresh and verified), fix-all actions, and source.fixAll on request. */
  codeActions(file: ParsedFile, params: CodeActionParams, options?: CodeActionOptions): CodeAction[];
  /** One edit list fixing every problem of the given codes (a lazy "fix all … in file"). */
  fixAll(file: ParsedFile, codes: readonly string[], options?: FixAllOptions): TextEdit[];
  /** Formatting edits for the file, or for the documents `options.range` touches. `file` is the parse of `text` if known. */
  format(text: string, file: ParsedFile | undefined, options?: FormatOptions): TextEdit[];
  /** Entity types, relation types and concept ids for the column under the cursor. */
  completion(file: ParsedFile, position: Position, options?: FeatureOptions): CompletionItem[];
  /** The value of the concept id under the cursor, or why it cannot be renamed. */
  prepareRename(file: ParsedFile, position: Position): PrepareRenameResult;
  /** Edits renaming the concept id under the cursor in its document (or the file). */
  rename(file: ParsedFile, position: Position, newName: string, options?: RenameOptions): RenameResult;
  /** Types and concepts to offer for a mention on the selected words, or why the selection cannot be one. */
  annotationSuggestions(file: ParsedFile, range: Range, options?: AnnotateOptions): AnnotationSuggestions | { error: string };
  /** The edit inserting a mention row for the selected words, in offset order. */
  insertMention(file: ParsedFile, choice: MentionChoice, options?: AnnotateOptions): MentionInsertion | { error: string };
  /** The edit a curation intent of the reading view stands for, checked against the current text. */
  curate(file: ParsedFile, intent: CurateIntent, options?: CurateOptions): CurateResult;
  /** What the curation pickers offer (types, ids, relation types). */
  curateChoices(file: ParsedFile, query: ChoicesQuery, options?: CurateOptions): ChoicesAnswer | Refused;
  /** From the file before a change of a passage's text, the row edits keeping the mentions on their words. */
  carryAnnotations(file: ParsedFile, change: TextChange, unit: CurateOptions['unit'] & string): Carry | undefined;
  /** The file's conventions (entity types, id namespaces, relation types, unit) written as a pubtator.schema.json to start from. */
  schemaFromFile(file: ParsedFile, source?: string): LearnedSchema;
  /** The reading view of the document at a line, and of a few around it (never the whole file). */
  preview(file: ParsedFile, request: PreviewRequest, options?: PreviewOptions): PreviewWindow;
  /** The document at a line as a self-contained HTML page or SVG picture. */
  previewExport(file: ParsedFile, line: number, format: PreviewExportFormat, options?: PreviewOptions): PreviewExport | undefined;
}

export function createLanguageService(): LanguageService {
  return {
    parse: parsePubtator,
    validate: validateFile,
    prepare: prepareFileCounts,
    hover,
    definition,
    references,
    documentHighlights,
    semanticTokens,
    encodedSemanticTokens: encodedFileTokens,
    foldingRanges,
    documentSymbols,
    workspaceSymbols,
    inlayHints,
    codeLenses,
    resolveCodeLens,
    selectionRanges,
    codeActions,
    fixAll: fixAllEdits,
    format: formatEdits,
    completion,
    prepareRename,
    rename,
    annotationSuggestions,
    insertMention,
    curate,
    curateChoices,
    carryAnnotations,
    preview,
    previewExport,
    schemaFromFile,
  };
}
