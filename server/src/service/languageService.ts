// The service's front door: one method per feature, on plain strings and data.
// The language server, the CLI and the tests all go through here.

import { parsePubtator, type ParseOptions } from './parse/parseFile';
import type { ParsedFile } from './parse/model';
import { validateFile, type ValidationOptions } from './validate';
import type { Diagnostic } from './types';

export interface LanguageService {
  parse(text: string, options?: ParseOptions): ParsedFile;
  validate(file: ParsedFile, options?: ValidationOptions): Diagnostic[];
}

export function createLanguageService(): LanguageService {
  return {
    parse: parsePubtator,
    validate: validateFile,
  };
}
