// Runs the checks on text, for tests that look at one code at a time.
import { parsePubtator } from '../../server/src/service/parse/parseFile';
import { validateFile, type ValidationOptions } from '../../server/src/service/validate';
import type { Diagnostic } from '../../server/src/service/types';

export function check(text: string, options: ValidationOptions = {}): Diagnostic[] {
  return validateFile(parsePubtator(text), options);
}

export function codes(text: string, options: ValidationOptions = {}): string[] {
  return check(text, options).map((d) => d.code);
}

export function only(text: string, code: string, options: ValidationOptions = {}): Diagnostic[] {
  return check(text, options).filter((d) => d.code === code);
}
