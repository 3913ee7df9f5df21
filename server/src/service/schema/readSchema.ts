// Reads a schema file's text: JSON, checked field by field. Anything it cannot
// use is a problem with the path of the field (the editor also validates the
// file against schemas/pubtator.schema.json as it is written); what it can use
// is kept, so one bad entry does not lose the rest.

import { CHECK_LEVELS } from './levels';
import { FAMILIES, ID_NAMESPACES, type EntityTypeEntry, type RelationTypeEntry, type SchemaDocument } from './schema';

export interface SchemaProblem {
  /** Where in the file: `entityTypes.Gene.family`, or empty for the whole file. */
  path: string;
  message: string;
}

const TOP = new Set(['$schema', 'extends', 'entityTypes', 'entityTypePattern', 'relationTypes', 'offsetUnit', 'checks', 'ignore', 'description']);
const ENTITY_FIELDS = new Set(['family', 'aliases', 'idNamespaces', 'idPattern', 'idOptional', 'description']);
const RELATION_FIELDS = new Set(['arguments', 'direction', 'description']);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown, path: string, problems: SchemaProblem[]): string[] | undefined {
  if (v === undefined) return undefined;
  const list = typeof v === 'string' ? [v] : v;
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string')) {
    problems.push({ path, message: 'must be a string or a list of strings' });
    return undefined;
  }
  return list;
}

/** A regular expression from a schema field, or a problem. */
export function compilePattern(source: string, path: string, problems: SchemaProblem[]): RegExp | undefined {
  try {
    return new RegExp(source.startsWith('^') ? source : `^(?:${source})$`);
  } catch (e) {
    problems.push({ path, message: `is not a regular expression: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
}

function readEntity(name: string, v: unknown, problems: SchemaProblem[]): EntityTypeEntry | undefined {
  const path = `entityTypes.${name}`;
  if (v === null || v === true) return {};
  if (!isObject(v)) {
    problems.push({ path, message: 'must be an object (or {} for a type with nothing more to say)' });
    return undefined;
  }
  const out: EntityTypeEntry = {};
  for (const key of Object.keys(v)) if (!ENTITY_FIELDS.has(key)) problems.push({ path: `${path}.${key}`, message: 'is not a field of an entity type' });
  if (v.family !== undefined) {
    if (typeof v.family === 'string' && (FAMILIES as readonly string[]).includes(v.family)) out.family = v.family as EntityTypeEntry['family'];
    else problems.push({ path: `${path}.family`, message: `must be one of ${FAMILIES.join(', ')}` });
  }
  const aliases = stringList(v.aliases, `${path}.aliases`, problems);
  if (aliases) out.aliases = aliases;
  const ns = stringList(v.idNamespaces, `${path}.idNamespaces`, problems);
  if (ns) {
    const bad = ns.filter((n) => !(ID_NAMESPACES as readonly string[]).includes(n));
    if (bad.length) problems.push({ path: `${path}.idNamespaces`, message: `${bad.map((b) => JSON.stringify(b)).join(', ')}: namespaces are ${ID_NAMESPACES.join(', ')}` });
    out.idNamespaces = ns.filter((n) => !bad.includes(n)) as EntityTypeEntry['idNamespaces'];
  }
  if (v.idPattern !== undefined) {
    if (typeof v.idPattern === 'string' && compilePattern(v.idPattern, `${path}.idPattern`, problems)) out.idPattern = v.idPattern;
    else if (typeof v.idPattern !== 'string') problems.push({ path: `${path}.idPattern`, message: 'must be a regular expression, as a string' });
  }
  if (v.idOptional !== undefined) {
    if (typeof v.idOptional === 'boolean') out.idOptional = v.idOptional;
    else problems.push({ path: `${path}.idOptional`, message: 'must be true or false' });
  }
  if (typeof v.description === 'string') out.description = v.description;
  return out;
}

function readRelation(name: string, v: unknown, problems: SchemaProblem[]): RelationTypeEntry | undefined {
  const path = `relationTypes.${name}`;
  if (v === null || v === true) return {};
  if (!isObject(v)) {
    problems.push({ path, message: 'must be an object (or {} for a type with nothing more to say)' });
    return undefined;
  }
  const out: RelationTypeEntry = {};
  for (const key of Object.keys(v)) if (!RELATION_FIELDS.has(key)) problems.push({ path: `${path}.${key}`, message: 'is not a field of a relation type' });
  if (v.arguments !== undefined) {
    const ok = Array.isArray(v.arguments) && v.arguments.every((p) => Array.isArray(p) && p.length === 2 && p.every((x) => typeof x === 'string'));
    if (ok) out.arguments = v.arguments as [string, string][];
    else problems.push({ path: `${path}.arguments`, message: 'must be a list of pairs of entity types, such as [["Chemical", "Disease"]]' });
  }
  if (v.direction !== undefined) {
    if (v.direction === 'directed' || v.direction === 'symmetric') out.direction = v.direction;
    else problems.push({ path: `${path}.direction`, message: 'must be "directed" or "symmetric"' });
  }
  if (typeof v.description === 'string') out.description = v.description;
  return out;
}

/** The usable part of a schema file, and what is wrong with the rest. */
export function readSchema(text: string): { schema: SchemaDocument; problems: SchemaProblem[] } {
  const problems: SchemaProblem[] = [];
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { schema: {}, problems: [{ path: '', message: `is not JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (!isObject(json)) return { schema: {}, problems: [{ path: '', message: 'must hold one JSON object' }] };
  const schema: SchemaDocument = {};
  for (const key of Object.keys(json)) if (!TOP.has(key)) problems.push({ path: key, message: 'is not a field of a PubTator schema' });
  if (typeof json.$schema === 'string') schema.$schema = json.$schema;
  const ext = stringList(json.extends, 'extends', problems);
  if (ext) schema.extends = ext;
  if (json.entityTypes !== undefined) {
    if (isObject(json.entityTypes)) {
      schema.entityTypes = {};
      for (const [name, v] of Object.entries(json.entityTypes)) {
        const entry = readEntity(name, v, problems);
        if (entry) schema.entityTypes[name] = entry;
      }
    } else problems.push({ path: 'entityTypes', message: 'must be an object: type name → its declaration' });
  }
  if (json.entityTypePattern !== undefined) {
    if (typeof json.entityTypePattern === 'string' && compilePattern(json.entityTypePattern, 'entityTypePattern', problems)) schema.entityTypePattern = json.entityTypePattern;
    else if (typeof json.entityTypePattern !== 'string') problems.push({ path: 'entityTypePattern', message: 'must be a regular expression, as a string' });
  }
  if (json.relationTypes !== undefined) {
    if (isObject(json.relationTypes)) {
      schema.relationTypes = {};
      for (const [name, v] of Object.entries(json.relationTypes)) {
        const entry = readRelation(name, v, problems);
        if (entry) schema.relationTypes[name] = entry;
      }
    } else problems.push({ path: 'relationTypes', message: 'must be an object: type name → its declaration' });
  }
  if (json.offsetUnit !== undefined) {
    if (json.offsetUnit === 'codepoint' || json.offsetUnit === 'utf16') schema.offsetUnit = json.offsetUnit;
    else problems.push({ path: 'offsetUnit', message: 'must be "codepoint" or "utf16"' });
  }
  if (json.checks !== undefined) {
    if (isObject(json.checks)) {
      schema.checks = {};
      for (const [code, level] of Object.entries(json.checks)) {
        if (typeof level === 'string' && (CHECK_LEVELS as readonly string[]).includes(level)) schema.checks[code] = level as (typeof CHECK_LEVELS)[number];
        else problems.push({ path: `checks.${code}`, message: `must be one of ${CHECK_LEVELS.join(', ')}` });
      }
    } else problems.push({ path: 'checks', message: 'must be an object: check code → level' });
  }
  const ignore = stringList(json.ignore, 'ignore', problems);
  if (ignore) schema.ignore = ignore;
  return { schema, problems };
}
