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

/**
 * What a key of the view asks for. The keys are VS Code keybindings (curateKeys.ts): VS Code
 * receives the key from the focused view, runs the command, and the command sends the action here.
 */
export type KeyAction =
  | 'help' | 'next' | 'previous' | 'retype' | 'reidentify' | 'delete'
  | 'endRight' | 'endLeft' | 'startLeft' | 'startRight'
  | 'annotateAll' | 'annotateAllInFile' | 'relate' | 'confirm' | 'leave';

/** A line of the key help: the command's title and its default keys, as VS Code shows keys. */
export interface KeyHelp {
  keys: string;
  title: string;
}

export type ToWebview =
  | { type: 'show'; window: PreviewResult; fileName: string; reason: UpdateReason }
  | { type: 'message'; text: string }
  | { type: 'key'; action: KeyAction }
  /** The help overlay's lines (the `help` action), from the keybindings the extension contributes. */
  | { type: 'keys'; keys: KeyHelp[] };

/** A mention row as the view shows it (the columns as written): the server refuses it when the row changed. */
export interface ViewMention {
  line: number;
  offsets: string;
  text: string;
  type: string;
  id: string;
}

/**
 * What the user asked for in the view. The extension asks for what is missing (type, id,
 * relation type) with VS Code pickers, then the server for the edit, and applies it.
 */
export type ViewIntent =
  /** `line` is the passage's line, `from`/`to` UTF-16 inside its text, `text` what the view showed there. */
  | { kind: 'addSpan'; selection: { line: number; from: number; to: number; text: string; endLine?: number; exact?: boolean } }
  | { kind: 'retype' | 'reidentify' | 'delete'; mention: ViewMention }
  | { kind: 'resize'; mention: ViewMention; side: 'start' | 'end'; step?: 1 | -1; to?: number; exact?: boolean }
  | { kind: 'annotateAll'; mention: ViewMention; scope: 'document' | 'file' }
  | { kind: 'addRelation'; from: ViewMention; to: ViewMention }
  | { kind: 'deleteRelation'; relation: { line: number; type: string; ids: string[] } };

export type FromWebview =
  | { type: 'ready' }
  /** An edit asked for in the view, against the text version the view shows. */
  | { type: 'curate'; version: number; intent: ViewIntent }
  /** Select a range of the source file (a row, or a problem's position). */
  | { type: 'reveal'; line: number; start: number; end: number }
  | { type: 'export'; format: 'html' | 'svg' };

/** What the webview keeps across being hidden and shown (vscode.setState). */
export interface WebviewState {
  uri?: string;
  scrollY?: number;
  labels?: boolean;
}
