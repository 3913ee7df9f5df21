import type { MentionRow } from '../parse/model';
import type { DocumentCheck } from './check';
import { rowRange } from './ranges';

export const duplicateMention: DocumentCheck = {
  scope: 'document',
  code: 'duplicate-mention',
  defaultSeverity: 'warning',
  description: 'The same mention (offsets, text, type and id) appears twice in a document.',
  run(doc, ctx) {
    const seen = new Map<string, MentionRow>();
    for (const m of doc.mentions) {
      const key = [m.startField.text, m.endField.text, m.textField.text, m.typeField?.text ?? '', m.concept.raw.trim()].join('\t');
      const first = seen.get(key);
      if (!first) {
        seen.set(key, m);
        continue;
      }
      ctx.report('duplicate-mention', rowRange(m), `This mention repeats line ${first.line + 1} (same offsets, text, type and id).`,
        { related: [{ range: rowRange(first), message: 'First occurrence' }], data: { firstLine: first.line } });
    }
  },
};
