// Adjudicating two annotators' versions in the editor: the current file is
// the result being made, the other file the second annotator's. Every slot
// (a span, or a pair of relation ids) where their annotations differ is a
// disagreement, overlapping spans being one (a boundary drawn differently); deciding one is an ordinary edit of the current file:
// ours (nothing changes), theirs (our rows in the slot replaced by theirs),
// both (theirs added after ours), neither (ours deleted). A git conflict
// (markers around whole rows) is listed the same way, its two sides being
// ours and theirs. A document only one file has is one disagreement too:
// ours keeps the file as it is (the document present, or absent), theirs
// makes it as the other file has it (the document added, or removed).

import type { TextEdit } from '../edits/textEdit';
import { conflictMarker } from '../parse/conflictMarkers';
import { parsePubtator } from '../parse/parseFile';
import { docEntries, stripCr, type DocEntry } from './docEntries';
import { learnStyle, restyleRow } from './rowStyle';

export type Choice = 'ours' | 'theirs' | 'both' | 'neither';

export interface Disagreement {
  /** Stable while the slot exists: the document key and the slot (or the conflict's first line). */
  id: string;
  document: string;
  kind: 'mention' | 'relation' | 'conflict' | 'document';
  /** Rows of the current file the other lacks, in this slot (for a conflict: the rows of its first side). */
  ours: { line: number; text: string }[];
  /** Rows of the other file the current one lacks, as written (for a conflict: its second side). */
  theirs: string[];
  /** Where it shows in the current file: its first row, else the line theirs would follow. */
  line: number;
  /** For `theirs` with no row of ours: insert after this line (-1: before `line`). */
  after: number;
  /** A conflict's marker lines (removed by any decision). */
  markers?: number[];
}

/** `otherText` undefined: no other file (a file a git merge left conflicted): its conflicts only. */
export function disagreements(currentText: string, otherText: string | undefined): Disagreement[] {
  const lines = currentText.split('\n');
  const out = conflictsOf(lines);
  if (out.length || otherText === undefined) return out; // a conflicted file: its conflicts are what is left to decide
  const parsed = parsePubtator(currentText);
  const current = docEntries(parsed, lines);
  // Their rows are offered as this file writes rows (id prefixes, columns: rowStyle.ts).
  const style = learnStyle(parsed);
  const otherLines = otherText.split('\n').map((l) => restyleRow(stripCr(l), style));
  const otherDocs = docEntries(parsePubtator(otherText), otherLines);
  const other = new Map(otherDocs.map((d) => [d.key, d]));
  for (const od of current) {
    const td = other.get(od.key);
    if (td) out.push(...documentDisagreements(od, td, lines, otherLines));
    else out.push(oursOnly(od, lines));
  }
  out.push(...theirsOnly(current, otherDocs, otherLines));
  return out.sort((a, b) => a.line - b.line);
}

/** A document the other file lacks: all its lines are ours. */
function oursOnly(od: DocEntry, lines: string[]): Disagreement {
  const ours: { line: number; text: string }[] = [];
  for (let l = od.startLine; l <= od.endLine; l++) ours.push({ line: l, text: stripCr(lines[l]) });
  return { id: `document\u0001ours\u0001${od.key}`, document: od.id, kind: 'document', ours, theirs: [], line: od.startLine, after: od.endLine };
}

/** Documents only the other file has, each placed after the document before it there that we have too (else first). */
function theirsOnly(current: DocEntry[], otherDocs: DocEntry[], otherLines: string[]): Disagreement[] {
  const ours = new Map(current.map((d) => [d.key, d]));
  const out: Disagreement[] = [];
  let after = -1;
  for (const td of otherDocs) {
    const mine = ours.get(td.key);
    if (mine) {
      after = mine.endLine;
      continue;
    }
    const theirs: string[] = [];
    for (let l = td.startLine; l <= td.endLine; l++) theirs.push(stripCr(otherLines[l]));
    const line = after >= 0 ? after + 1 : current[0]?.startLine ?? 0;
    out.push({ id: `document\u0001theirs\u0001${td.key}`, document: td.id, kind: 'document', ours: [], theirs, line, after });
  }
  return out;
}

function documentDisagreements(od: DocEntry, td: DocEntry, lines: string[], otherLines: string[]): Disagreement[] {
  const inT = new Set(td.rows.map((r) => r.identity));
  const inO = new Map(od.rows.map((r) => [r.identity, r]));
  const slots = new Map<string, Disagreement>();
  const slot = (s: string, kind: 'mention' | 'relation') => slots.get(s) ?? slots.set(s, {
    id: `${od.key}\u0001${s}`, document: od.id, kind, ours: [], theirs: [], line: -1, after: -1,
  }).get(s)!;
  for (const r of od.rows) if (!inT.has(r.identity)) slot(r.slot, r.kind).ours.push({ line: r.line, text: stripCr(lines[r.line]) });
  // Theirs alone in a slot: placed after the row before it in theirs that we have too, else after our passages.
  const lastHeader = od.headerLines.at(-1) ?? od.startLine - 1;
  let anchor = lastHeader;
  for (const r of td.rows) {
    const mine = inO.get(r.identity);
    if (mine) {
      anchor = mine.line;
      continue;
    }
    const d = slot(r.slot, r.kind);
    d.theirs.push(stripCr(otherLines[r.line]));
    if (d.after < 0) d.after = anchor;
    if (d.ours.length) anchor = d.ours.at(-1)!.line;
  }
  const out = joinOverlapping(slots);
  for (const d of out) {
    d.line = d.ours[0]?.line ?? d.after + 1;
    if (d.ours.length) d.after = d.ours.at(-1)!.line;
  }
  return out;
}

/**
 * Mention slots whose spans overlap are one disagreement (a boundary drawn
 * differently: ours 18-34, theirs 26-34), decided at once; relation slots stay
 * as they are.
 */
function joinOverlapping(slots: Map<string, Disagreement>): Disagreement[] {
  const spans: { start: number; end: number; d: Disagreement }[] = [];
  const out: Disagreement[] = [];
  for (const [slot, d] of slots) {
    const [kind, start, end] = slot.split('\t');
    if (kind === 'M' && /^\d+$/.test(start) && /^\d+$/.test(end)) spans.push({ start: Number(start), end: Number(end), d });
    else out.push(d);
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  let open: { end: number; d: Disagreement } | undefined;
  for (const s of spans) {
    if (open && s.start < open.end) {
      const d = open.d;
      d.id += `+${s.d.id.slice(s.d.id.indexOf('\u0001') + 1)}`;
      d.ours.push(...s.d.ours);
      d.ours.sort((a, b) => a.line - b.line);
      d.theirs.push(...s.d.theirs);
      if (d.after < 0 || (s.d.after >= 0 && s.d.after < d.after)) d.after = s.d.after;
      open.end = Math.max(open.end, s.end);
      continue;
    }
    open = { end: s.end, d: s.d };
    out.push(s.d);
  }
  return out;
}

/** Git conflicts left in the text: `<<<<<<<` ours `|||||||` base `=======` theirs `>>>>>>>`. */
function conflictsOf(lines: string[]): Disagreement[] {
  const out: Disagreement[] = [];
  let open: Disagreement | undefined;
  let part: 'ours' | 'base' | 'theirs' = 'ours';
  lines.forEach((raw, i) => {
    const marker = conflictMarker(raw);
    if (marker === '<') {
      open = { id: `conflict\u0001${i}`, document: '', kind: 'conflict', ours: [], theirs: [], line: i, after: i, markers: [i] };
      part = 'ours';
    } else if (!open) return;
    else if (marker === '|') { part = 'base'; open.markers!.push(i); }
    else if (marker === '=') { part = 'theirs'; open.markers!.push(i); }
    else if (marker === '>') {
      open.markers!.push(i);
      open.document = documentOf([...open.ours.map((o) => o.text), ...open.theirs]);
      out.push(open);
      open = undefined;
    } else if (part === 'ours') open.ours.push({ line: i, text: stripCr(raw) });
    else if (part === 'theirs') open.theirs.push(stripCr(raw));
    else open.markers!.push(i); // the base's lines go with the markers
  });
  return out;
}

function documentOf(rows: string[]): string {
  for (const r of rows) {
    const id = /^([^\t|]+)[\t|]/.exec(r)?.[1];
    if (id) return id;
  }
  return '';
}

/** The edits that settle one disagreement in the current file's text. */
export function decisionEdits(currentText: string, d: Disagreement, choice: Choice): TextEdit[] {
  const lines = currentText.split('\n');
  const eol = lines[0]?.endsWith('\r') ? '\r\n' : '\n';
  const edits: TextEdit[] = [];
  const deleteLine = (l: number) => edits.push({ range: { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }, newText: '' });
  const keepOurs = choice === 'ours' || choice === 'both';
  const takeTheirs = choice === 'theirs' || choice === 'both';
  if (d.kind === 'conflict') {
    // Both sides are in the text already: remove the markers (and a diff3 base) and the side not taken.
    for (const l of d.markers!) deleteLine(l);
    if (!keepOurs) for (const o of d.ours) deleteLine(o.line);
    if (!takeTheirs) theirsLines(lines, d).forEach(deleteLine);
    return sortEdits(edits);
  }
  if (d.kind === 'document') return sortEdits(documentEdits(lines, d, keepOurs, takeTheirs, eol));
  if (!keepOurs) for (const o of d.ours) deleteLine(o.line);
  if (takeTheirs && d.theirs.length) {
    const text = d.theirs.map((t) => t + eol).join('');
    // After the last row of ours in the slot (theirs replaces it in place), else after the anchor.
    const after = d.ours.length ? d.ours.at(-1)!.line : d.after;
    if (after + 1 < lines.length) edits.push({ range: { start: { line: after + 1, character: 0 }, end: { line: after + 1, character: 0 } }, newText: text });
    else edits.push({ range: { start: { line: after, character: lines[after].length }, end: { line: after, character: lines[after].length } }, newText: eol + text.slice(0, -eol.length) });
  }
  return sortEdits(edits);
}

/** A whole document removed (with one blank line that separated it) or added (as its own blank-separated block). */
function documentEdits(lines: string[], d: Disagreement, keepOurs: boolean, takeTheirs: boolean, eol: string): TextEdit[] {
  const at = (line: number, character: number) => ({ line, character });
  if (d.ours.length && !keepOurs) {
    const first = d.ours[0].line;
    const last = d.ours.at(-1)!.line;
    const blank = (l: number) => l >= 0 && l < lines.length && stripCr(lines[l]).trim() === '';
    // Take the blank line after it (or, for the file's last document, the one before) so no double gap is left.
    if (blank(last + 1) && last + 2 < lines.length) return [{ range: { start: at(first, 0), end: at(last + 2, 0) }, newText: '' }];
    if (blank(first - 1) && first >= 2) return [{ range: { start: at(first - 2, lines[first - 2].length), end: at(last, lines[last].length) }, newText: '' }];
    return [{ range: { start: at(first, 0), end: last + 1 < lines.length ? at(last + 1, 0) : at(last, lines[last].length) }, newText: '' }];
  }
  if (!d.theirs.length || !takeTheirs) return [];
  const block = d.theirs.join(eol);
  if (d.after >= 0) return [{ range: { start: at(d.after, lines[d.after].length), end: at(d.after, lines[d.after].length) }, newText: eol + eol + block }];
  const empty = lines.every((l) => stripCr(l).trim() === '');
  return [{ range: { start: at(d.line, 0), end: at(d.line, 0) }, newText: block + eol + (empty ? '' : eol) }];
}

/** The lines of a conflict's second side in the text (between ======= and >>>>>>>). */
function theirsLines(lines: string[], d: Disagreement): number[] {
  const sep = d.markers!.find((m) => conflictMarker(lines[m]) === '=');
  const end = d.markers!.at(-1)!;
  const out: number[] = [];
  if (sep === undefined) return out;
  for (let l = sep + 1; l < end; l++) out.push(l);
  return out;
}

function sortEdits(edits: TextEdit[]): TextEdit[] {
  return edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
