// The samples' expected diagnostics and feature answers, written once in
// test/fixtures/lsp/expected.json for the JSON-RPC, Neovim and VS Code tests.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../../support/paths';

export const lspFixturesDir = join(fixturesDir, 'lsp');

export interface ExpectedDiagnostic {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  messageIncludes: string[];
}

export interface ExpectedAt {
  line: number;
  character: number;
}

export interface ExpectedSample {
  languageId: string;
  diagnostics: ExpectedDiagnostic[];
  hover: (ExpectedAt & { includes: string[] })[];
  definition: (ExpectedAt & { lines: number[] })[];
}

export const expected: Record<string, ExpectedSample> =
  JSON.parse(readFileSync(join(lspFixturesDir, 'expected.json'), 'utf8')).samples;

export const SEVERITY_NUMBER = { error: 1, warning: 2, information: 3, hint: 4 } as const;

export function sampleText(name: string): string {
  return readFileSync(join(lspFixturesDir, name), 'utf8');
}
