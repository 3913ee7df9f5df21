// Resolves a schema file: its `extends` chain (presets by name, other files by
// path relative to the extending file), merged in order with the file's own
// entries last, so that a corpus extends a family's schema and adds to it.
// Files are read through the caller's reader (the file system in Node, the
// editor's workspace in a browser), so this stays pure.

import { PRESETS } from './presets';
import { compilePattern, readSchema, type SchemaProblem } from './readSchema';
import type { CorpusSchema, EntityTypeDecl, RelationTypeDecl, SchemaDocument } from './schema';

export interface SchemaFile {
  /** A path or URI, as the reader understands it. */
  location: string;
  text: string;
}

/** Reads `ref` (a path or URI written in `extends`) relative to the file at `from`. */
export type SchemaReader = (ref: string, from: string) => Promise<SchemaFile | undefined>;

export interface LocatedProblem extends SchemaProblem {
  location: string;
}

/** How deep `extends` may chain. */
const MAX_DEPTH = 16;

/** The folder part of a path or URI (`/a/b/c.json` → `/a/b`). */
export function folderOf(location: string): string {
  const cut = Math.max(location.lastIndexOf('/'), location.lastIndexOf('\\'));
  return cut <= 0 ? location.slice(0, cut + 1) : location.slice(0, cut);
}

export async function resolveSchema(file: SchemaFile, read: SchemaReader): Promise<{ schema: CorpusSchema; problems: LocatedProblem[] }> {
  const problems: LocatedProblem[] = [];
  const layers: { location: string; doc: SchemaDocument }[] = [];
  const visiting = new Set<string>();

  async function load(location: string, doc: SchemaDocument, depth: number): Promise<void> {
    visiting.add(location);
    for (const ref of doc.extends ?? []) {
      const preset = PRESETS[ref.toLowerCase()];
      if (preset) {
        layers.push({ location: `preset ${ref.toLowerCase()}`, doc: preset });
        continue;
      }
      if (depth >= MAX_DEPTH) {
        problems.push({ location, path: 'extends', message: `extends more than ${MAX_DEPTH} files deep; ${JSON.stringify(ref)} is not read` });
        continue;
      }
      const found = await read(ref, location).catch(() => undefined);
      if (!found) {
        problems.push({ location, path: 'extends', message: `${JSON.stringify(ref)} is neither a preset (${Object.keys(PRESETS).join(', ')}) nor a schema file that can be read` });
        continue;
      }
      if (visiting.has(found.location)) {
        problems.push({ location, path: 'extends', message: `${JSON.stringify(ref)} extends this file again (a loop); it is read once` });
        continue;
      }
      const parsed = readSchema(found.text);
      for (const p of parsed.problems) problems.push({ location: found.location, ...p });
      await load(found.location, parsed.schema, depth + 1);
    }
    layers.push({ location, doc });
  }

  const own = readSchema(file.text);
  for (const p of own.problems) problems.push({ location: file.location, ...p });
  await load(file.location, own.schema, 0);
  return { schema: merge(layers, problems), problems };
}

/** Resolves a schema held in memory (a preset name, or a document), without files. */
export function presetSchema(name: string): CorpusSchema | undefined {
  const preset = PRESETS[name.toLowerCase()];
  return preset ? merge([{ location: `preset ${name.toLowerCase()}`, doc: preset }], []) : undefined;
}

function merge(layers: { location: string; doc: SchemaDocument }[], problems: LocatedProblem[]): CorpusSchema {
  const schema: CorpusSchema = { sources: [], aliases: new Map(), checks: {}, ignore: [], key: '' };
  // The file itself comes last among the layers (what it extends first): name it first.
  if (layers.length) schema.sources = [layers[layers.length - 1].location, ...layers.slice(0, -1).map((l) => l.location)];
  for (const { location, doc } of layers) {
    if (doc.entityTypes) {
      schema.entityTypes ??= new Map();
      for (const [name, entry] of Object.entries(doc.entityTypes)) {
        const decl: EntityTypeDecl = { ...schema.entityTypes.get(name), ...entry, name };
        if (decl.idPattern !== undefined) {
          const p: SchemaProblem[] = [];
          decl.pattern = compilePattern(decl.idPattern, `entityTypes.${name}.idPattern`, p);
        }
        schema.entityTypes.set(name, decl);
      }
    }
    if (doc.entityTypePattern !== undefined) schema.entityTypePattern = compilePattern(doc.entityTypePattern, 'entityTypePattern', []);
    if (doc.relationTypes) {
      schema.relationTypes ??= new Map();
      for (const [name, entry] of Object.entries(doc.relationTypes)) {
        const decl: RelationTypeDecl = { ...schema.relationTypes.get(name), ...entry, name };
        schema.relationTypes.set(name, decl);
      }
    }
    if (doc.offsetUnit) schema.offsetUnit = doc.offsetUnit;
    Object.assign(schema.checks, doc.checks);
    for (const glob of doc.ignore ?? []) schema.ignore.push({ base: folderOf(location), glob });
  }
  for (const decl of schema.entityTypes?.values() ?? []) {
    for (const alias of decl.aliases ?? []) {
      const taken = schema.aliases.get(alias);
      if (taken && taken !== decl.name) problems.push({ location: schema.sources[0], path: `entityTypes.${decl.name}.aliases`, message: `${JSON.stringify(alias)} is already an alias of ${JSON.stringify(taken)}` });
      else if (schema.entityTypes?.has(alias) && alias !== decl.name) problems.push({ location: schema.sources[0], path: `entityTypes.${decl.name}.aliases`, message: `${JSON.stringify(alias)} is a declared type itself` });
      else schema.aliases.set(alias, decl.name);
    }
  }
  schema.key = hash(JSON.stringify(layers.map((l) => [l.location, l.doc])));
  return schema;
}

/** FNV-1a over the text, as 8 hex digits: a short key for what was checked with a schema. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
