// Schema files on the disk, for the Node server: from a file: document's
// folder up to the root, the first pubtator.schema.json; `extends` paths
// relative to the extending file. Locations are file: URIs, like the
// documents'. Other schemes go to the client.

import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { URI } from 'vscode-uri';
import type { SchemaFile } from '../service/schema/resolve';
import { SCHEMA_FILE_NAME, type SchemaFiles } from './schemaFiles';

async function readText(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function nodeSchemaFiles(client: SchemaFiles): SchemaFiles {
  return {
    async find(documentUri) {
      const uri = URI.parse(documentUri);
      if (uri.scheme !== 'file') return client.find(documentUri);
      let dir = dirname(uri.fsPath);
      for (;;) {
        const path = join(dir, SCHEMA_FILE_NAME);
        const text = await readText(path);
        if (text !== undefined) return { location: URI.file(path).toString(), text };
        const up = dirname(dir);
        if (up === dir) return undefined;
        dir = up;
      }
    },
    async read(ref, from) {
      const base = URI.parse(from);
      if (base.scheme !== 'file') return client.read(ref, from);
      const path = isAbsolute(ref) ? ref : resolve(dirname(base.fsPath), ref);
      const text = await readText(path);
      return text === undefined ? undefined : { location: URI.file(path).toString(), text } as SchemaFile;
    },
  };
}
