// LSP wiring of the reading view: `pubtator/preview` answers the model of the
// document at a position and of a few around it (never the whole file), and
// `pubtator/previewExport` that document as a self-contained HTML page or SVG
// picture. The service computes both; this file finds the document, its
// settings and its problems, and turns any failure into a log line and null.

import { biocPreview, projectedAt } from '../service/bioc/biocPreview';
import type { PreviewExport, PreviewExportFormat, PreviewWindow } from '../service/languageService';
import type { ChunkedTextDocument } from './chunkedTextDocument';
import { withTheirRows } from '../service/merge/adjudicationPreview';
import { adjudicatedWith } from './adjudicate';
import { describe, runSafe } from './runSafe';
import type { ServerContext } from './serverContext';
import type { ServerSettings } from './settings';

export const PREVIEW_REQUEST = 'pubtator/preview';
export const PREVIEW_EXPORT_REQUEST = 'pubtator/previewExport';

export interface PreviewParams {
  textDocument: { uri: string };
  /** Where the cursor is; the document at this line is the current one. */
  position: { line: number; character: number };
  /** Documents on each side of the current one (default 1, at most 5). */
  around?: number;
}

/** The window, stamped with the text version it was computed on. */
export type PreviewResult = PreviewWindow & { uri: string; version: number };

export interface PreviewExportParams {
  textDocument: { uri: string };
  line: number;
  format: PreviewExportFormat;
}

function isPosition(p: unknown): p is { line: number; character: number } {
  const q = p as { line?: unknown; character?: unknown } | undefined;
  return typeof q === 'object' && q !== null && Number.isSafeInteger(q.line) && Number.isSafeInteger(q.character);
}

function uriOf(params: unknown): string | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

export function registerPreview(ctx: ServerContext): void {
  const { connection, documents, service, log } = ctx;
  const host = {
    fileOf: ctx.fileOf,
    settingsFor: ctx.settingsFor,
    conceptsFor: ctx.conceptSources,
    // Problems as published once the file was checked; before that each document is checked on its own.
    problemsOf: (doc: ChunkedTextDocument, s: ServerSettings) => (ctx.checkedOnce(doc.uri) ? ctx.diagnosticsOf(doc, s) : undefined),
  };

  async function withDocument<T>(uri: string | undefined, what: string, run: (doc: ChunkedTextDocument, s: ServerSettings) => T): Promise<T | null> {
    try {
      if (uri === undefined || !documents.get(uri)) return null;
      const settings = await host.settingsFor(uri);
      const doc = documents.get(uri);
      return doc ? runSafe<T | null>(log, `${what} of ${uri}`, null, () => run(doc, settings)) : null;
    } catch (e) {
      log.error(`${what} failed: ${describe(e)}`);
      return null;
    }
  }

  connection.onRequest(PREVIEW_REQUEST, (params: PreviewParams) => withDocument(uriOf(params), 'Preview', (doc, s): PreviewResult | null => {
    if (!isPosition(params.position)) return null;
    const around = Number.isSafeInteger(params.around) ? params.around : undefined;
    if (ctx.biocViews?.isBioc(doc)) {
      // A BioC file previews its projection, with positions back on its elements (biocPreview.ts).
      const view = ctx.biocViews.get(doc, ctx.validationOptions(s));
      const window = biocPreview(view, { position: params.position, around }, { severities: s.severities, concepts: host.conceptsFor(s) });
      return { ...window, uri: doc.uri, version: doc.version };
    }
    const file = host.fileOf(doc);
    const options = { unit: s.unit, severities: s.severities, concepts: host.conceptsFor(s), problems: host.problemsOf(doc, s) };
    let window = service.preview(file, { line: params.position.line, character: params.position.character, around }, options);
    // While adjudicating with another file, its version of each disagreement is drawn beside ours.
    const other = adjudicatedWith(ctx, doc.uri);
    if (other !== undefined) window = withTheirRows(window, file, doc.getText(), other, options);
    return { ...window, uri: doc.uri, version: doc.version };
  }));

  connection.onRequest(PREVIEW_EXPORT_REQUEST, (params: PreviewExportParams) => withDocument(uriOf(params), 'Preview export', (doc, s): PreviewExport | null => {
    if (!Number.isSafeInteger(params.line) || (params.format !== 'html' && params.format !== 'svg')) return null;
    if (ctx.biocViews?.isBioc(doc)) {
      const view = ctx.biocViews.get(doc, ctx.validationOptions(s));
      const line = projectedAt(view, { line: params.line, character: 0 }).line;
      return service.previewExport(view.file, line, params.format, { unit: 'codepoint', severities: s.severities, concepts: host.conceptsFor(s) }) ?? null;
    }
    return service.previewExport(host.fileOf(doc), params.line, params.format, {
      unit: s.unit, severities: s.severities, concepts: host.conceptsFor(s), problems: host.problemsOf(doc, s),
    }) ?? null;
  }));
}
