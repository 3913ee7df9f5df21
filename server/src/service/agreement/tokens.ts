// The tokens kappa counts over, and each annotator's label for each token.
// Tokenisation: a token is a maximal run of letters, digits and combining
// marks (\p{L}\p{N}\p{M}), or any other single character that is not white
// space; offsets count code points into the document's text (its passages
// joined by single spaces, as mention offsets count). A token's label is the
// entity type of a mention that covers it (shares at least one character
// with it), or none (''): BIO-free. When mentions of several types cover one
// token, the one starting first wins (then the longest, then the smaller
// type name), so the label does not depend on row order.

import type { DocumentGroup } from '../compare/model';

export interface Token {
  block: number;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;
const SPACE = /\s/u;

/** The tokens of one text, in code points. */
export function tokenise(text: string, block = 0): Token[] {
  const out: Token[] = [];
  let i = 0;
  let wordStart = -1;
  for (const ch of text) {
    const word = WORD.test(ch);
    if (!word && wordStart >= 0) {
      out.push({ block, start: wordStart, end: i });
      wordStart = -1;
    }
    if (word && wordStart < 0) wordStart = i;
    else if (!word && !SPACE.test(ch)) out.push({ block, start: i, end: i + 1 });
    i++;
  }
  if (wordStart >= 0) out.push({ block, start: wordStart, end: i });
  return out;
}

/** Every block's tokens of a group, in order. */
export function groupTokens(group: DocumentGroup): Token[] {
  return group.blocks.flatMap((doc, block) => tokenise(doc.text, block));
}

interface Span {
  start: number;
  end: number;
  type: string;
}

/** One label per token ('' for none) from a group's mentions; entity types outside `types` are left out. */
export function tokenLabels(tokens: readonly Token[], group: DocumentGroup | undefined, types?: ReadonlySet<string>): string[] {
  const labels = tokens.map(() => '');
  if (!group) return labels;
  const perBlock: Span[][] = group.blocks.map((doc) => {
    const spans: Span[] = [];
    for (const m of doc.mentions) {
      const type = m.typeField?.text.trim() ?? '';
      if (m.start === undefined || m.end === undefined || m.start >= m.end || type === '') continue;
      if (types && !types.has(type)) continue;
      spans.push({ start: m.start, end: m.end, type });
    }
    // Later spans do not overwrite: the first starting, then longest, then smaller type name.
    return spans.sort((a, b) => a.start - b.start || b.end - a.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  });
  // A document has tens of spans: a scan per token, stopping at the first span past it.
  tokens.forEach((t, i) => {
    const spans = perBlock[t.block];
    if (!spans) return;
    for (const s of spans) {
      if (s.start >= t.end) break;
      if (s.end > t.start) {
        labels[i] = s.type;
        return;
      }
    }
  });
  return labels;
}
