// `pubtator agree A B [C ...]`: reads each annotator's input whole (a file,
// a .gz, a folder of them joined, or - for stdin), then prints the pairwise
// scores and the token agreement. Exit status 0, or 2 for an input that could
// not be read.

import type { AgreeCommand } from './agreeArgs';
import { reportJson, reportText } from './agreeFormat';
import { discover } from './discover';
import { describeError } from './errors';
import { printable } from './format';
import { readInput } from './readInput';
import type { Streams } from './runCheck';
import { CliSchemas } from './schemaOption';
import { agreeFiles } from '../service/agreement/agreeFiles';
import { symmetryRule } from '../service/compare/symmetry';
import { parsePubtator } from '../service/parse/parseFile';
import type { ParsedFile } from '../service/parse/model';

/** One input's text: its files (a folder's, in discovery order) joined by a blank line. */
export async function readWhole(path: string, io: Streams): Promise<string | undefined> {
  const found = await discover([path]);
  for (const p of found.problems) io.stderr.write(`pubtator: ${printable(p.path)}: ${printable(p.reason)}\n`);
  if (found.problems.length) return undefined;
  if (found.files.length === 0) {
    io.stderr.write(`pubtator: ${printable(path)}: no PubTator files (*.pubtator, *PubTator*.txt or their .gz) in this folder\n`);
    return undefined;
  }
  const texts: string[] = [];
  for (const file of found.files) {
    const decoder = new TextDecoder('utf-8', { ignoreBOM: false });
    const parts: string[] = [];
    try {
      await readInput(file, { raw: 0, text: 0 }, (bytes) => { parts.push(decoder.decode(bytes, { stream: true })); });
      parts.push(decoder.decode());
    } catch (err) {
      io.stderr.write(`pubtator: ${printable(file.path)}: ${printable(describeError(err))}\n`);
      return undefined;
    }
    texts.push(parts.join(''));
  }
  return texts.join('\n\n');
}

export async function runAgree(cmd: AgreeCommand, io: Streams = process): Promise<number> {
  const files: ParsedFile[] = [];
  for (const path of cmd.paths) {
    const text = await readWhole(path, io);
    if (text === undefined) return 2;
    files.push(parsePubtator(text));
  }
  const { schema, problems } = await new CliSchemas().forInput(cmd.paths[0] === '-' ? undefined : cmd.paths[0]);
  for (const p of problems) io.stderr.write(`pubtator: ${printable(p)}\n`);
  const report = agreeFiles(files, {
    match: cmd.match,
    documents: cmd.documents,
    entityTypes: cmd.entityTypes ? new Set(cmd.entityTypes) : undefined,
    relationTypes: cmd.relationTypes ? new Set(cmd.relationTypes) : undefined,
    symmetric: symmetryRule({ symmetric: cmd.symmetric, directed: cmd.directed, schema: (type) => schema?.relationTypes?.get(type)?.direction }),
    byDocument: cmd.byDocument,
  });
  if (cmd.json) io.stdout.write(reportJson(cmd.paths, report).map((l) => l + '\n').join(''));
  else io.stdout.write(reportText(cmd.paths, report));
  return 0;
}
