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

export type { DocumentHighlight, FeatureOptions, HighlightKind, Hover, ReferenceOptions } from './features/types';

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
  };
}
