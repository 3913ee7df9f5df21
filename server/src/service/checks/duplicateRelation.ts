import { perConcept } from '../parse/conceptIds';
import type { RelationRow } from '../parse/model';
import type { DocumentCheck } from './check';
import { rowRange } from './ranges';

export const duplicateRelation: DocumentCheck = {
  code: 'duplicate-relation',
  defaultSeverity: 'warning',
  description: 'The same relation (type and concept pair, in either order) appears twice in a document.',
  document(doc, ctx) {
    const seen = new Map<string, RelationRow>();
    for (const r of doc.relations) {
      const a = identity(r.concepts[0]);
      const b = identity(r.concepts[1]);
      const key = r.typeField.text.trim() + '\t' + (a <= b ? a + '\t' + b : b + '\t' + a);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, r);
        continue;
      }
      const order = first.idFields[0].text.trim() === r.idFields[0].text.trim() ? '' : ' (with the two ids in the other order)';
      ctx.report('duplicate-relation', rowRange(r), `This relation repeats line ${first.line + 1}${order}.`,
        { related: [{ range: rowRange(first), message: 'First occurrence' }] });
    }
  },
};

/** What makes two ids the same concept: their normalised keys (else the id as written). */
const identity = perConcept((ref) => ref.atoms.map((a) => a.key).join(';') || ref.raw.trim());
