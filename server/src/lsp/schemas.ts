// The corpus schema of each open document: found above the document, resolved
// with what it extends, cached per folder until a schema file changes, and
// its problems said once (a warning and a log line) instead of failing.

import { CHECK_CODES } from '../service/checks/index';
import { resolveSchema, folderOf, type LocatedProblem } from '../service/schema/resolve';
import type { CorpusSchema } from '../service/schema/schema';
import { describe } from './runSafe';
import { SCHEMA_FILE_NAME, type SchemaFiles } from './schemaFiles';

export interface SchemaReport {
  warn(message: string): void;
  error(message: string): void;
}

export class SchemaProvider {
  private readonly byFolder = new Map<string, Promise<CorpusSchema | undefined>>();
  /** Files the cached schemas were read from: a change to one of them matters. */
  private readonly sources = new Set<string>();
  private readonly reported = new Set<string>();

  constructor(private readonly files: SchemaFiles, private readonly report: SchemaReport) {}

  /** The schema that governs the document, if any; never throws. */
  schemaFor(documentUri: string): Promise<CorpusSchema | undefined> {
    // Settings asked for no document (the workspace's own) have no schema.
    if (!documentUri) return Promise.resolve(undefined);
    const folder = folderOf(documentUri);
    let found = this.byFolder.get(folder);
    if (!found) {
      found = this.load(documentUri);
      this.byFolder.set(folder, found);
    }
    return found;
  }

  /** Whether a changed file (its URI) may change a schema. */
  concerns(uri: string): boolean {
    return uri.endsWith('/' + SCHEMA_FILE_NAME) || this.sources.has(uri);
  }

  /** Forgets every schema: they are found and read again on the next request. */
  forget(): void {
    this.byFolder.clear();
    this.sources.clear();
    this.reported.clear();
  }

  private async load(documentUri: string): Promise<CorpusSchema | undefined> {
    try {
      const file = await this.files.find(documentUri);
      if (!file) return undefined;
      const { schema, problems } = await resolveSchema(file, (ref, from) => this.files.read(ref, from));
      for (const s of schema.sources) this.sources.add(s);
      for (const code of Object.keys(schema.checks)) {
        if (!CHECK_CODES.includes(code)) problems.push({ location: file.location, path: `checks.${code}`, message: `is not a check code (${CHECK_CODES.join(', ')})` });
      }
      this.tell(file.location, problems);
      return schema;
    } catch (e) {
      this.report.error(`Reading the PubTator schema for ${documentUri} failed: ${describe(e)}`);
      return undefined;
    }
  }

  private tell(location: string, problems: LocatedProblem[]): void {
    if (problems.length === 0) return;
    const lines = problems.map((p) => `${p.location}${p.path ? ` ${p.path}` : ''}: ${p.message}`);
    const key = lines.join('\n');
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.report.error(`Problems in the PubTator schema ${location}:\n${lines.join('\n')}`);
    this.report.warn(`The PubTator schema ${location} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${lines[0]}${problems.length > 1 ? ' (the rest in the output)' : ''}. What can be used of it is used.`);
  }
}
