// The corpus schema for each file the command line checks: the file named by
// --schema for every input, else the nearest pubtator.schema.json above the
// input (above the current folder for stdin), as the editor finds it.
// Resolved once per folder. Its problems are said once on stderr; what can be
// used of the schema is used.

import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { CHECK_CODES } from '../service/checks/index';
import { resolveSchema, type LocatedProblem, type SchemaFile } from '../service/schema/resolve';
import type { CorpusSchema } from '../service/schema/schema';

const SCHEMA_FILE_NAME = 'pubtator.schema.json';

export interface SchemaFor {
  schema?: CorpusSchema;
  /** Problems of the schema, worded for stderr; empty when none (or said already). */
  problems: string[];
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function read(ref: string, from: string): Promise<SchemaFile | undefined> {
  const path = isAbsolute(ref) ? ref : resolve(dirname(from), ref);
  const text = await readText(path);
  return text === undefined ? undefined : { location: path, text };
}

export class CliSchemas {
  private readonly byFolder = new Map<string, Promise<SchemaFor>>();
  private readonly told = new Set<string>();

  /** `given`: the --schema path, if any. */
  constructor(private readonly given?: string) {}

  /** The schema over an input (undefined path: stdin). Never rejects. */
  async forInput(path: string | undefined): Promise<SchemaFor> {
    const folder = this.given !== undefined ? '' : path === undefined ? resolve('.') : isFolder(path) ? resolve(path) : dirname(resolve(path));
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.load(folder);
      this.byFolder.set(folder, found);
    }
    const result = await found;
    // Problems once per schema file, however many inputs it governs.
    const key = result.schema?.sources[0] ?? folder;
    if (this.told.has(key)) return { schema: result.schema, problems: [] };
    this.told.add(key);
    return result;
  }

  /** The schema file --schema names cannot be read at all: a usage problem, said before any output. */
  async checkGiven(): Promise<string | undefined> {
    if (this.given === undefined) return undefined;
    return (await readText(resolve(this.given))) === undefined ? `--schema ${this.given}: the file cannot be read` : undefined;
  }

  private async load(folder: string): Promise<SchemaFor> {
    const file = this.given !== undefined ? await read(this.given, join(resolve('.'), 'x')) : await nearest(folder);
    if (!file) return { problems: [] };
    const { schema, problems } = await resolveSchema(file, read);
    for (const code of Object.keys(schema.checks)) {
      if (!CHECK_CODES.includes(code)) problems.push({ location: file.location, path: `checks.${code}`, message: 'is not a check code (see: pubtator checks)' });
    }
    return { schema, problems: problems.map(worded) };
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function nearest(folder: string): Promise<SchemaFile | undefined> {
  for (let dir = folder; ; dir = dirname(dir)) {
    const path = join(dir, SCHEMA_FILE_NAME);
    const text = await readText(path);
    if (text !== undefined) return { location: path, text };
    if (dirname(dir) === dir) return undefined;
  }
}

function worded(p: LocatedProblem): string {
  return `schema ${p.location}${p.path ? ` ${p.path}` : ''}: ${p.message}`;
}
