// Results of the reading features (tokens, outline, lenses ...) to LSP shapes.
// The service's shapes match LSP field for field; what is done here is the
// compact token encoding, numbers typed as LSP's enums, and the uri a lens
// needs to find its document again when it is resolved.

import type {
  CodeLens as LspCodeLens, DocumentSymbol as LspDocumentSymbol, SemanticTokens, SemanticTokensLegend, SymbolInformation,
  SymbolKind,
} from 'vscode-languageserver';
import {
  TOKEN_MODIFIERS, TOKEN_TYPES,
  type CodeLens, type DocumentSymbol, type SemanticToken, type WorkspaceSymbol,
} from '../service/languageService';

export const TOKEN_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

/**
 * LSP's relative encoding: per token, the line delta, the start (relative to
 * the previous token on the same line), length, type and modifiers. Tokens
 * must come sorted by position, as the service returns them.
 */
export function encodeTokens(tokens: readonly SemanticToken[]): SemanticTokens {
  const data = new Array<number>(tokens.length * 5);
  let line = 0;
  let character = 0;
  tokens.forEach((t, i) => {
    const dl = t.line - line;
    data[i * 5] = dl;
    data[i * 5 + 1] = dl === 0 ? t.character - character : t.character;
    data[i * 5 + 2] = t.length;
    data[i * 5 + 3] = t.type;
    data[i * 5 + 4] = t.modifiers;
    line = t.line;
    character = t.character;
  });
  return { data };
}

export function toDocumentSymbols(symbols: DocumentSymbol[]): LspDocumentSymbol[] {
  // The service's kinds are LSP SymbolKind values already.
  return symbols as LspDocumentSymbol[];
}

export function toSymbolInformation(symbols: WorkspaceSymbol[]): SymbolInformation[] {
  return symbols.map((s) => {
    const out: SymbolInformation = { name: s.name, kind: s.kind as SymbolKind, location: { uri: s.uri, range: s.range } };
    if (s.containerName !== undefined) out.containerName = s.containerName;
    return out;
  });
}

/** A lens with its document's uri in `data`, so resolving it can find the file. */
export function toCodeLens(uri: string, lens: CodeLens): LspCodeLens {
  return lens.data ? { ...lens, data: { ...lens.data, uri } } : lens;
}

/** The uri a lens was listed for, or undefined for a lens not made here. */
export function codeLensUri(lens: LspCodeLens): string | undefined {
  const data = lens.data as { uri?: unknown } | null | undefined;
  return typeof data === 'object' && data !== null && typeof data.uri === 'string' ? data.uri : undefined;
}
