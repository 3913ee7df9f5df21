// Fixes for a mention whose offsets and text disagree. Each changes only the
// fields it must: the offsets when the row's text is trusted (re-anchor it to
// the nearest occurrence, set one offset from the text's length, swap a
// reversed pair), or the text column when the offsets are (replace it with
// what they cover). Nothing the user wrote elsewhere on the row is touched.

import type { MentionRow } from '../parse/model';
import { mentionSpan, toIndex } from '../parse/documentText';
import { rowAt } from '../features/locate';
import { countOccurrences, covers, distance, nearestOccurrence, shown, unitLength, type Fix, type FixBuilder, type FixContext } from './fix';
import { replaceField, type TextEdit } from './textEdit';

/** Farther than this, the nearest occurrence is another use of the words, not this mention misplaced. */
const NEAR = 64;

/** Edits that set a mention's offsets, touching only the fields whose value changes. */
function setOffsets(m: MentionRow, start: number, end: number): TextEdit[] {
  const edits: TextEdit[] = [];
  if (m.start !== start) edits.push(replaceField(m.line, m.startField, String(start)));
  if (m.end !== end) edits.push(replaceField(m.line, m.endField, String(end)));
  return edits;
}

function setEnd(ctx: FixContext, m: MentionRow): Fix | undefined {
  const text = m.textField.text;
  if (m.start === undefined) return undefined;
  const end = m.start + unitLength(text, ctx.unit);
  if (end === m.end || !covers(ctx.doc, m.start, end, text, ctx.unit)) return undefined;
  return { title: `Set the end offset to ${end} (start + length of ${shown(text)})`, edits: setOffsets(m, m.start, end), preferred: true };
}

function setStart(ctx: FixContext, m: MentionRow): Fix | undefined {
  const text = m.textField.text;
  if (m.end === undefined) return undefined;
  const start = m.end - unitLength(text, ctx.unit);
  if (start < 0 || start === m.start || !covers(ctx.doc, start, m.end, text, ctx.unit)) return undefined;
  return { title: `Set the start offset to ${start} (end − length of ${shown(text)})`, edits: setOffsets(m, start, m.end), preferred: true };
}

function swap(ctx: FixContext, m: MentionRow): Fix | undefined {
  if (m.start === undefined || m.end === undefined || m.start <= m.end) return undefined;
  const edits = [replaceField(m.line, m.startField, m.endField.text), replaceField(m.line, m.endField, m.startField.text)];
  return { title: `Swap the start and end offsets (${m.end}-${m.start})`, edits, preferred: covers(ctx.doc, m.end, m.start, m.textField.text, ctx.unit) };
}

function reanchor(ctx: FixContext, m: MentionRow, taken: Fix[]): Fix | undefined {
  const text = m.textField.text;
  let target = m.start ?? m.end;
  if (target === undefined) {
    // No offset to be near: only a text that occurs once has an obvious place.
    if (countOccurrences(ctx.doc, text) !== 1) return undefined;
    target = 0;
  }
  const found = nearestOccurrence(ctx.doc, text, target, ctx.unit);
  if (!found || (found.start === m.start && found.end === m.end)) return undefined;
  const edits = setOffsets(m, found.start, found.end);
  if (taken.some((f) => sameEdits(f.edits, edits))) return undefined;
  const shift = found.start - target;
  const where = m.start !== undefined && shift !== 0 ? ` (${distance(shift)})` : '';
  const near = Math.abs(shift) <= NEAR || countOccurrences(ctx.doc, text) === 1;
  return {
    title: `Move the mention to ${shown(text)} at ${found.start}-${found.end}${where}`,
    edits,
    preferred: near && !taken.some((f) => f.preferred),
  };
}

function replaceText(ctx: FixContext, m: MentionRow, preferred: boolean): Fix | undefined {
  const span = mentionSpan(ctx.doc, m, ctx.unit);
  if (!span || m.start === undefined || m.end === undefined || m.start >= m.end) return undefined;
  const covered = span.covered;
  // A TAB or line break in the covered text would split the row.
  if (covered === m.textField.text || covered.trim() === '' || /[\t\r\n]/.test(covered)) return undefined;
  return {
    title: `Replace the row's text with ${shown(covered)} (what ${m.start}-${m.end} covers)`,
    edits: [replaceField(m.line, m.textField, covered)],
    preferred,
  };
}

/** Moves the wrong end (or trims the white space) of a span the check found a boundary error in. */
function fixBoundary(ctx: FixContext, m: MentionRow, d: { data?: Record<string, unknown> }): Fix | undefined {
  const start = d.data?.start;
  const end = d.data?.end;
  const kind = d.data?.kind;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || (start as number) >= (end as number)) return undefined;
  const s = start as number;
  const e = end as number;
  if (coveredText(ctx, s, e).trim() === '') return undefined;
  const title = kind === 'space' ? `Trim the span to ${s}-${e} (${shown(coveredText(ctx, s, e))}, without the white space)`
    : kind === 'end' ? `Set the end offset to ${e} (start + length of ${shown(m.textField.text)})`
      : `Set the start offset to ${s} (end − length of ${shown(m.textField.text)})`;
  return { title, edits: setOffsets(m, s, e), preferred: true };
}

function coveredText(ctx: FixContext, start: number, end: number): string {
  const from = toIndex(ctx.doc, start, ctx.unit);
  const to = toIndex(ctx.doc, end, ctx.unit);
  return from === undefined || to === undefined ? '' : ctx.doc.text.slice(from, to);
}

function sameEdits(a: TextEdit[], b: TextEdit[]): boolean {
  return a.length === b.length && a.every((e, i) => e.newText === b[i].newText
    && e.range.start.line === b[i].range.start.line && e.range.start.character === b[i].range.start.character
    && e.range.end.character === b[i].range.end.character);
}

/** Fixes for the mention on the diagnostic's line, by code. */
export const spanFixes: FixBuilder = (ctx, d) => {
  const row = rowAt(ctx.doc, d.range.start.line);
  if (!row || row.kind !== 'mention') return [];
  const fixes: Fix[] = [];
  const add = (f: Fix | undefined) => {
    if (f && f.edits.length) fixes.push(f);
  };
  switch (d.code) {
    case 'text-mismatch':
      // Only case, dashes, spaces or Greek spelling differ: the row's text is the slip, not where the span is.
      if (d.data?.fold === true) add(replaceText(ctx, row, true));
      add(setEnd(ctx, row));
      add(setStart(ctx, row));
      add(reanchor(ctx, row, fixes));
      if (d.data?.fold !== true) add(replaceText(ctx, row, false));
      break;
    case 'span-boundary':
      add(fixBoundary(ctx, row, d));
      add(replaceText(ctx, row, false));
      break;
    case 'text-mismatch-minor':
      add(replaceText(ctx, row, true));
      break;
    case 'offset-out-of-range':
      add(setEnd(ctx, row));
      add(setStart(ctx, row));
      add(reanchor(ctx, row, fixes));
      break;
    case 'bad-offsets':
      add(swap(ctx, row));
      add(setEnd(ctx, row));
      add(setStart(ctx, row));
      add(reanchor(ctx, row, fixes));
      break;
  }
  // One preferred fix at most, listed first.
  let preferredSeen = false;
  for (const f of fixes) {
    if (f.preferred && preferredSeen) f.preferred = false;
    if (f.preferred) preferredSeen = true;
  }
  return fixes.sort((a, b) => Number(b.preferred) - Number(a.preferred));
};
