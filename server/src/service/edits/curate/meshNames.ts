// MeSH names for the id picker: as the curator types, the MeSH records whose
// names match (ranked by the index, mesh/nameSearch.ts), each with the id
// written as this file writes MeSH ids: `MESH:D009369` in PubTator 3's files,
// a bare `D009369` in BC5CDR's, and so on, learnt from the file's own MeSH ids
// (the spelling most of them use); `MESH:` when the file has none yet.

import type { ParsedFile, PubtatorDocument } from '../../parse/model';
import { meshSearch, type MeshLookup } from '../../concepts/conceptSources';
import { meshUiOf } from '../../concepts/meshIds';
import type { MeshRecordKind } from '../../concepts/meshIndex';
import { forSampled } from './conventions';

export interface MeshNameChoice {
  /** The id as the file would write it. */
  value: string;
  ui: string;
  kind: MeshRecordKind;
  /** Heading (descriptor) or record name (supplementary). */
  name: string;
  /** The entry term the typed text matched, when it is not the name. */
  term?: string;
}

/** Names listed for one keystroke: enough to pick from, few enough to read. */
export const MESH_NAME_LIMIT = 20;

/** The prefix this file writes before a MeSH UI (`MESH:`, `mesh:`, or none). */
export function meshIdPrefix(file: ParsedFile, doc?: PubtatorDocument): string {
  const counts = new Map<string, number>();
  forSampled(file, doc, (d) => {
    for (const m of d.mentions) {
      for (const a of m.concept.atoms) if (meshUiOf(a)) counts.set(a.prefix, (counts.get(a.prefix) ?? 0) + 1);
    }
  });
  let best = 'MESH:';
  let n = 0;
  for (const [prefix, c] of counts) if (c > n) [best, n] = [prefix, c];
  return best;
}

export function meshNameChoices(file: ParsedFile, doc: PubtatorDocument | undefined, typed: string, mesh: MeshLookup | undefined,
  limit = MESH_NAME_LIMIT): MeshNameChoice[] {
  if (!mesh || typeof typed !== 'string' || !typed.trim()) return [];
  const matches = meshSearch(mesh, typed.slice(0, 200), Math.max(1, Math.min(limit, 100)));
  if (!matches.length) return [];
  const prefix = meshIdPrefix(file, doc);
  return matches.map((m) => ({ value: prefix + m.ui, ui: m.ui, kind: m.kind, name: m.name, ...(m.term ? { term: m.term } : {}) }));
}
