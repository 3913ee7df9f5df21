// Every LSP feature the server offers, in both hosts (Node and web worker).
// Adding one: write lsp/<feature>.ts exporting
// `register<Feature>(ctx: ServerContext)` (handlers on ctx.connection,
// commands through ctx.commands, capabilities returned), import from
// 'vscode-languageserver' (never '/node'), and add one line below.
// startServer.ts calls each at start-up and merges their capabilities.

import type { RegisterFeature } from './serverContext';
import { registerReading } from './reading';
import { registerEditing } from './editing';
import { registerMeshCommand } from './meshCommand';
import { registerPreview } from './preview';
import { registerSchemaCommand } from './schemaCommand';
import { registerCompare } from './compare';
import { registerAdjudicate } from './adjudicate';
import { registerWorkspaceChecks } from './workspaceChecks';
import { registerCurate } from './curate';
import { registerFetchCommand } from './fetchCommand';

export const FEATURES: readonly RegisterFeature[] = [
  registerReading, // hover, definition, references, tokens, outline, folding, inlay hints, code lens ...
  registerEditing, // quick fixes, formatting, completion, rename, "Annotate Selection"
  registerMeshCommand, // "Build MeSH index"
  registerPreview, // the reading view's model and its HTML/SVG exports
  registerSchemaCommand, // "Create Schema from This File"
  registerCompare, // "Compare with…": diagnostics, lenses and fixes against a reference file
  registerAdjudicate, // "Adjudicate with…": disagreements with another annotator's file, each settled by an edit
  registerWorkspaceChecks, // the workspace scope: every PubTator file's problems, "Check Workspace"
  registerFetchCommand, // "Fetch Documents…": documents from PubTator3's export API, as `pubtator fetch`
  registerCurate, // curating in the reading view: intents to edits, picker choices, carrying annotations through text edits
];
