// A corpus schema: what a corpus declares about itself in a pubtator.schema.json
// (entity types with their family and id namespaces, relation types with their
// argument types and direction, the offset unit, check levels, files to
// ignore), as written (SchemaDocument) and as resolved for the checks, once
// `extends` and aliases are worked out (CorpusSchema).

import type { EntityFamily } from '../knowledge/entityTypes';
import type { OffsetUnit, SeverityName } from '../types';

/** Id namespaces a schema may name; see idNamespaces.ts for what each accepts. */
export const ID_NAMESPACES = [
  'MESH', 'OMIM', 'NCBIGene', 'NCBITaxon', 'Cellosaurus', 'dbSNP', 'ChEBI', 'UMLS', 'tmVar', 'HGVS', 'number', 'other',
] as const;
export type IdNamespace = (typeof ID_NAMESPACES)[number];

export const FAMILIES: readonly EntityFamily[] = ['chemical', 'disease', 'gene', 'species', 'variant', 'cellline', 'other'];

/** An entity type as a schema file writes it. */
export interface EntityTypeEntry {
  family?: EntityFamily;
  /** Other spellings rows may use for this type (`Gene` for `GeneOrGeneProduct`). */
  aliases?: string[];
  /** Namespaces its ids come from; an id of another namespace is reported. */
  idNamespaces?: IdNamespace[];
  /** A regular expression every part of its ids must match. */
  idPattern?: string;
  /** Whether rows of this type may have no id (`-1`, `-`, empty); true unless said. */
  idOptional?: boolean;
  description?: string;
}

/** A relation type as a schema file writes it. */
export interface RelationTypeEntry {
  /**
   * The entity types (or families, or `*`) its two concepts may have, as
   * pairs; for a symmetric type, either order.
   */
  arguments?: [string, string][];
  /** `directed`: the first concept acts on the second; `symmetric`: the order means nothing. */
  direction?: 'directed' | 'symmetric';
  description?: string;
}

/** A schema file's content. */
export interface SchemaDocument {
  $schema?: string;
  /** A preset name (`biored`) or a path to another schema file, or several, applied in order. */
  extends?: string | string[];
  entityTypes?: Record<string, EntityTypeEntry>;
  /** A regular expression for entity types not listed (MedMentions' `T038,T047`). */
  entityTypePattern?: string;
  relationTypes?: Record<string, RelationTypeEntry>;
  offsetUnit?: OffsetUnit;
  checks?: Record<string, SeverityName>;
  /** Files below the schema's folder not to check (globs: `**`, `*`, `?`). */
  ignore?: string[];
}

export interface EntityTypeDecl extends EntityTypeEntry {
  name: string;
  /** idPattern compiled; absent when none or invalid (the schema's problems say so). */
  pattern?: RegExp;
}

export interface RelationTypeDecl extends RelationTypeEntry {
  name: string;
}

/** A schema resolved: presets and extended files merged in, later entries winning. */
export interface CorpusSchema {
  /** Where it comes from: the schema file's URI or path, then what it extends, for messages. */
  sources: string[];
  /** Declared entity types, when the schema declares any (then the list is closed). */
  entityTypes?: Map<string, EntityTypeDecl>;
  /** Alias (as written) → declared type. */
  aliases: Map<string, string>;
  entityTypePattern?: RegExp;
  relationTypes?: Map<string, RelationTypeDecl>;
  offsetUnit?: OffsetUnit;
  checks: Record<string, SeverityName>;
  /** Globs, each with the folder it is relative to. */
  ignore: { base: string; glob: string }[];
  /** Identifies the content, for caches of what was checked with it. */
  key: string;
}

/** The declaration a row's type falls under (directly, by alias, or by the type pattern), or undefined. */
export function declaredType(schema: CorpusSchema, type: string): EntityTypeDecl | 'pattern' | undefined {
  const t = type.trim();
  const types = schema.entityTypes;
  if (!types) return undefined;
  const direct = types.get(t) ?? types.get(schema.aliases.get(t) ?? '');
  if (direct) return direct;
  return schema.entityTypePattern?.test(t) ? 'pattern' : undefined;
}

/** Whether the schema closes the list of entity types (rows of another type are errors). */
export function declaresEntityTypes(schema: CorpusSchema | undefined): schema is CorpusSchema & { entityTypes: Map<string, EntityTypeDecl> } {
  return schema?.entityTypes !== undefined;
}

export function declaresRelationTypes(schema: CorpusSchema | undefined): schema is CorpusSchema & { relationTypes: Map<string, RelationTypeDecl> } {
  return schema?.relationTypes !== undefined;
}

/** The family a schema gives a type, when it gives one. */
export function declaredFamily(schema: CorpusSchema | undefined, type: string): EntityFamily | undefined {
  if (!schema) return undefined;
  const decl = declaredType(schema, type);
  return decl && decl !== 'pattern' ? decl.family : undefined;
}
