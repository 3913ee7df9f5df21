// Inlay hints on the lines asked for (the visible part of the editor):
// - after each concept id of a relation row, the name the document gives the
//   concept (the most frequent text of the mentions carrying it); nothing
//   after an id no mention carries, which the checker reports;
// - at the end of a mention row whose offsets cover other text than the row
//   says, the text they do cover (or that they run past the end).
// Labels are plain text, not Markdown, but file text is still cut short and
// cleaned of control characters (see label()).

import { analyseDocument, type DocumentAnalysis, type MentionSpanCheck } from '../analysis/analyseDocument';
import { textLength } from '../parse/documentText';
import type { ParsedFile, RelationRow } from '../parse/model';
import type { Position, Range } from '../types';
import { conceptFacts } from './conceptFacts';
import { documentsBetween, linesOf } from './documentWindow';
import { label } from './label';
import { rowRange } from './rowRanges';
import { relationIdCarriers } from './subject';
import type { FeatureOptions } from './types';

/** Hints sit inside the rows: keep them short. */
const MAX_NAME = 40;
const MAX_TOOLTIP = 500;

export interface InlayHint {
  position: Position;
  label: string;
  tooltip?: string;
  paddingLeft?: boolean;
  paddingRight?: boolean;
}

function relationHints(analysis: DocumentAnalysis, r: RelationRow, out: InlayHint[]): void {
  r.concepts.forEach((ref, i) => {
    const f = r.idFields[i];
    if (ref.none || !f) return;
    const carriers = relationIdCarriers(analysis, ref);
    if (carriers.length === 0) return;
    const key = !ref.variant && ref.atoms.length === 1 ? ref.atoms[0].key : undefined;
    const facts = conceptFacts(carriers, key);
    const name = label(facts.forms[0]?.value ?? '', '', MAX_NAME);
    if (name === '') return;
    const type = facts.types[0]?.value;
    out.push({
      position: { line: r.line, character: f.end },
      label: name,
      tooltip: label(`${ref.raw.trim()}: ${carriers.length} mention${carriers.length === 1 ? '' : 's'}${type ? ', ' + type : ''}`),
      paddingLeft: true,
    });
  });
}

function mentionHint(analysis: DocumentAnalysis, c: MentionSpanCheck, out: InlayHint[]): void {
  const m = c.mention;
  const end = rowRange(m).end;
  if ((c.status === 'mismatch' || c.status === 'boundary') && c.span) {
    out.push({
      position: end,
      label: `covers: ${label(c.span.covered, '(nothing)', MAX_NAME)}`,
      tooltip: label(`Offsets ${m.startField.text}–${m.endField.text} cover “${c.span.covered}”, not the row's text “${m.textField.text}”.`, '', MAX_TOOLTIP),
      paddingLeft: true,
    });
  } else if (c.status === 'out-of-range') {
    out.push({ position: end, label: `past the end (${textLength(analysis.doc, analysis.unit)} characters)`, paddingLeft: true });
  }
}

/** Hints on the lines of `range`, in position order. */
export function inlayHints(file: ParsedFile, range: Range, options: FeatureOptions = {}): InlayHint[] {
  const unit = options.unit ?? 'codepoint';
  const lines = linesOf(range);
  if (!lines) return [];
  const out: InlayHint[] = [];
  const inRange = (line: number) => line >= lines.from && line <= lines.to;
  for (const doc of documentsBetween(file, lines.from, lines.to)) {
    const analysis = analyseDocument(doc, unit);
    for (const c of analysis.spans) if (inRange(c.mention.line)) mentionHint(analysis, c, out);
    for (const r of doc.relations) if (inRange(r.line)) relationHints(analysis, r, out);
  }
  return out.sort((a, b) => a.position.line - b.position.line || a.position.character - b.position.character);
}
