// What the pickers offer. Entity types: the schema's (when it declares them),
// else the file's, most used first, each with its count. Ids for some words:
// the ids already given to the same text first, then the file's other ids of
// that type, most used first. Relation types for two mentions: those the
// schema allows between their types, else the file's own, most used first.

import type { ParsedFile, PubtatorDocument } from '../../parse/model';
import type { CorpusSchema } from '../../schema/schema';
import { schemaFamilies } from '../../schema/families';
import type { EntityFamily } from '../../knowledge/entityTypes';
import { forSampled } from './conventions';

export interface Choice {
  value: string;
  /** Rows of the file (sampled) that use it. */
  count: number;
  detail?: string;
  /** An entity type's colour family. */
  family?: EntityFamily;
}

function ranked(counts: Map<string, number>): Choice[] {
  return [...counts].sort((a, b) => b[1] - a[1]).map(([value, count]) => ({ value, count }));
}

function bump(counts: Map<string, number>, v: string | undefined): void {
  const t = v?.trim();
  if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
}

export function typeChoices(file: ParsedFile, doc: PubtatorDocument | undefined, schema?: CorpusSchema): Choice[] {
  const used = new Map<string, number>();
  forSampled(file, doc, (d) => {
    for (const m of d.mentions) bump(used, m.typeField?.text);
  });
  const families = schemaFamilies(schema);
  const withFamily = (c: Choice): Choice => ({ ...c, family: families.of(c.value) });
  if (!schema?.entityTypes?.size) return ranked(used).map(withFamily);
  const declared = [...schema.entityTypes.keys()].map((value) => ({ value, count: used.get(value) ?? 0 }));
  // Stable sort: equal counts keep the schema's order.
  return declared.sort((a, b) => b.count - a.count).map(withFamily);
}

export function idChoices(file: ParsedFile, doc: PubtatorDocument | undefined, text: string, type: string): Choice[] {
  const sameText = new Map<string, number>();
  const sameType = new Map<string, number>();
  forSampled(file, doc, (d) => {
    for (const m of d.mentions) {
      if (m.concept.none) continue;
      if (m.textField.text === text) bump(sameText, m.concept.raw);
      else if (m.typeField?.text.trim() === type) bump(sameType, m.concept.raw);
    }
  });
  const first = ranked(sameText).map((c) => ({ ...c, detail: `given to ${JSON.stringify(text)} ${c.count}×` }));
  const rest = ranked(sameType).filter((c) => !sameText.has(c.value)).map((c) => ({ ...c, detail: `${type} id used ${c.count}×` }));
  return first.concat(rest);
}

export function relationTypeChoices(file: ParsedFile, doc: PubtatorDocument | undefined, a: string, b: string, schema?: CorpusSchema): Choice[] {
  const used = new Map<string, number>();
  forSampled(file, doc, (d) => {
    for (const r of d.relations) bump(used, r.typeField.text);
  });
  const declared = schema?.relationTypes;
  if (!declared?.size) return ranked(used);
  const fits = (x: string, t: string) => x === '*' || x === t || schema!.entityTypes?.get(t)?.family === x || schema!.aliases.get(x) === t;
  const allowed = [...declared.values()].filter((r) => !r.arguments?.length
    || r.arguments.some(([x, y]) => (fits(x, a) && fits(y, b)) || (fits(x, b) && fits(y, a))));
  return allowed.map((r) => ({ value: r.name, count: used.get(r.name) ?? 0 })).sort((p, q) => q.count - p.count);
}
