import type { DocumentCheck } from './check';
import { rowRange } from './ranges';
import type { ConceptRef } from '../parse/conceptIds';

export const selfRelation: DocumentCheck = {
  code: 'self-relation',
  defaultSeverity: 'information',
  description: 'A relation joins a concept to itself (Bind is exempt: a protein binding itself is a homodimer).',
  document(doc, ctx) {
    for (const r of doc.relations) {
      const [a, b] = r.concepts;
      if (a.none || b.none || r.typeField.text.trim() === 'Bind') continue;
      const ka = sortedKeys(a);
      const kb = sortedKeys(b);
      if (ka !== '' && ka === kb) {
        ctx.report('self-relation', rowRange(r), `This ${r.typeField.text} relation joins ${a.raw.trim()} to itself.`);
      }
    }
  },
};

/** The id's part keys, sorted and joined; a one-part id (nearly all) is its key, with no array built. */
function sortedKeys(ref: ConceptRef): string {
  const atoms = ref.atoms;
  if (atoms.length === 1) return atoms[0].key;
  return atoms.map((x) => x.key).sort().join(';');
}
