// A conflict a git merge left in the file: one problem per conflict block, on
// its <<<<<<< line, saying how many rows each side holds (the marker lines are
// not rows: the parser keeps them as conflict markers, malformedLine.ts skips them).

import type { MalformedLine, PubtatorDocument } from '../parse/model';
import type { Check, CheckContext } from './check';
import { rowRange } from './ranges';

export const mergeConflict: Check = {
  code: 'merge-conflict',
  defaultSeverity: 'error',
  description: 'Unresolved git merge conflict (<<<<<<< ... ======= ... >>>>>>>): two versions of the same rows are left for a person to choose from.',
  file(file, ctx) {
    const rows = file.stray.filter((r) => !r.conflict).map((r) => r.line);
    reportBlocks(file.stray.filter((r) => r.conflict), rows, ctx);
  },
  document(doc, ctx) {
    // Nearly every document has no marker: then nothing is gathered (no array of its row lines).
    if (!doc.malformed.some((r) => r.conflict)) return;
    reportBlocks(doc.malformed.filter((r) => r.conflict), rowLines(doc), ctx);
  },
};

/** Lines of the document's rows (passages and annotations), marker lines excluded. */
function rowLines(doc: PubtatorDocument): number[] {
  const lines: number[] = [];
  for (const p of doc.passages) lines.push(p.line);
  for (const m of doc.mentions) lines.push(m.line);
  for (const r of doc.relations) lines.push(r.line);
  for (const m of doc.malformed) if (!m.conflict) lines.push(m.line);
  return lines;
}

/** One report per `<` marker; each side counted up to the next marker, when it lies in the same part. */
function reportBlocks(markers: MalformedLine[], rows: number[], ctx: CheckContext): void {
  const count = (from: number, to: number): number => rows.filter((l) => l > from && l < to).length;
  markers.forEach((open, i) => {
    if (open.conflict !== '<') return;
    const rest = markers.slice(i + 1);
    const close = rest.find((m) => m.conflict === '>' || m.conflict === '<');
    const sep = rest.find((m) => m.conflict === '=' && (close === undefined || m.line < close.line));
    const base = rest.find((m) => m.conflict === '|' && (sep === undefined || m.line < sep.line));
    const ours = sideName('ours', open);
    const theirs = sideName('theirs', close?.conflict === '>' ? close : undefined);
    const oursEnd = base ?? sep;
    const oursText = oursEnd ? rowsText(count(open.line, oursEnd.line)) : 'rows running past this document';
    const theirsText = sep && close?.conflict === '>' ? rowsText(count(sep.line, close.line)) : 'rows running past this document';
    ctx.report('merge-conflict', rowRange(open),
      `Unresolved merge conflict: ${ours} has ${oursText}, ${theirs} ${theirsText}. `
      + 'Keep the rows you want and delete the marker lines (or use "PubTator: Adjudicate with…").');
  });
}

function rowsText(n: number): string {
  return `${n} row${n === 1 ? '' : 's'}`;
}

/** "ours" or "theirs", with the label git wrote after the marker (a branch name) when there is one. */
function sideName(side: 'ours' | 'theirs', marker: MalformedLine | undefined): string {
  const label = marker?.fields.map((f) => f.text).join('\t').slice(7).trim();
  return label && label !== side ? `${side} (${label})` : side;
}
