import type { DocumentCheck } from './check';
import { rowRange } from './ranges';

export const selfRelation: DocumentCheck = {
  code: 'self-relation',
  defaultSeverity: 'information',
  description: 'A relation joins a concept to itself (Bind is exempt: a protein binding itself is a homodimer).',
  document(doc, ctx) {
    for (const r of doc.relations) {
      const [a, b] = r.concepts;
      if (a.none || b.none || r.typeField.text.trim() === 'Bind') continue;
      const ka = a.atoms.map((x) => x.key).sort().join(';');
      const kb = b.atoms.map((x) => x.key).sort().join(';');
      if (ka !== '' && ka === kb) {
        ctx.report('self-relation', rowRange(r), `This ${r.typeField.text} relation joins ${a.raw.trim()} to itself.`);
      }
    }
  },
};
