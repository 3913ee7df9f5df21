// Find all references of a concept id: every mention and relation field of
// the document naming it (the atom of a composite id, a variant as a whole).
// Matching stays inside the document, as relations only name its own mentions.

import type { ParsedFile } from '../parse/model';
import { analyseDocument } from '../analysis/analyseDocument';
import type { Position, Range } from '../types';
import { locate } from './locate';
import { isIdTarget, occurrencesOf, sameRange, subjectOf, subjectRange, type Occurrence } from './subject';
import type { FeatureOptions, ReferenceOptions } from './types';

/** Occurrences of the concept under the cursor, and the range of the one under it. */
export function occurrencesAt(file: ParsedFile, position: Position, options: FeatureOptions = {}):
  { here: Range; occurrences: Occurrence[] } | undefined {
  const t = locate(file, position);
  if (!isIdTarget(t)) return undefined;
  const subject = subjectOf(t);
  if (!subject) return undefined;
  const analysis = analyseDocument(t.doc, options.unit ?? 'codepoint');
  return { here: subjectRange(t, subject), occurrences: occurrencesOf(analysis, subject) };
}

export function references(file: ParsedFile, position: Position, options: ReferenceOptions = {}): Range[] {
  const found = occurrencesAt(file, position, options);
  if (!found) return [];
  const ranges = found.occurrences.map((o) => o.range);
  return options.includeDeclaration === false ? ranges.filter((r) => !sameRange(r, found.here)) : ranges;
}
