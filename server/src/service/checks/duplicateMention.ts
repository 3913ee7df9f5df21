import type { MentionRow } from '../parse/model';
import type { DocumentCheck } from './check';
import { rowRange } from './ranges';

export const duplicateMention: DocumentCheck = {
  code: 'duplicate-mention',
  defaultSeverity: 'warning',
  description: 'The same mention (offsets, text, type and id) appears twice in a document.',
  document(doc, ctx) {
    // Rows listed by rising start, as most files list them, share no start: no
    // two can be the same mention, and nothing needs building for them.
    if (startsRise(doc.mentions)) return;
    // Rows are grouped by start offset first: most starts are unique, so few
    // rows are ever compared field by field.
    // Keyed by the start as a number where it is one (cheaper to hash than text).
    const byStart = new Map<number | string, MentionRow[]>();
    for (const m of doc.mentions) {
      const start = m.start ?? m.startField.text;
      const same = byStart.get(start);
      if (!same) {
        byStart.set(start, [m]);
        continue;
      }
      const first = same.find((o) => sameMention(o, m));
      if (!first) {
        same.push(m);
        continue;
      }
      ctx.report('duplicate-mention', rowRange(m), `This mention repeats line ${first.line + 1} (same offsets, text, type and id).`,
        { related: [{ range: rowRange(first), message: 'First occurrence' }] });
    }
  },
};

function sameMention(a: MentionRow, b: MentionRow): boolean {
  return a.startField.text === b.startField.text && a.endField.text === b.endField.text && a.textField.text === b.textField.text
    && (a.typeField?.text ?? '') === (b.typeField?.text ?? '') && a.concept.raw.trim() === b.concept.raw.trim();
}

/** Whether every row has a numeric start, each greater than the one before. */
function startsRise(mentions: MentionRow[]): boolean {
  let last = -1;
  for (const m of mentions) {
    const start = m.start;
    if (start === undefined || start <= last) return false;
    last = start;
  }
  return true;
}
