// A MeSH id the loaded index does not know: a record NLM deleted or merged
// into another since the file was annotated, or a typo. Needs an index (the
// caller's ConceptSources); without one, nothing is reported.

import type { DocumentCheck } from './check';
import { quote } from './ranges';
import { meshHas } from '../concepts/conceptSources';
import { MESH_UI } from '../concepts/mesh/record';
import { meshAtomsOf } from './meshAtoms';

export const unknownMeshId: DocumentCheck = {
  code: 'unknown-mesh-id',
  defaultSeverity: 'warning',
  description: 'A MeSH id that the loaded MeSH index does not know (obsolete or mistyped); only when an index is loaded (pubtator.mesh.files, --mesh).',
  document(doc, ctx) {
    const mesh = ctx.concepts?.mesh;
    if (!mesh) return;
    const year = mesh.year ? `MeSH ${mesh.year}` : 'The MeSH index';
    for (const { atom, ui, range } of meshAtomsOf(doc)) {
      // An index that cannot answer (closed while reloading) counts as knowing it: no false warning.
      if (meshHas(mesh, ui) ?? true) continue;
      const message = MESH_UI.test(ui)
        ? `${year} has no record ${quote(ui)}: the id is obsolete (deleted, or merged into another) or mistyped.`
        : `${quote(atom.raw)} is not a MeSH id: a MeSH id is D or C and 6 or 9 digits (D007649, C000706722).`;
      ctx.report('unknown-mesh-id', range, message, { data: { ui } });
    }
  },
};
