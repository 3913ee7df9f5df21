// The reading view's entry points: the model of the document at a line (and
// a few around it), and that document exported as HTML or SVG.

import type { ParsedFile } from '../../parse/model';
import { previewHtml } from './exportHtml';
import { previewSvg } from './exportSvg';
import { previewDocument, type PreviewOptions } from './previewDocument';
import { documentIndexAt, previewWindow } from './previewWindow';
import type { PreviewRequest, PreviewWindow } from './model';

export type * from './model';
export type { PreviewOptions } from './previewDocument';
export { previewWindow } from './previewWindow';

export type PreviewExportFormat = 'html' | 'svg';

export interface PreviewExport {
  /** The document's id, for a file name. */
  id: string;
  format: PreviewExportFormat;
  content: string;
}

export function preview(file: ParsedFile, request: PreviewRequest, options?: PreviewOptions): PreviewWindow {
  return previewWindow(file, request, options);
}

/** The document at `line` as a self-contained HTML page or SVG picture; undefined when the file has no document. */
export function previewExport(file: ParsedFile, line: number, format: PreviewExportFormat, options?: PreviewOptions): PreviewExport | undefined {
  const index = documentIndexAt(file, Number.isSafeInteger(line) ? line : 0);
  if (index < 0) return undefined;
  const doc = previewDocument(file, file.documents[index], index, options);
  return { id: doc.id, format, content: format === 'svg' ? previewSvg(doc) : previewHtml(doc) };
}
