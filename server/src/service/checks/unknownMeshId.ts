// A MeSH id the loaded index does not know: a record NLM deleted or merged
// into another since the file was annotated, or a typo. Needs an index (the
// caller's ConceptSources); without one, nothing is reported.

import type { DocumentCheck } from './check';
import { quote } from './ranges';
import { meshHas } from '../concepts/conceptSources';
import { meshUiOf } from '../concepts/meshIds';
import { MESH_UI } from '../concepts/mesh/record';
import { lineRange } from '../types';

export const unknownMeshId: DocumentCheck = {
  code: 'unknown-mesh-id',
  defaultSeverity: 'warning',
  description: 'A MeSH id that the loaded MeSH index does not know (obsolete or mistyped); only when an index is loaded (pubtator.mesh.files, --mesh).',
  document(doc, ctx) {
    const mesh = ctx.concepts?.mesh;
    if (!mesh) return;
    const year = mesh.year ? `MeSH ${mesh.year}` : 'The MeSH index';
    for (const m of doc.mentions) {
      const f = m.idField;
      if (!f || m.concept.variant) continue;
      for (const atom of m.concept.atoms) {
        const ui = meshUiOf(atom);
        // An index that cannot answer (closed while reloading) counts as knowing it: no false warning.
        if (ui === undefined || (meshHas(mesh, ui) ?? true)) continue;
        const message = MESH_UI.test(ui)
          ? `${year} has no record ${quote(ui)}: the id is obsolete (deleted, or merged into another) or mistyped.`
          : `${quote(atom.raw)} is not a MeSH id: a MeSH id is D or C and 6 or 9 digits (D007649, C000706722).`;
        ctx.report('unknown-mesh-id', lineRange(m.line, f.start + atom.start, f.start + atom.end), message, { data: { ui } });
      }
    }
  },
};
