// Downloads the current MeSH files from NLM when the user asks: the gzipped
// XML (desc2025.gz ~ 30 MB, supp2025.gz ~ 60 MB) over HTTPS, streamed to a
// temporary file, checked to decompress to MeSH, then moved into place.

import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { MeshInputError, inspectMeshFile } from './mesh/meshFile';
import { checkRemoteUrl } from './safeUrl';

/** NLM's directory of current MeSH XML files. */
export const NLM_MESH_XML_BASE = 'https://nlmpubs.nlm.nih.gov/projects/mesh/MESH_FILES/xmlmesh/';

export type MeshFileKind = 'descriptors' | 'supplementary';

export interface DownloadMeshOptions {
  /** Folder to put the files in (e.g. the extension's global storage). */
  dir: string;
  /** MeSH year; by default the current one (see currentMeshYear), or the year before if NLM has not published it. */
  year?: number;
  kinds?: MeshFileKind[];
  baseUrl?: string;
  fetch?: typeof fetch;
  now?: () => Date;
  signal?: AbortSignal;
  onProgress?(progress: { file: string; bytes: number; totalBytes?: number }): void;
}

export interface DownloadedMesh {
  year: number;
  files: { kind: MeshFileKind; path: string; bytes: number }[];
}

export class MeshDownloadError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'MeshDownloadError';
  }
}

const FILE_PREFIX: Record<MeshFileKind, string> = { descriptors: 'desc', supplementary: 'supp' };
const MAX_REDIRECTS = 5;

/** NLM publishes next year's MeSH in November: from then on it is current. */
export function currentMeshYear(now: Date): number {
  return now.getMonth() >= 10 ? now.getFullYear() + 1 : now.getFullYear();
}

export async function downloadMeshFiles(options: DownloadMeshOptions): Promise<DownloadedMesh> {
  const kinds = options.kinds ?? ['descriptors', 'supplementary'];
  const guess = currentMeshYear((options.now ?? (() => new Date()))());
  const years = options.year ? [options.year] : [guess, guess - 1];
  mkdirSync(options.dir, { recursive: true });
  const files: DownloadedMesh['files'] = [];
  let year: number | undefined;
  for (const kind of kinds) {
    // The first file settles the year; the others must exist for that year.
    const candidates = year ? [year] : years;
    let got: DownloadedMesh['files'][number] | undefined;
    for (const y of candidates) {
      got = await downloadOne(kind, y, options);
      if (got) {
        year = y;
        break;
      }
    }
    if (!got) throw new MeshDownloadError(`NLM has no ${FILE_PREFIX[kind]} file for MeSH ${candidates.join(' or ')}`, 404);
    files.push(got);
  }
  return { year: year!, files };
}

/** Downloads one file, gzipped if NLM has it so; undefined when NLM has neither (404). */
async function downloadOne(kind: MeshFileKind, year: number, options: DownloadMeshOptions) {
  for (const extension of ['.gz', '.xml']) {
    const name = `${FILE_PREFIX[kind]}${year}${extension}`;
    const url = new URL(name, options.baseUrl ?? NLM_MESH_XML_BASE).toString();
    const response = await get(url, options);
    if (response.status === 404) {
      await response.body?.cancel().catch(() => undefined);
      continue;
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel().catch(() => undefined);
      throw new MeshDownloadError(`${url} answered ${response.status} ${response.statusText}`, response.status);
    }
    return save(response, name, kind, url, options);
  }
  return undefined;
}

async function save(response: Response, name: string, kind: MeshFileKind, url: string, options: DownloadMeshOptions) {
  const length = Number(response.headers.get('content-length'));
  const totalBytes = Number.isFinite(length) && length > 0 ? length : undefined;
  const part = join(options.dir, `${name}.${process.pid}-${Date.now()}.part`);
  let out: WriteStream | undefined;
  try {
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        options.onProgress?.({ file: name, bytes, totalBytes });
        done(null, chunk);
      },
    });
    const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
    out = createWriteStream(part);
    await pipeline(body, count, out, { signal: options.signal });
    if (totalBytes !== undefined && bytes !== totalBytes) throw new MeshDownloadError(`${url}: the download stopped after ${bytes} of ${totalBytes} bytes`);
    const gzip = await verify(part, kind, url, options.signal);
    // A server may have decompressed a .gz on the way (Content-Encoding): name the file for what it holds.
    const stem = name.replace(/\.(gz|xml)$/, '');
    const path = join(options.dir, gzip ? `${stem}.gz` : `${stem}.xml`);
    renameSync(part, path);
    return { kind, path, bytes };
  } catch (e) {
    // A cancelled stream may still be opening its file: remove the file only once it is closed,
    // or the open would create it again after the removal.
    if (out && !out.closed) await new Promise<void>((resolve) => out!.once('close', () => resolve()));
    rmSync(part, { force: true });
    throw e;
  }
}

/** Follows redirects by hand so that each hop is checked to be HTTPS. */
async function get(url: string, options: DownloadMeshOptions): Promise<Response> {
  const fetchImpl = options.fetch ?? fetch;
  let next = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const checked = checkRemoteUrl(next);
    if (checked instanceof Error) throw new MeshDownloadError(checked.message);
    let response: Response;
    try {
      response = await fetchImpl(checked, { redirect: 'manual', signal: options.signal });
    } catch (e) {
      if ((e as Error).name === 'AbortError') throw e;
      throw new MeshDownloadError(`cannot reach ${checked.host}: ${(e as Error).message}`);
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      await response.body?.cancel().catch(() => undefined);
      next = new URL(location, checked).toString();
      continue;
    }
    return response;
  }
  throw new MeshDownloadError(`${url}: too many redirects`);
}

/** The file must be MeSH of the expected kind and decompress to its end (gzip CRC). */
async function verify(path: string, kind: MeshFileKind, url: string, signal?: AbortSignal): Promise<boolean> {
  let info;
  try {
    info = inspectMeshFile(path);
  } catch (e) {
    throw new MeshDownloadError(`${url} did not give a MeSH file: ${(e as MeshInputError).message}`);
  }
  const expected = kind === 'descriptors' ? 'descriptor' : 'supplementary';
  if (info.kind !== expected) throw new MeshDownloadError(`${url} gave MeSH ${info.kind} records, not ${expected} records`);
  if (!info.gzip) return false;
  const sink = new Writable({ write: (_c, _e, done) => done() });
  try {
    await pipeline(createReadStream(path), createGunzip(), sink, { signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new MeshDownloadError(`${url}: the file does not decompress (${(e as Error).message})`);
  }
  return true;
}
