// One input file as users download it from NLM: XML or ASCII, descriptors or
// supplementary records, gzipped or not. What it is comes from its content
// (a renamed or re-compressed file still works); its MeSH year from its name.

import { closeSync, openSync, readSync, statSync, createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { pipeline } from 'node:stream/promises';
import { createGunzip, gunzipSync, constants as zlibConstants } from 'node:zlib';
import { MeshAsciiReader } from './asciiReader';
import { MeshRecordKind, MeshSourceRecord } from './record';
import { MeshXmlReader } from './xmlReader';

export type YearSource = 'file-name' | 'dtd' | 'date-created';

export interface MeshFileInfo {
  path: string;
  format: 'xml' | 'ascii';
  kind: MeshRecordKind;
  gzip: boolean;
  /** Bytes on disk (compressed when gzipped). */
  size: number;
  /** From `desc2025.xml`, `supp2025.gz`, `d2025.bin`, `c2025.bin`. */
  nameYear?: number;
}

export interface MeshFileResult {
  records: number;
  /** Records without a UI or name, and qualifier records in an ASCII file. */
  skipped: number;
  year?: number;
  yearSource?: YearSource;
}

/** Input that is not a MeSH file, or is damaged: the message names the file. */
export class MeshInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MeshInputError';
  }
}

const SNIFF_BYTES = 64 * 1024;

export function inspectMeshFile(path: string): MeshFileInfo {
  const name = basename(path);
  let size: number;
  let head: Buffer;
  try {
    size = statSync(path).size;
    const fd = openSync(path, 'r');
    try {
      head = Buffer.alloc(Math.min(SNIFF_BYTES, size));
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    throw new MeshInputError(`${name}: cannot be read (${(e as Error).message})`);
  }
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  let text: string;
  try {
    text = (gzip ? gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH }) : head).toString('utf8');
  } catch {
    throw new MeshInputError(`${name}: damaged gzip data`);
  }
  const sniffed = sniff(text.replace(/^\uFEFF/, '').trimStart());
  if (typeof sniffed === 'string') throw new MeshInputError(`${name}: ${sniffed}`);
  return { path, ...sniffed, gzip, size, nameYear: yearFromName(name) };
}

function sniff(text: string): Pick<MeshFileInfo, 'format' | 'kind'> | string {
  if (text.startsWith('<')) {
    const root = /<(DescriptorRecordSet|SupplementalRecordSet|QualifierRecordSet|PharmacologicalActionSet)\b/.exec(text)?.[1];
    if (root === 'DescriptorRecordSet') return { format: 'xml', kind: 'descriptor' };
    if (root === 'SupplementalRecordSet') return { format: 'xml', kind: 'supplementary' };
    if (root) return `a MeSH ${root} file; give the descriptor (desc) and supplementary (supp) files`;
    return 'XML, but not MeSH descriptors (DescriptorRecordSet) or supplementary records (SupplementalRecordSet)';
  }
  if (text.startsWith('*NEWRECORD')) {
    const type = /^RECTYPE = ([A-Z])/m.exec(text)?.[1] ?? (/^MH = /m.test(text) ? 'D' : /^NM = /m.test(text) ? 'C' : '');
    if (type === 'D') return { format: 'ascii', kind: 'descriptor' };
    if (type === 'C') return { format: 'ascii', kind: 'supplementary' };
    return 'ASCII MeSH, but not descriptors (d) or supplementary records (c); qualifier files are not needed';
  }
  return 'not a MeSH file (expected NLM XML such as desc2025.xml or ASCII such as d2025.bin, gzipped or not)';
}

/** `desc2025.xml`, `supp2025.gz`, `d2025.bin`, `c2025.bin.gz` -> 2025. */
export function yearFromName(name: string): number | undefined {
  const m = /(?:^|[^a-z])(?:desc|supp|d|c)(\d{4})(?=\.|$)/i.exec(name);
  const year = m ? Number(m[1]) : NaN;
  return year >= 1960 && year <= 2200 ? year : undefined;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Bytes of the file on disk read so far (compressed bytes for .gz). */
  onBytes?(bytesRead: number): void;
}

/** Streams one file through its reader; memory stays constant whatever its size. */
export async function readMeshFile(
  info: MeshFileInfo,
  onRecord: (r: MeshSourceRecord) => void,
  options: ReadOptions = {},
): Promise<MeshFileResult> {
  const name = basename(info.path);
  let newestCreated = 0;
  let records = 0;
  const emit = (r: MeshSourceRecord) => {
    records++;
    if (r.createdYear && r.createdYear > newestCreated) newestCreated = r.createdYear;
    onRecord(r);
  };
  const reader = info.format === 'xml' ? new MeshXmlReader(emit) : new MeshAsciiReader(emit);
  const raw = createReadStream(info.path, { highWaterMark: 256 * 1024 });
  const decoder = new StringDecoder('utf8'); // keeps a character split between chunks whole
  const consume = async (source: AsyncIterable<Buffer>) => {
    let first = true;
    for await (const chunk of source) {
      const text = decoder.write(chunk);
      reader.write(first ? text.replace(/^\uFEFF/, '') : text);
      first &&= text.length === 0;
      options.onBytes?.(raw.bytesRead);
    }
    reader.write(decoder.end());
    reader.end();
  };
  try {
    if (info.gzip) await pipeline(raw, createGunzip(), consume, { signal: options.signal });
    else await pipeline(raw, consume, { signal: options.signal });
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.name === 'AbortError') throw err;
    if (err.code?.startsWith('Z_') || err.code === 'ERR_ZLIB') throw new MeshInputError(`${name}: damaged or truncated gzip data (${err.message})`);
    throw new MeshInputError(`${name}: ${err.message}`);
  }
  if (records === 0) throw new MeshInputError(`${name}: no MeSH ${info.kind} records found`);
  const dtdYear = reader instanceof MeshXmlReader ? reader.dtdYear : undefined;
  const year = info.nameYear ?? dtdYear ?? (newestCreated || undefined);
  const yearSource: YearSource | undefined = info.nameYear ? 'file-name' : dtdYear ? 'dtd' : newestCreated ? 'date-created' : undefined;
  return { records, skipped: reader.skipped, year, yearSource };
}
