// BC5CDR composite mentions: `D014786|D006311<TAB>Ocular toxicity|auditory toxicity`.
// The 7th column names each part; its count must match the ids'.

import type { DocumentCheck } from './check';
import { fieldRange } from './ranges';

export const compositeCountMismatch: DocumentCheck = {
  code: 'composite-count-mismatch',
  defaultSeverity: 'warning',
  description: 'A composite mention (BC5CDR) lists a different number of ids than of individual mention texts.',
  document(doc, ctx) {
    for (const m of doc.mentions) {
      const texts = m.extra[0];
      if (!texts || !m.idField || m.concept.variant || texts.text.trim() === '') continue;
      // A key:value 7th column (tmVar2 RSID:…) is not a list of texts.
      if (/^[A-Za-z#]+:/.test(texts.text)) continue;
      const ids = m.idField.text.split('|').length;
      const names = texts.text.split('|').length;
      if (ids === names) continue;
      ctx.report('composite-count-mismatch', fieldRange(m.line, texts),
        `This composite mention has ${ids} id${ids === 1 ? '' : 's'} but ${names} individual text${names === 1 ? '' : 's'}; each id needs its own text.`,
        { related: [{ range: fieldRange(m.line, m.idField), message: 'The ids' }] });
    }
  },
};
