// Which concept ids are MeSH, and their UI: `MESH:D007649`, bare `D007649`
// (BC5CDR, NCBI-disease, BioRED), new-style `D000086382` and `C000706722`.

import type { ConceptAtom } from '../parse/conceptIds';
import { MESH_UI, normaliseMeshUi } from './mesh/record';

/**
 * The MeSH UI an id part names, or undefined when it is not MeSH. A value the
 * file marks as MeSH (`MESH:D00764`) is returned even when malformed, so that
 * an index can report it as unknown.
 */
export function meshUiOf(atom: ConceptAtom): string | undefined {
  if (atom.namespace === 'mesh') {
    const ui = normaliseMeshUi(atom.value);
    return ui || undefined;
  }
  // The parser leaves bare 9-digit descriptor UIs (D000086382) in 'other'.
  if (atom.namespace === 'other' && atom.prefix === '' && MESH_UI.test(atom.value)) return atom.value;
  return undefined;
}

export function isMeshAtom(atom: ConceptAtom): boolean {
  return meshUiOf(atom) !== undefined;
}

/** The line a hover ends with: NLM asks users of MeSH to credit it. */
export function meshCredit(year?: number): string {
  return `MeSH${year ? ' ' + year : ''}, courtesy of the U.S. National Library of Medicine`;
}

export function meshBrowserUrl(ui: string): string {
  return `https://meshb.nlm.nih.gov/record/ui?ui=${encodeURIComponent(ui)}`;
}
