import type { DocumentCheck } from './check';
import { fieldRange, offsetsRange, quote } from './ranges';
import { isKnownEntityType } from '../knowledge/entityTypes';

export const textMismatch: DocumentCheck = {
  code: 'text-mismatch',
  defaultSeverity: 'error',
  description: 'The offsets cover other text than the row says (a real difference, not only case, dashes, Greek spelling or spaces).',
  document(doc, ctx) {
    const analysis = ctx.analysis(doc);
    const explained = new Set(analysis.drift?.rows.map((r) => r.mention));
    for (const s of analysis.spans) {
      if (s.status !== 'mismatch' || explained.has(s.mention)) continue;
      const m = s.mention;
      let hint: string;
      if (s.nearest) {
        const n = s.nearest;
        const dir = n.shift > 0 ? `${n.shift} later` : `${-n.shift} earlier`;
        hint = `; ${quote(m.textField.text)} occurs at ${n.start}-${n.end} (${dir})`;
      } else {
        hint = `; ${quote(m.textField.text)} does not occur in the document`;
      }
      if (s.utf8) hint += '; these offsets would fit if they counted UTF-8 bytes';
      const typeInText = m.textField.text.length > 3 && isKnownEntityType(m.textField.text) && /[A-Z]/.test(m.textField.text)
        ? ' (the text column holds an entity type name: the columns may be shifted)' : '';
      ctx.report('text-mismatch', offsetsRange(m),
        `Offsets ${m.start}-${m.end} cover ${quote(s.span!.covered)} but the row says ${quote(m.textField.text)}${hint}${typeInText}.`,
        {
          related: [{ range: fieldRange(m.line, m.textField), message: 'The row\'s text' }],
          data: s.nearest ? { start: s.nearest.start, end: s.nearest.end, covered: s.span!.covered } : { covered: s.span!.covered },
        });
    }
  },
};
