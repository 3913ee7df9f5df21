// Hover on a word of the title or abstract: which mention rows cover it. A
// row counts when its offsets cover the character under the cursor (or, with
// the cursor just past a word, the character before it), whatever its text
// column says; rows whose offsets cover other text than they claim say so.

import { analyseDocument, type MentionSpanCheck } from '../analysis/analyseDocument';
import { rangesOfSpan } from '../parse/documentText';
import type { PassageLine, PubtatorDocument } from '../parse/model';
import type { OffsetUnit, Range } from '../types';
import { codeSpan, escapeMarkdown, plural } from './markdown';
import type { Hover } from './types';

/** Rows listed in one hover; the rest are counted. */
const MAX_ROWS = 12;

/** Mention spans covering UTF-16 index `index` of the document text, innermost first. */
function covering(checks: MentionSpanCheck[], index: number): MentionSpanCheck[] {
  const found = checks.filter((c) => c.span && c.span.start <= index && index < c.span.end);
  return found.sort((a, b) => (a.span!.end - a.span!.start) - (b.span!.end - b.span!.start));
}

function describeRow(c: MentionSpanCheck): string {
  const m = c.mention;
  const type = m.typeField && m.typeField.text.trim() !== '' ? escapeMarkdown(m.typeField.text.trim()) : '*(no type)*';
  const id = m.concept.raw.trim();
  const parts = [`line ${m.line + 1}`, type, id === '' ? '*(no id)*' : codeSpan(id), codeSpan(m.textField.text)];
  let line = `- ${parts.join(' · ')}`;
  if (c.status === 'mismatch' || c.status === 'boundary') line += ` (its offsets cover ${codeSpan(c.span!.covered)}, not its text)`;
  return line;
}

/** The hover for a position on a passage's text, or undefined when no mention covers it. */
export function passageTextHover(doc: PubtatorDocument, passage: PassageLine, character: number, unit: OffsetUnit): Hover | undefined {
  const k = doc.passages.indexOf(passage);
  if (k < 0) return undefined;
  const within = character - passage.text.start;
  if (within < 0 || within > passage.text.text.length) return undefined;
  const index = doc.passageStarts[k] + within;
  const checks = analyseDocument(doc, unit).spans;
  let found = within < passage.text.text.length ? covering(checks, index) : [];
  // The cursor just past the last letter of a word still names that word.
  if (found.length === 0 && within > 0) found = covering(checks, index - 1);
  if (found.length === 0) return undefined;
  const inner = found[0].span!;
  const range: Range | undefined = rangesOfSpan(doc, inner.start, inner.end).find((r) => r.start.line === passage.line);
  const head = found.length === 1 ? 'Covered by 1 mention row' : `Covered by ${plural(found.length, 'mention row')}, innermost first`;
  const rows = found.slice(0, MAX_ROWS).map(describeRow);
  if (found.length > MAX_ROWS) rows.push(`- … and ${found.length - MAX_ROWS} more`);
  return { contents: `**${head}**\n\n${rows.join('\n')}`, range };
}
