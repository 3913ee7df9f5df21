// BioC's own checks on one document (besides those the projection finds):
// duplicate annotation ids, relation nodes that name no annotation, passages
// that overlap. Per document, so a whole-file check and a streamed one
// (checkBiocStream.ts) run the same code. Whether nodes should name
// annotations at all is the file's habit: NodeVotes counts it.

import type { BiocAnnotation, BiocDocument, BiocRelation } from './model';
import type { Finding } from './project';
import { lengthIn, type BiocUnit } from './units';

/** Do this file's relation nodes point at annotation ids? PubTator3's, by design, do not. */
export class NodeVotes {
  resolved = 0;
  unresolved = 0;

  /** Counts a document's nodes; gives those that name no annotation of it. */
  add(d: BiocDocument): Finding[] {
    const dangling: Finding[] = [];
    let ids: Set<string> | undefined;
    for (const r of relationsOf(d)) {
      for (const n of r.nodes) {
        ids ??= annotationIds(d);
        if (ids.has(n.refid)) {
          this.resolved++;
        } else {
          this.unresolved++;
          dangling.push({ code: 'bioc-dangling-node', range: n.range, message: `relation node refid ${JSON.stringify(n.refid)} names no annotation of document ${d.id}` });
        }
      }
    }
    return dangling;
  }

  /** Whether the file's nodes name annotations (then a node that names none is a defect). */
  get nodesReferToAnnotations(): boolean {
    return this.resolved > this.unresolved;
  }
}

export function duplicateAnnotationIds(d: BiocDocument): Finding[] {
  const seen = new Set<string>();
  const found: Finding[] = [];
  eachAnnotation(d, (a) => {
    if (a.id === undefined) return;
    if (seen.has(a.id)) found.push({ code: 'bioc-duplicate-annotation-id', range: a.idRange ?? a.range, message: `annotation id ${JSON.stringify(a.id)} is used twice in document ${d.id}` });
    else seen.add(a.id);
  });
  return found;
}

/** Passages starting before the previous one ends (not in a document read as passage-local). */
export function* overlappingPassages(d: BiocDocument, unit: BiocUnit, passageLocal: boolean): Generator<Finding> {
  if (passageLocal) return;
  let end = -1;
  for (const x of d.passages) {
    if (x.offset === undefined || x.text === undefined) continue;
    if (x.offset < end) yield { code: 'bioc-overlapping-passages', range: x.offsetRange ?? x.range, message: `passage starts at ${x.offset}, before the previous passage ends (${end})` };
    end = Math.max(end, x.offset + lengthIn(x.text, unit));
  }
}

function annotationIds(d: BiocDocument): Set<string> {
  const set = new Set<string>();
  eachAnnotation(d, (a) => { if (a.id !== undefined) set.add(a.id); });
  return set;
}

/** The passages' annotations, in order, then the document's (no list made for each document). */
function eachAnnotation(d: BiocDocument, visit: (a: BiocAnnotation) => void): void {
  for (const x of d.passages) for (const a of x.annotations) visit(a);
  for (const a of d.annotations) visit(a);
}

/** The passages' relations, then the document's; none (the usual case) without a list. */
function relationsOf(d: BiocDocument): readonly BiocRelation[] {
  let any = d.relations.length > 0;
  for (const x of d.passages) if (x.relations.length > 0) any = true;
  if (!any) return NONE;
  return [...d.passages.flatMap((x) => x.relations), ...d.relations];
}

const NONE: readonly BiocRelation[] = [];
