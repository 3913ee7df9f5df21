// `pubtator fetch`: reads the identifiers, asks PubTator3's export API for
// them (service/fetch/exportClient.ts: batches of 100, 3 requests a second, retries),
// writes the merged answer atomically to -o or to stdout, and names on stderr
// every id the API did not return. Exit 0 when all came, 1 when some did not,
// 2 for a usage or I/O problem. The base URL is PUBTATOR_API_URL when set.
// Documents fetched before (within --cache-max-age, 7 days by default) come
// from the cache on disk (node/fetchDiskCache.ts) without a request.

import { promises as fs } from 'node:fs';
import { DEFAULT_API_URL, parseIds } from '../service/fetch/exportRequests';
import { fetchDocuments, type FetchOptions } from '../service/fetch/fetchDocuments';
import { defaultFetchCacheDir, FetchDiskCache } from '../node/fetchDiskCache';
import { AtomicFile } from './atomicFile';
import { describeError } from './errors';
import type { FetchCommand } from './fetchArgs';
import { printable } from './format';
import type { Streams } from './runCheck';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runFetch(command: FetchCommand, io: Streams = process, client: FetchOptions = {}, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let text = command.ids.join(' ');
  for (const path of command.idsFrom) {
    try {
      text += `\n${path === '-' ? await readStdin() : await fs.readFile(path, 'utf8')}`;
    } catch (err) {
      io.stderr.write(`pubtator: ${printable(path)}: ${printable(describeError(err))}\n`);
      return 2;
    }
  }
  const given = parseIds(text);
  if (given.pmids.length + given.pmcids.length + given.invalid.length === 0) {
    io.stderr.write('pubtator: no PMIDs or PMCIDs to fetch\n');
    return 2;
  }
  const base = env.PUBTATOR_API_URL?.trim() || DEFAULT_API_URL;
  const tty = (io.stderr as NodeJS.WriteStream).isTTY === true;
  let cacheWarned = false;
  const cache = !command.cache ? undefined : new FetchDiskCache(command.cacheDir ?? defaultFetchCacheDir(env), { maxAgeMs: command.cacheMaxAgeMs }, (message) => {
    // Said once: a cache that cannot be written costs requests, not the fetch.
    if (!cacheWarned) io.stderr.write(`${tty ? '\n' : ''}pubtator: ${printable(message)}\n`);
    cacheWarned = true;
  });
  const report = await fetchDocuments(text, command.format, base, {
    cache,
    ...client,
    progress: client.progress ?? (tty ? (done, total) => io.stderr.write(`\rpubtator: fetched ${done}/${total} batches${done === total ? '\n' : ''}`) : undefined),
  });
  await cache?.prune();
  if (report.invalid.length > 0) {
    io.stderr.write(`pubtator: not a PMID or PMCID: ${report.invalid.slice(0, 10).map((t) => printable(JSON.stringify(t))).join(', ')}${report.invalid.length > 10 ? ` and ${report.invalid.length - 10} more` : ''}\n`);
    return 2;
  }
  if (report.skipped.length) io.stderr.write(`pubtator: PMC ids (full text) come only as BioC (--format bioc-xml or bioc-json); not fetched: ${report.skipped.join(', ')}\n`);
  for (const f of report.failed) io.stderr.write(`pubtator: request failed for ${f.ids.length} id(s) (${f.ids.slice(0, 5).join(', ')}${f.ids.length > 5 ? ', ...' : ''}): ${printable(f.reason)}\n`);
  if (report.missing.length) io.stderr.write(`pubtator: not returned by PubTator3 (${report.missing.length}): ${report.missing.join(', ')}\n`);
  const problems = report.failed.length > 0 || report.missing.length > 0 || report.skipped.length > 0;
  if (report.documents === 0) {
    io.stderr.write('pubtator: no documents fetched; nothing written\n');
    return 1;
  }
  const result = report.text;
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
  const fromCache = report.cached > 0 ? ` (${report.cached} from the cache)` : '';
  io.stderr.write(`pubtator: ${report.documents} document(s) fetched${fromCache}${command.output ? ` into ${printable(command.output)}` : ''}\n`);
  return problems ? 1 : 0;
}
