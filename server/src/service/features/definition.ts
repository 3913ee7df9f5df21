// Go to definition. What "defines" a thing in a PubTator file: for a concept id
// in a relation, the mentions that carry it; for a mention id, the other
// mentions of the concept; for a mention's offsets or text, the span of the
// title/abstract they cover; for a row's document id, the document's first line.

import type { ParsedFile } from '../parse/model';
import { analyseDocument } from '../analysis/analyseDocument';
import { mentionSpan, rangesOfSpan } from '../parse/documentText';
import type { Position, Range } from '../types';
import { atomRange, fieldRangeOf, locate } from './locate';
import { carriersOf, isIdTarget, subjectOf, subjectRange, sameRange } from './subject';
import type { FeatureOptions } from './types';

export function definition(file: ParsedFile, position: Position, options: FeatureOptions = {}): Range[] {
  const unit = options.unit ?? 'codepoint';
  const t = locate(file, position);
  if (!t) return [];
  if (t.kind === 'offset' || t.kind === 'mentionText') {
    const span = mentionSpan(t.doc, t.row, unit);
    return span ? rangesOfSpan(t.doc, span.start, span.end) : [];
  }
  if (t.kind === 'pmid' && t.row.kind !== 'passage') {
    const first = t.doc.passages[0];
    return first ? [fieldRangeOf(first.line, first.docId)] : [];
  }
  if (!isIdTarget(t)) return [];
  const subject = subjectOf(t);
  if (!subject) return [];
  const here = subjectRange(t, subject);
  const ranges: Range[] = [];
  for (const m of carriersOf(analyseDocument(t.doc, unit), subject)) {
    if (!m.idField) continue;
    // The mention's id field, narrowed to the part naming the concept in a composite id.
    const atom = subject.kind === 'atom' ? m.concept.atoms.find((a) => a.key === subject.key) : undefined;
    const r = atom ? atomRange(m.line, m.idField, atom) : fieldRangeOf(m.line, m.idField);
    if (!sameRange(r, here)) ranges.push(r);
  }
  return ranges;
}
