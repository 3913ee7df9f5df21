// Finding and reading corpus schema files (pubtator.schema.json) for the
// documents the editor opens. Where the server has a disk (Node, file: URIs)
// it reads the disk; elsewhere (a browser web worker, github.dev's virtual
// files) it asks the client, which reads through vscode.workspace.fs
// (client/src/schemaFiles.ts). A client that does not answer (Neovim) simply
// means no schema.

import type { Connection } from 'vscode-languageserver';
import type { SchemaFile } from '../service/schema/resolve';

/** The schema file's name, looked for from a document's folder up. */
export const SCHEMA_FILE_NAME = 'pubtator.schema.json';
/** Client requests: `{ uri }` → the nearest schema file above it; `{ ref, from }` → a file `extends` names. */
export const FIND_SCHEMA_REQUEST = 'pubtator/findSchema';
export const READ_SCHEMA_REQUEST = 'pubtator/readSchema';

export interface SchemaFiles {
  /** The nearest schema file above the document, or undefined. */
  find(documentUri: string): Promise<SchemaFile | undefined>;
  /** A file `extends` names (`ref`), relative to the schema file at `from`. */
  read(ref: string, from: string): Promise<SchemaFile | undefined>;
}

function asSchemaFile(value: unknown): SchemaFile | undefined {
  const v = value as { location?: unknown; text?: unknown } | null;
  return v && typeof v.location === 'string' && typeof v.text === 'string' ? { location: v.location, text: v.text } : undefined;
}

/** Schema files through the client (any workspace VS Code can open). */
export function clientSchemaFiles(connection: Connection): SchemaFiles {
  return {
    find: (uri) => connection.sendRequest(FIND_SCHEMA_REQUEST, { uri }).then(asSchemaFile, () => undefined),
    read: (ref, from) => connection.sendRequest(READ_SCHEMA_REQUEST, { ref, from }).then(asSchemaFile, () => undefined),
  };
}
