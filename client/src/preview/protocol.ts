// Messages between the extension and the preview webview, and the model the
// server sends (types only: the webview script and the extension both read
// this file, and neither needs the other's runtime).

import type { PreviewWindow } from '../../../server/src/service/features/preview/model';

export type {
  GraphEdge, GraphNode, PreviewConceptRef, PreviewDocument, PreviewFocus, PreviewMention, PreviewPassage, PreviewProblem,
  PreviewRelation, PreviewSegment, PreviewWindow, RelationGraph,
} from '../../../server/src/service/features/preview/model';

/** What `pubtator/preview` answers (server/src/lsp/preview.ts). */
export type PreviewResult = PreviewWindow & { uri: string; version: number };

/** Why the view is updated: an edit keeps the scroll position, a cursor move scrolls to what it is on. */
export type UpdateReason = 'open' | 'cursor' | 'edit';

export type ToWebview =
  | { type: 'show'; window: PreviewResult; fileName: string; reason: UpdateReason }
  | { type: 'message'; text: string };

export type FromWebview =
  | { type: 'ready' }
  /** Select a range of the source file (a row, or a problem's position). */
  | { type: 'reveal'; line: number; start: number; end: number }
  | { type: 'export'; format: 'html' | 'svg' };

/** What the webview keeps across being hidden and shown (vscode.setState). */
export interface WebviewState {
  uri?: string;
  scrollY?: number;
  labels?: boolean;
}
