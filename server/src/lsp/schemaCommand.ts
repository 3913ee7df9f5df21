// "PubTator: Create Schema from This File": the server works out the file's
// conventions as a schema (service/features/schemaFromFile.ts) and hands the
// text to the client, which writes it where the user can see it.

import type { ServerContext } from './serverContext';

/** Server command: arguments `[{ uri }]`, answer `{ text }` or `{ error }`. */
export const CREATE_SCHEMA_COMMAND = 'pubtator.learnSchema';

export function registerSchemaCommand(ctx: ServerContext): void {
  ctx.commands.add(CREATE_SCHEMA_COMMAND, async (args) => {
    const uri = (args[0] as { uri?: unknown } | undefined)?.uri;
    const doc = typeof uri === 'string' ? ctx.documents.get(uri) : undefined;
    if (!doc) return { error: 'The file is not open in the editor.' };
    const name = decodeURIComponent(doc.uri.slice(doc.uri.lastIndexOf('/') + 1));
    return { text: ctx.service.schemaFromFile(ctx.fileOf(doc), name).text };
  });
}
