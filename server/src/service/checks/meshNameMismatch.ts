// A mention whose text is neither the MeSH name of its id nor one of the id's
// entry terms (after folding case, dashes, spaces and Greek spelling). Often a
// wrong id, sometimes a legitimate paraphrase: off unless the user asks. Needs
// a MeSH index; without one, nothing is reported.

import type { DocumentCheck } from './check';
import { quote } from './ranges';
import { meshRecord } from '../concepts/conceptSources';
import { meshNameMismatch as mismatches } from '../concepts/meshChecks';
import type { MentionRow } from '../parse/model';
import { meshAtomsOf } from './meshAtoms';

export const meshNameMismatch: DocumentCheck = {
  code: 'mesh-name-mismatch',
  defaultSeverity: 'off',
  description: 'A mention text that matches neither the MeSH name of its id nor any entry term (case, dashes, spaces and Greek spelling ignored); only when a MeSH index is loaded.',
  document(doc, ctx) {
    const mesh = ctx.concepts?.mesh;
    if (!mesh) return;
    // The same id is often written the same way many times in a document.
    const seen = new Map<string, boolean>();
    for (const { mention, index, ui, range } of meshAtomsOf(doc)) {
      const text = partText(mention, index);
      if (text === undefined) continue;
      const record = meshRecord(mesh, ui);
      if (!record) continue; // unknown ids are unknown-mesh-id's business
      const key = `${ui}\u0000${text}`;
      let bad = seen.get(key);
      if (bad === undefined) {
        bad = mismatches(text, record);
        seen.set(key, bad);
      }
      if (!bad) continue;
      const terms = record.entryTermCount === 1 ? 'its entry term' : `any of its ${record.entryTermCount} entry terms`;
      const message = record.entryTermCount > 0
        ? `${quote(text)} is neither the MeSH name of ${ui} (${quote(record.name)}) nor ${terms}.`
        : `${quote(text)} is not the MeSH name of ${ui} (${quote(record.name)}), which has no entry terms.`;
      ctx.report('mesh-name-mismatch', range, message, { data: { ui, name: record.name } });
    }
  },
};

/**
 * The text naming the id's part `i`: the row's text for a single id, the
 * part's own text for a BC5CDR composite mention (7th column); undefined for
 * a composite without part texts, whose text names several concepts at once.
 */
function partText(m: MentionRow, i: number): string | undefined {
  if (m.concept.atoms.length === 1) return m.textField.text;
  const parts = m.extra[0]?.text.split('|');
  if (!parts || parts.length !== m.concept.atoms.length) return undefined;
  const part = parts[i].trim();
  return part === '' ? undefined : part;
}
