import type { DocumentCheck } from './check';
import { offsetsRange, quote } from './ranges';
import { textLength } from '../parse/documentText';

export const offsetOutOfRange: DocumentCheck = {
  code: 'offset-out-of-range',
  defaultSeverity: 'error',
  description: 'A span runs past the end of title + " " + abstract.',
  document(doc, ctx) {
    const analysis = ctx.analysis(doc);
    // Spans a drift or a truncated text explains are reported once with it.
    const explained = new Set([...analysis.drift?.rows ?? [], ...analysis.truncation?.rows ?? []].map((r) => r.mention));
    const length = textLength(doc, ctx.unit);
    for (const s of analysis.spans) {
      if (s.status !== 'out-of-range' || explained.has(s.mention)) continue;
      const m = s.mention;
      const where = s.nearest ? `; ${quote(m.textField.text)} occurs at ${s.nearest.start}-${s.nearest.end}` : '';
      const why = doc.abstract ? '' : ' (the document has no abstract line)';
      ctx.report('offset-out-of-range', offsetsRange(m),
        `Offsets ${m.start}-${m.end} run past the end of the text, which is ${length} characters long${why}${where}.`,
        { data: s.nearest ? { start: s.nearest.start, end: s.nearest.end } : undefined });
    }
  },
};
