// `pubtator fetch`: reads the identifiers, asks PubTator3's export API for
// them (pubtator3Client.ts: batches of 100, 3 requests a second, retries),
// writes the merged answer atomically to -o or to stdout, and names on stderr
// every id the API did not return. Exit 0 when all came, 1 when some did not,
// 2 for a usage or I/O problem. The base URL is PUBTATOR_API_URL when set.

import { promises as fs } from 'node:fs';
import { ExportMerger } from '../service/fetch/exportMerge';
import { DEFAULT_API_URL, exportRequests, parseIds } from '../service/fetch/exportRequests';
import { AtomicFile } from './atomicFile';
import { describeError } from './errors';
import type { FetchCommand } from './fetchArgs';
import { printable } from './format';
import { fetchExports, type ClientOptions } from './pubtator3Client';
import type { Streams } from './runCheck';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runFetch(command: FetchCommand, io: Streams = process, client: ClientOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let text = command.ids.join(' ');
  for (const path of command.idsFrom) {
    try {
      text += `\n${path === '-' ? await readStdin() : await fs.readFile(path, 'utf8')}`;
    } catch (err) {
      io.stderr.write(`pubtator: ${printable(path)}: ${printable(describeError(err))}\n`);
      return 2;
    }
  }
  const ids = parseIds(text);
  if (ids.invalid.length > 0) {
    io.stderr.write(`pubtator: not a PMID or PMCID: ${ids.invalid.slice(0, 10).map((t) => printable(JSON.stringify(t))).join(', ')}${ids.invalid.length > 10 ? ` and ${ids.invalid.length - 10} more` : ''}\n`);
    return 2;
  }
  if (ids.pmids.length + ids.pmcids.length === 0) {
    io.stderr.write('pubtator: no PMIDs or PMCIDs to fetch\n');
    return 2;
  }
  const skipped = command.format === 'pubtator' ? ids.pmcids : [];
  if (skipped.length) io.stderr.write(`pubtator: PMC ids (full text) come only as BioC (--format bioc-xml or bioc-json); not fetched: ${skipped.join(', ')}\n`);
  const base = env.PUBTATOR_API_URL?.trim() || DEFAULT_API_URL;
  const requests = exportRequests(base, command.format, ids);
  const merger = new ExportMerger(command.format);
  const tty = (io.stderr as NodeJS.WriteStream).isTTY === true;
  const outcome = await fetchExports(requests, merger, {
    ...client,
    progress: client.progress ?? (tty && requests.length > 1 ? (done, total) => io.stderr.write(`\rpubtator: fetched ${done}/${total} batches${done === total ? '\n' : ''}`) : undefined),
  });
  for (const f of outcome.failed) io.stderr.write(`pubtator: request failed for ${f.ids.length} id(s) (${f.ids.slice(0, 5).join(', ')}${f.ids.length > 5 ? ', ...' : ''}): ${printable(f.reason)}\n`);
  if (outcome.missing.length) io.stderr.write(`pubtator: not returned by PubTator3 (${outcome.missing.length}): ${outcome.missing.join(', ')}\n`);
  const problems = outcome.failed.length > 0 || outcome.missing.length > 0 || skipped.length > 0;
  if (merger.documents === 0) {
    io.stderr.write('pubtator: no documents fetched; nothing written\n');
    return 1;
  }
  const result = merger.text();
  if (command.output) {
    let file: AtomicFile | undefined;
    try {
      file = await AtomicFile.create(command.output, { gzip: /\.gz$/i.test(command.output) });
      await file.write(result);
      await file.commit();
    } catch (err) {
      await file?.discard();
      io.stderr.write(`pubtator: ${printable(command.output)}: ${printable(describeError(err))}\n`);
      return 2;
    }
  } else if (!io.stdout.write(result)) {
    await new Promise((resolve) => (io.stdout as NodeJS.WritableStream).once('drain', resolve));
  }
  io.stderr.write(`pubtator: ${merger.documents} document(s) fetched${command.output ? ` into ${printable(command.output)}` : ''}\n`);
  return problems ? 1 : 0;
}
