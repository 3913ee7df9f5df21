// "PubTator: Create Schema from This File" and `pubtator schema FILE`: the
// conventions the file follows, written as a pubtator.schema.json to start
// from. Every entity type with its family (the known corpora's, else `other`)
// and the id namespaces its ids use; every relation type
// with the pairs of entity types it joins and a direction (symmetric when the
// file lists both directions, or when its family of corpora defines it on the
// pair); the offset unit when the file's text tells them apart.

import { entityFamily } from '../knowledge/entityTypes';
import { isDirectedRelation } from '../knowledge/relationDirection';
import type { ParsedFile } from '../parse/model';
import type { EntityTypeEntry, IdNamespace, RelationTypeEntry, SchemaDocument } from '../schema/schema';
import { corpusProfile, type CorpusProfile } from './corpusProfile';

/** Share of a relation type's rows listed both ways from which it is written symmetric. */
const BOTH_WAYS = 0.8;

export interface LearnedSchema {
  schema: SchemaDocument;
  /** The schema as the file to write: JSON, two-space indents, a final newline. */
  text: string;
}

export function schemaFromFile(file: ParsedFile, source = 'this file'): LearnedSchema {
  const profile = corpusProfile(file);
  const schema: SchemaDocument = {};
  const description = `Learned from ${source}: ${profile.documents} documents, ${profile.mentions} mentions, ${profile.relations} relations. Edit it to say what the corpus allows.`;
  const entityTypes: Record<string, EntityTypeEntry> = {};
  for (const [type, t] of [...profile.types].sort((a, b) => b[1].mentions - a[1].mentions)) {
    const entry: EntityTypeEntry = { family: entityFamily(type) };
    // Every namespace used, the most used first: the schema checks the same file clean, and the user narrows it.
    const namespaces = [...t.namespaces].sort((a, b) => b[1] - a[1]).map(([ns]) => ns as IdNamespace);
    if (namespaces.length) entry.idNamespaces = namespaces;
    if (t.noId === 0 && t.mentions > 0) entry.idOptional = false;
    entityTypes[type] = entry;
  }
  schema.entityTypes = entityTypes;
  const relationTypes: Record<string, RelationTypeEntry> = {};
  for (const [type, r] of [...profile.relationTypes].sort((a, b) => b[1].rows - a[1].rows)) {
    const entry: RelationTypeEntry = {};
    const bothWays = r.eligible > 0 && r.paired >= BOTH_WAYS * r.eligible;
    entry.direction = bothWays || !isDirectedRelation(type) ? 'symmetric' : 'directed';
    const pairs = [...r.arguments].sort((a, b) => b[1] - a[1]).map(([k]) => k.split('\t') as [string, string]);
    const args: [string, string][] = [];
    for (const [a, b] of pairs) {
      // A symmetric type's pair is the same either way round: keep one.
      if (entry.direction === 'symmetric' && args.some(([x, y]) => x === b && y === a)) continue;
      args.push([a, b]);
    }
    if (args.length) entry.arguments = args;
    relationTypes[type] = entry;
  }
  schema.relationTypes = relationTypes;
  const unit = unitOf(profile);
  if (unit) schema.offsetUnit = unit;
  const text = pretty({ description, ...schema }, '') + '\n';
  return { schema, text };
}

function unitOf(p: CorpusProfile): 'codepoint' | 'utf16' | undefined {
  const { codepoint, utf16 } = p.unitEvidence;
  if (codepoint === utf16) return undefined;
  return codepoint > utf16 ? 'codepoint' : 'utf16';
}

/** JSON with two-space indents, short arrays of plain values kept on one line (as people write schema files). */
function pretty(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    const flat = JSON.stringify(value);
    if (flat.length <= 80 && value.every((v) => typeof v !== 'object' || (Array.isArray(v) && v.every((w) => typeof w !== 'object')))) {
      return flat.replace(/","/g, '", "').replace(/\],\[/g, '], [');
    }
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + pretty(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}
