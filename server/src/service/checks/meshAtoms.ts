// The MeSH ids a document's mention rows carry, part by part, with where each
// part sits: what the checks that need a MeSH index walk.

import type { ConceptAtom } from '../parse/conceptIds';
import type { MentionRow, PubtatorDocument } from '../parse/model';
import { meshUiOf } from '../concepts/meshIds';
import { lineRange, type Range } from '../types';

export interface MeshAtom {
  mention: MentionRow;
  atom: ConceptAtom;
  /** The part's index among the id's parts (composite ids have several). */
  index: number;
  ui: string;
  /** The part inside the row's id column. */
  range: Range;
}

/** Each MeSH part of each mention's id; variant ids are not MeSH. */
export function* meshAtomsOf(doc: PubtatorDocument): Generator<MeshAtom> {
  for (const mention of doc.mentions) {
    const f = mention.idField;
    if (!f || mention.concept.variant) continue;
    const atoms = mention.concept.atoms;
    for (let index = 0; index < atoms.length; index++) {
      const atom = atoms[index];
      const ui = meshUiOf(atom);
      if (ui === undefined) continue;
      yield { mention, atom, index, ui, range: lineRange(mention.line, f.start + atom.start, f.start + atom.end) };
    }
  }
}
