// One line of a PubTator file into a passage, a mention row, a relation row or
// a malformed line, with every field's character range.

import { parseConceptId, type ConceptRef } from './conceptIds';
import { conflictMarker } from './conflictMarkers';
import type { Field, MalformedLine, MentionRow, PassageLine, RelationRow } from './model';
import { looksSpaced, spacedMentionFields, tabbedLine } from './spacedRow';

// A passage line: an id without TAB or `|`, a marker of letters, then the text.
// Ids are not always digits (BC8_BioRED_Task1_Doc500) and markers are not
// always t/a (title, abstract, body in tmVar full-text output).
export const PASSAGE = /([^\t|\n]+)\|([A-Za-z]+)\|/y;
export const TITLE_MARKERS = new Set(['t', 'title']);
export const ABSTRACT_MARKERS = new Set(['a', 'abstract']);
const INTEGER = /^\d+$/;
const NUMBERISH = /^\s*[-+]?\d/;

/** A mention row; its concept id is parsed only when something asks for it. */
class Mention implements MentionRow {
  readonly kind = 'mention';
  readonly pmid: Field;
  readonly startField: Field;
  readonly endField: Field;
  readonly textField: Field;
  readonly typeField: Field;
  readonly idField: Field | undefined;
  readonly extra: Field[];
  readonly start: number | undefined;
  readonly end: number | undefined;
  private ref: ConceptRef | undefined;

  constructor(readonly line: number, fields: Field[]) {
    this.pmid = fields[0];
    this.startField = fields[1];
    this.endField = fields[2];
    this.textField = fields[3];
    this.typeField = fields[4];
    this.idField = fields.length >= 6 ? fields[5] : undefined;
    this.extra = fields.length > 6 ? fields.slice(6) : NO_FIELDS;
    this.start = offset(fields[1].text);
    this.end = offset(fields[2].text);
  }

  get concept(): ConceptRef {
    return (this.ref ??= parseConceptId(this.idField ? this.idField.text : ''));
  }
}

function field(text: string, start: number): Field {
  return { text, start, end: start + text.length };
}

/** Splits a line on TAB, keeping each field's character range. */
export function splitFields(line: string, base: number): Field[] {
  return splitFieldsIn(line, 0, line.length, base);
}

/** Where each field of the line being split ends (a TAB or the line's end), reused from line to line. */
let ends = new Int32Array(64);

/**
 * Where the first TAB at or after `from` lies in a source (-1: none), kept
 * from line to line of one document: a stretch without TABs (lines of one
 * field) is searched once, not once for each of its lines.
 */
export interface TabCursor {
  from: number;
  next: number;
}

/** A cursor that knows nothing yet. */
export function tabCursor(): TabCursor {
  return { from: Number.MAX_SAFE_INTEGER, next: -1 };
}

function nextTab(source: string, at: number, cursor: TabCursor | undefined): number {
  if (cursor && at >= cursor.from && (cursor.next < 0 || at <= cursor.next)) return cursor.next;
  const found = source.indexOf('\t', at);
  if (cursor) {
    cursor.from = at;
    cursor.next = found;
  }
  return found;
}

/**
 * The fields of `source` from `from` to `to` (one line, without its end),
 * whose first character is character `base` of its line: splitFields without
 * a string for the line (a 50 MB file has half a million rows). In a source
 * of many lines, pass a cursor: the search for a line's last TAB runs on past
 * its end.
 */
export function splitFieldsIn(source: string, from: number, to: number, base: number, cursor?: TabCursor): Field[] {
  if (to < from) to = from;
  let n = 0;
  for (let at = from; ;) {
    let tab = nextTab(source, at, cursor);
    if (tab < 0 || tab > to) tab = to;
    if (n === ends.length) {
      const grown = new Int32Array(n * 2);
      grown.set(ends);
      ends = grown;
    }
    ends[n++] = tab;
    if (tab === to) break;
    at = tab + 1;
  }
  const origin = from - base;
  // The usual row sizes as literals: an array of its exact length, and of the one kind every row's array has.
  switch (n) {
    case 4: return [fieldAt(source, 0, from, origin), fieldAt(source, 1, from, origin), fieldAt(source, 2, from, origin), fieldAt(source, 3, from, origin)];
    case 5: return [fieldAt(source, 0, from, origin), fieldAt(source, 1, from, origin), fieldAt(source, 2, from, origin), fieldAt(source, 3, from, origin),
      fieldAt(source, 4, from, origin)];
    case 6: return [fieldAt(source, 0, from, origin), fieldAt(source, 1, from, origin), fieldAt(source, 2, from, origin), fieldAt(source, 3, from, origin),
      fieldAt(source, 4, from, origin), fieldAt(source, 5, from, origin)];
  }
  const fields: Field[] = [];
  for (let k = 0; k < n; k++) fields.push(fieldAt(source, k, from, origin));
  return fields;
}

/** Field `k` of the line split last (from the recorded `ends`); `from`: where the line starts in `source`, `origin`: where its character 0 is. */
function fieldAt(source: string, k: number, from: number, origin: number): Field {
  const start = k === 0 ? from : ends[k - 1] + 1;
  const end = ends[k];
  return { text: source.slice(start, end), start: start - origin, end: end - origin };
}

/** The passage a line holds, or undefined when it is not `ID|marker|text`. */
export function parsePassage(line: string, lineNo: number, base: number): PassageLine | undefined {
  PASSAGE.lastIndex = 0;
  const m = PASSAGE.exec(line);
  if (!m) return undefined;
  const id = m[1];
  const marker = m[2];
  const markerStart = id.length + 1;
  const textStart = markerStart + marker.length + 1;
  return {
    kind: 'passage',
    line: lineNo,
    docId: field(id, base),
    marker: field(marker, base + markerStart),
    text: field(line.slice(textStart), base + textStart),
  };
}

/** Cheap test before the passage regex: a `|` must come before any TAB. */
export function mayBePassage(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 124) return true;
    if (c === 9) return false;
  }
  return false;
}

export function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

/**
 * Whether a row of `columns` TAB fields is a mention (else a relation), from
 * its second and third fields. Relations have 4 or 5 columns; 6 or more with
 * a number third is a mention whose start is garbled.
 */
export function looksLikeMention(second: string, third: string, columns: number): boolean {
  return NUMBERISH.test(second) || (columns >= 6 && NUMBERISH.test(third));
}

export function classifyRow(fields: Field[], line: number): MentionRow | RelationRow | MalformedLine {
  const n = fields.length;
  const c = fields[0].text.charCodeAt(0);
  if (c === 60 || c === 61 || c === 62 || c === 124) {
    const conflict = conflictMarker(fields.map((f) => f.text).join('\t'));
    if (conflict) return { kind: 'malformed', line, fields, reason: 'is a git conflict marker', conflict };
  }
  if (n < 3) {
    if (n === 1 && looksSpaced(fields[0].text)) {
      const spaced = spacedMentionFields(fields[0].text);
      const reason = 'looks like a mention row with spaces instead of TABs between its columns';
      if (spaced) return { kind: 'malformed', line, fields, reason, tabbed: tabbedLine(spaced) };
      return { kind: 'malformed', line, fields, reason: `${reason} (its offsets do not say where its text ends, so there is no quick fix)` };
    }
    const reason = n === 1
      ? 'is neither a passage line (ID|t|text) nor a TAB-separated row'
      : 'has 2 columns; a mention row needs at least 5 and a relation row 4';
    return { kind: 'malformed', line, fields, reason };
  }
  if (looksLikeMention(fields[1].text, fields[2].text, n)) {
    if (n < 5) {
      const reason = n === 3
        ? 'has only an id and two offsets; a mention row also needs the text and the entity type'
        : 'has 4 columns; a mention row needs ID, start, end, text and type (and usually a concept id)';
      return { kind: 'malformed', line, fields, reason };
    }
    return new Mention(line, fields);
  }
  if (n === 3) {
    return { kind: 'malformed', line, fields, reason: 'has 3 columns; a relation row needs ID, type and two concept ids' };
  }
  return {
    kind: 'relation',
    line,
    pmid: fields[0],
    typeField: fields[1],
    idFields: [fields[2], fields[3]],
    concepts: [parseConceptId(fields[2].text), parseConceptId(fields[3].text)],
    extra: n > 4 ? fields.slice(4) : NO_FIELDS,
  };
}

// Shared by rows without extra columns; frozen so no caller can grow it.
const NO_FIELDS = Object.freeze([]) as unknown as Field[];

/** A non-negative integer offset, or undefined for anything else. */
function offset(text: string): number | undefined {
  const length = text.length;
  if (length === 0 || length > 15) return length > 15 && INTEGER.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
  let n = 0;
  for (let i = 0; i < length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n;
}
