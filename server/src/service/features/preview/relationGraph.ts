// A document's relations as a graph of its concepts: one node per concept a
// relation names (the same concept however its id is spelt: `MESH:D1` and
// `D1` share a node, composite and variant ids are matched as the checker
// matches them), coloured by the family of the mentions that carry it; one
// edge per relation row, labelled with its type, directed when the type reads
// one way. Ids no mention carries still get a node, marked by its empty
// mention list (the checker reports them as dangling).

import type { ConceptRef } from '../../parse/conceptIds';
import { isIdentifying } from '../../parse/conceptIds';
import type { MentionRow, PubtatorDocument } from '../../parse/model';
import type { DocumentAnalysis } from '../../analysis/analyseDocument';
import { entityFamily, type EntityFamily } from '../../knowledge/entityTypes';
import { isDirectedRelation } from '../../knowledge/relationDirection';
import { relationIdCarriers } from '../subject';
import { rowRange } from '../rowRanges';
import type { ConceptNamer } from './conceptNames';
import { rememberedLayout } from './layoutMemo';
import type { GraphNode, PreviewRelation, RelationGraph } from './model';

/** The identity of the concept a relation end names. */
function nodeKey(ref: ConceptRef): string {
  if (ref.variant) {
    const ids = ref.atoms.filter(isIdentifying);
    return 'v:' + (ids.length ? ids : ref.atoms).map((a) => a.key).sort().join(';');
  }
  return ref.atoms.map((a) => a.key).join('|');
}

/** The family most of the carriers have (ties: the first seen); `other` without carriers. */
function familyOf(carriers: readonly MentionRow[]): EntityFamily {
  const counts = new Map<EntityFamily, number>();
  let best: EntityFamily = 'other';
  let bestCount = 0;
  for (const m of carriers) {
    const f = entityFamily(m.typeField?.text ?? '');
    const c = (counts.get(f) ?? 0) + 1;
    counts.set(f, c);
    if (c > bestCount) {
      best = f;
      bestCount = c;
    }
  }
  return best;
}

export function relationGraph(
  doc: PubtatorDocument, analysis: DocumentAnalysis, mentionIndex: Map<MentionRow, number>, namer: ConceptNamer,
): { relations: PreviewRelation[]; graph: RelationGraph } {
  const nodes: Omit<GraphNode, 'x' | 'y' | 'r' | 'label' | 'labelX' | 'labelY'>[] = [];
  const nodeOf = new Map<string, number>();
  const relations: PreviewRelation[] = [];
  const edges: { relation: number; from: number; to: number; label: string; directed: boolean }[] = [];

  for (const row of doc.relations) {
    const directed = isDirectedRelation(row.typeField.text);
    const ends = row.concepts.map((ref, i) => {
      const id = row.idFields[i]?.text ?? '';
      if (ref.none || ref.atoms.length === 0) return { id, mentions: [] as number[] };
      const carriers = relationIdCarriers(analysis, ref);
      const mentions = carriers.map((m) => mentionIndex.get(m)).filter((k): k is number => k !== undefined);
      const key = nodeKey(ref);
      let node = nodeOf.get(key);
      if (node === undefined) {
        const named = namer.relationEnd(ref, carriers);
        node = nodes.length;
        nodeOf.set(key, node);
        nodes.push({
          id: ref.raw.trim(),
          name: named.name ?? ref.raw.trim(),
          ...(named.name && named.nameSource ? { nameSource: named.nameSource } : {}),
          family: familyOf(carriers),
          mentions,
        });
      }
      return { id, node, mentions };
    });
    const range = rowRange(row);
    const index = relations.length;
    relations.push({
      line: row.line,
      rowStart: range.start.character,
      rowEnd: range.end.character,
      type: row.typeField.text,
      directed,
      ends,
      extra: row.extra.map((f) => f.text),
    });
    const [a, b] = ends;
    if (a?.node !== undefined && b?.node !== undefined) {
      edges.push({ relation: index, from: a.node, to: b.node, label: row.typeField.text.trim(), directed });
    }
  }

  const layout = rememberedLayout(nodes, edges);
  return {
    relations,
    graph: {
      width: layout.width,
      height: layout.height,
      nodes: nodes.map((v, i) => Object.assign(v, layout.nodes[i])),
      edges: edges.map((e, i) => Object.assign(e, layout.edges[i])),
    },
  };
}
