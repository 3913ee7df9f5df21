// `pubtator schema FILE`: the conventions one PubTator file follows (entity
// types with their families and id namespaces, relation types with the types
// they join and their direction, the offset unit) printed as a
// pubtator.schema.json to start from, as the editor's "Create Schema from This
// File" writes it. The whole file is read into memory (a schema is learned
// from all of it).

import { basename } from 'node:path';
import { parsePubtator } from '../service/parse/parseFile';
import { schemaFromFile } from '../service/features/schemaFromFile';
import { describeError } from './errors';
import { printable } from './format';
import { readInput } from './readInput';
import type { Streams } from './runCheck';

export async function runSchema(path: string, io: Streams = process): Promise<number> {
  const stdin = path === '-';
  const parts: string[] = [];
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  try {
    await readInput({ path, gzip: /\.gz$/i.test(path), stdin }, { raw: 0, text: 0 }, (bytes) => {
      parts.push(decoder.decode(bytes, { stream: true }));
    });
    parts.push(decoder.decode());
  } catch (err) {
    io.stderr.write(`pubtator: ${printable(path)}: ${printable(describeError(err))}\n`);
    return 2;
  }
  const file = parsePubtator(parts.join(''));
  if (file.documents.length === 0) {
    io.stderr.write(`pubtator: ${printable(path)}: not a PubTator file (no document in it); no schema written\n`);
    return 2;
  }
  io.stdout.write(schemaFromFile(file, stdin ? 'stdin' : basename(path)).text);
  return 0;
}
