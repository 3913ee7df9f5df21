// The preview of the document at a line, and of a few documents around it:
// never the whole file, so a 50 MB file previews as fast as a small one. Also
// what the cursor is on, so the view can scroll to it.

import type { ParsedFile, PubtatorDocument } from '../../parse/model';
import { firstEndingAtOrAfter } from '../../parse/documentSearch';
import { rowAt } from '../locate';
import { previewDocument, type PreviewOptions } from './previewDocument';
import type { PreviewDocument, PreviewFocus, PreviewRequest, PreviewWindow } from './model';

const MAX_AROUND = 5;

/** Index of the document at `line`; between documents, the one just above (the first before any). */
export function documentIndexAt(file: ParsedFile, line: number): number {
  const docs = file.documents;
  if (docs.length === 0) return -1;
  const i = firstEndingAtOrAfter(docs, line);
  if (i >= docs.length) return docs.length - 1;
  return docs[i].startLine <= line || i === 0 ? i : i - 1;
}

export function previewWindow(file: ParsedFile, request: PreviewRequest, options: PreviewOptions = {}): PreviewWindow {
  const line = Number.isSafeInteger(request.line) ? request.line : 0;
  const current = documentIndexAt(file, line);
  if (current < 0) return { total: 0, current: -1, documents: [] };
  const around = Math.max(0, Math.min(MAX_AROUND, Number.isSafeInteger(request.around) ? request.around! : 1));
  const first = Math.max(0, current - around);
  const last = Math.min(file.documents.length - 1, current + around);
  const documents: PreviewDocument[] = [];
  for (let i = first; i <= last; i++) documents.push(previewDocument(file, file.documents[i], i, options));
  const model = documents[current - first];
  const focus = focusAt(file.documents[current], model, line, request.character);
  return { total: file.documents.length, current: current - first, documents, ...(focus ? { focus } : {}) };
}

/** The mention, relation or passage under the cursor. */
function focusAt(doc: PubtatorDocument, model: PreviewDocument, line: number, character: number | undefined): PreviewFocus | undefined {
  if (line < doc.startLine || line > doc.endLine) return undefined;
  const row = rowAt(doc, line);
  if (!row) return undefined;
  if (row.kind === 'mention') {
    const index = model.mentions.findIndex((m) => m.line === line);
    return index >= 0 ? { kind: 'mention', index } : undefined;
  }
  if (row.kind === 'relation') {
    const index = model.relations.findIndex((r) => r.line === line);
    return index >= 0 ? { kind: 'relation', index } : undefined;
  }
  if (row.kind !== 'passage') return undefined;
  const k = model.passages.findIndex((p) => p.line === line);
  if (k < 0) return undefined;
  const passage = model.passages[k];
  if (character !== undefined && Number.isSafeInteger(character)) {
    const within = character - passage.textStart;
    // The segment under the cursor, or the one just before it (the cursor just past a word).
    const seg = passage.segments.find((s) => within >= s.from && within < s.from + s.text.length && s.stack.length > 0)
      ?? passage.segments.find((s) => within === s.from + s.text.length && s.stack.length > 0);
    if (seg) return { kind: 'mention', index: seg.stack[seg.stack.length - 1] };
  }
  return { kind: 'passage', index: k };
}
