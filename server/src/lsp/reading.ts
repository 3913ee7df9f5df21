// LSP wiring of the reading features: hover, definition, references,
// highlights, semantic tokens (full, delta, range), folding, outline,
// workspace symbols, inlay hints, code lenses and selection ranges. Each is
// one service call, wrapped by the core's request helpers.

import type {
  CodeLens, InlayHintParams, ReferenceParams, SelectionRangeParams, SemanticTokens, SemanticTokensDelta,
  SemanticTokensDeltaParams, SemanticTokensParams, SemanticTokensRangeParams,
} from 'vscode-languageserver';
import { toHighlights, toHover, toLocations } from './convert';
import { codeLensUri, encodeTokens, TOKEN_LEGEND, toCodeLens, toDocumentSymbols, toSymbolInformation } from './readingConvert';
import { describe, runSafe } from './runSafe';
import { SemanticTokenResults } from './semanticTokenResults';
import type { FeatureRegistration, ServerContext } from './serverContext';
import { schemaFamilies } from '../service/schema/families';

export function registerReading(ctx: ServerContext): FeatureRegistration {
  const { connection, documents, service, log, onPosition, onDocument } = ctx;
  const tokenResults = new SemanticTokenResults();
  documents.onDidClose((e) => tokenResults.forget(e.document.uri));

  connection.onHover(onPosition('Hover', null, (file, p, s) =>
    toHover(service.hover(file, p.position, { unit: s.unit, concepts: ctx.conceptSources(s) }))));

  connection.onDefinition(onPosition('Definition', [], (file, p, s) =>
    toLocations(p.textDocument.uri, service.definition(file, p.position, { unit: s.unit }))));

  connection.onReferences(onPosition('References', [], (file, p: ReferenceParams, s) =>
    toLocations(p.textDocument.uri, service.references(file, p.position, {
      unit: s.unit, includeDeclaration: p.context?.includeDeclaration ?? true,
    }))));

  connection.onDocumentHighlight(onPosition('Document highlight', [], (file, p, s) =>
    toHighlights(service.documentHighlights(file, p.position, { unit: s.unit }))));

  connection.languages.semanticTokens.on(onDocument('Semantic tokens', { data: [] }, (doc, file, _p: SemanticTokensParams, s) =>
    tokenResults.full(doc.uri, service.encodedSemanticTokens(file, { unit: s.unit, families: schemaFamilies(s.schema) })), true));

  connection.languages.semanticTokens.onDelta(onDocument<SemanticTokensDeltaParams, SemanticTokens | SemanticTokensDelta>(
    'Semantic tokens', { data: [] }, (doc, file, p, s) =>
      tokenResults.delta(doc.uri, p.previousResultId, service.encodedSemanticTokens(file, { unit: s.unit, families: schemaFamilies(s.schema) })), true));

  connection.languages.semanticTokens.onRange(onDocument('Semantic tokens', { data: [] }, (_doc, file, p: SemanticTokensRangeParams, s) =>
    encodeTokens(service.semanticTokens(file, { unit: s.unit, range: p.range, families: schemaFamilies(s.schema) }))));

  connection.onFoldingRanges(onDocument('Folding', [], (_doc, file) => service.foldingRanges(file), true));

  connection.onDocumentSymbol(onDocument('Outline', [], (_doc, file, _p, s) =>
    toDocumentSymbols(service.documentSymbols(file, { unit: s.unit })), true));

  connection.onWorkspaceSymbol((params) => runSafe(log, `Workspace symbols for ${JSON.stringify(params.query)}`, [], () =>
    toSymbolInformation(service.workspaceSymbols(documents.all().map((d) => ({ uri: d.uri, file: ctx.fileOf(d) })), params.query,
      undefined, ctx.extensions.indexedFiles.flatMap((f) => f())))));

  connection.languages.inlayHint.on(onDocument('Inlay hints', [], (_doc, file, p: InlayHintParams, s) =>
    service.inlayHints(file, p.range, { unit: s.unit })));

  connection.onCodeLens(onDocument('Code lens', [], (doc, file, _p, s) => [
    ...service.codeLenses(file).map((l) => toCodeLens(doc.uri, l)),
    ...ctx.extensions.codeLenses.flatMap((f) => runSafe(ctx.log, `Adding code lenses to ${doc.uri}`, [], () => f(doc.uri, s))),
  ], true));

  connection.onCodeLensResolve(async (lens: CodeLens): Promise<CodeLens> => {
    try {
      const uri = codeLensUri(lens);
      const doc = uri === undefined ? undefined : documents.get(uri);
      if (!doc) return lens;
      const s = await ctx.settingsFor(doc.uri);
      return runSafe(log, `Resolving a code lens of ${doc.uri}`, lens, () =>
        toCodeLens(doc.uri, service.resolveCodeLens(ctx.fileOf(doc), lens, ctx.validationOptions(s))));
    } catch (e) {
      log.error(`Resolving a code lens failed: ${describe(e)}`);
      return lens;
    }
  });

  connection.onSelectionRanges(onDocument('Selection ranges', [], (_doc, file, p: SelectionRangeParams, s) =>
    service.selectionRanges(file, p.positions, { unit: s.unit })));

  return {
    capabilities: () => ({
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
    }),
  };
}
