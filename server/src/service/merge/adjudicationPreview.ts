// The reading view while adjudicating with another annotator's file: each
// document shown carries, beside its own rows, the other file's rows of every
// disagreement in it, so both versions are visible on the text, colour-coded
// by annotator (the preview's `side`, as for a git conflict). Built on the
// preview model: the document is previewed with the other's rows appended
// (parsed as rows of the same document), then those rows point back at the
// line where the disagreement is in this file.

import { parsePubtator } from '../parse/parseFile';
import type { ParsedFile } from '../parse/model';
import { previewDocument, type PreviewOptions } from '../features/preview/previewDocument';
import type { PreviewDocument, PreviewWindow } from '../features/preview/model';
import { disagreements, type Disagreement } from './adjudication';

/** The window with the other file's version of each row disagreement drawn beside ours. */
export function withTheirRows(window: PreviewWindow, file: ParsedFile, currentText: string, otherText: string, options: PreviewOptions = {}): PreviewWindow {
  const list = disagreements(currentText, otherText).filter((d) => d.kind === 'mention' || d.kind === 'relation');
  if (!list.length) return window;
  const lines = currentText.split('\n');
  const documents = window.documents.map((model) => {
    const doc = file.documents[model.index];
    if (!doc) return model;
    const here = list.filter((d) => d.line >= doc.startLine && d.line <= doc.endLine + 1 && (d.ours.length || d.after <= doc.endLine));
    return here.length ? alongside(model, lines.slice(doc.startLine, doc.endLine + 1), doc.startLine, doc.endLine, here, options) : model;
  });
  return { ...window, documents };
}

function alongside(model: PreviewDocument, docLines: string[], startLine: number, endLine: number, here: Disagreement[], options: PreviewOptions): PreviewDocument {
  // Their rows after ours, each remembering the line of its disagreement in this file.
  const anchorOf: number[] = [];
  const theirs: string[] = [];
  for (const d of here) for (const row of d.theirs) {
    theirs.push(row);
    anchorOf.push(d.line);
  }
  const oursLines = new Set(here.flatMap((d) => d.ours.map((o) => o.line)));
  const virtual = parsePubtator([...docLines.map((l) => l.replace(/\r$/, '')), ...theirs].join('\n'), { firstLine: startLine });
  const vdoc = virtual.documents[0];
  if (!vdoc || virtual.documents.length !== 1 || vdoc.startLine !== startLine) return model; // their rows did not stay in the document
  const shown = previewDocument(virtual, vdoc, model.index, { ...options, problems: undefined });
  const theirLine = (line: number) => anchorOf[line - endLine - 1];
  for (const m of shown.mentions) {
    if (m.line > endLine) {
      m.side = 'theirs';
      m.line = theirLine(m.line) ?? m.line;
    } else if (oursLines.has(m.line)) m.side = 'ours';
  }
  for (const r of shown.relations) if (r.line > endLine) r.line = theirLine(r.line) ?? r.line;
  // This file's problems stay as they are: their rows are shown, not checked.
  return {
    ...shown,
    endLine: model.endLine,
    problems: model.problems,
    counts: { ...shown.counts, problems: model.counts.problems, errors: model.counts.errors, warnings: model.counts.warnings, wrongSpans: model.counts.wrongSpans },
    ...(model.conflicts ? { conflicts: model.conflicts } : {}),
    theirRows: theirs.length,
  };
}
