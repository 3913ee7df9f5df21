// Highlight the concept under the cursor wherever the document names it. The
// kind tells the two roles apart: a mention row is where the annotation puts
// the concept in the text (Write, 3); a relation row only refers to it (Read, 2).

import type { ParsedFile } from '../parse/model';
import type { Position } from '../types';
import { occurrencesAt } from './references';
import type { DocumentHighlight, FeatureOptions } from './types';

export const MENTION_HIGHLIGHT = 3;
export const RELATION_HIGHLIGHT = 2;

export function documentHighlights(file: ParsedFile, position: Position, options: FeatureOptions = {}): DocumentHighlight[] {
  const found = occurrencesAt(file, position, options);
  if (!found) return [];
  return found.occurrences.map((o) => ({
    range: o.range,
    kind: o.row.kind === 'mention' ? MENTION_HIGHLIGHT : RELATION_HIGHLIGHT,
  }));
}
