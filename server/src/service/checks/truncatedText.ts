// Several spans past the end of a document's text have one cause: the text
// was cut short, or its abstract line is missing. Said once, on the document,
// with the spans as related information (offset-out-of-range is left for a
// single stray span).

import type { DocumentCheck } from './check';
import { offsetsRange } from './ranges';
import { lineRange } from '../types';

export const truncatedText: DocumentCheck = {
  code: 'truncated-text',
  defaultSeverity: 'error',
  description: 'Several spans of a document point past the end of its text: the text is cut short, or its abstract line is missing. Reported once per document.',
  document(doc, ctx) {
    const t = ctx.analysis(doc).truncation;
    if (!t) return;
    const last = Math.max(...t.rows.map((r) => r.mention.end ?? 0));
    const anchor = doc.title ? lineRange(doc.title.line, doc.title.docId.start, doc.title.docId.end) : offsetsRange(t.rows[0].mention);
    const message = t.cause === 'no-abstract'
      ? `Document ${doc.id} has no abstract line, and ${t.rows.length} spans point past the end of its title (${t.length} characters, spans up to ${last}): the abstract line seems to be missing.`
      : `The text of document ${doc.id} ends at character ${t.length}, but ${t.rows.length} spans point past it (up to ${last}): the text seems cut short.`;
    const related = t.rows.map((r) => ({ range: offsetsRange(r.mention), message: `${r.mention.start}-${r.mention.end} (${JSON.stringify(r.mention.textField.text)})` }));
    ctx.report('truncated-text', anchor, message, { related, data: { cause: t.cause, length: t.length } });
  },
};
