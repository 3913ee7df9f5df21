// The offline MeSH index: built once from NLM's files (streamed, so memory
// stays small whatever their size), then opened lazily for hover and checks.
//
//   const result = await buildMeshIndex(['desc2025.gz', 'supp2025.gz'], indexPath, { onProgress, signal });
//   const mesh = openMeshIndex(indexPath);
//   mesh.lookup('D007649')?.name; // 'Ketamine'

import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { MeshIndexWriter } from './mesh/indexWriter';
import { MeshFileInfo, MeshInputError, YearSource, inspectMeshFile, readMeshFile } from './mesh/meshFile';
import { MeshSourceRecord } from './mesh/record';

export { openMeshIndex } from './mesh/indexFile';
export { bytesInMemory, openMeshIndexBytes } from './mesh/indexReader';
export type { IndexBytes } from './mesh/indexReader';
export type { MeshIndex } from './mesh/indexReader';
export { MeshIndexError } from './mesh/indexFormat';
export type { StoredRecord } from './mesh/indexFormat';
export { MeshInputError } from './mesh/meshFile';
export type { YearSource } from './mesh/meshFile';
export type { MeshHeadingRef, MeshRecord, MeshRecordKind } from './mesh/record';
export type { MeshMatchRank, MeshNameMatch } from './mesh/nameSearch';

export interface BuildMeshIndexOptions {
  /** Bytes of the input files read so far (compressed bytes for .gz) and their total. */
  onProgress?(bytesRead: number, totalBytes: number): void;
  signal?: AbortSignal;
}

export interface BuiltInput {
  path: string;
  format: 'xml' | 'ascii';
  kind: 'descriptor' | 'supplementary';
  gzip: boolean;
  records: number;
  year?: number;
  yearSource?: YearSource;
}

export interface BuildMeshIndexResult {
  /** The MeSH year, from the descriptor file when there is one. */
  year?: number;
  yearSource?: YearSource;
  descriptors: number;
  supplementary: number;
  /** Size of the index file. */
  bytes: number;
  inputs: BuiltInput[];
  /** Things worth telling the user that did not stop the build. */
  warnings: string[];
}

/**
 * Builds the index at `outPath` from NLM's descriptor and supplementary files
 * (XML or ASCII, gzipped or not, in any order). The index is written beside
 * `outPath` and moved over it only when complete, so a failed or cancelled
 * build leaves any previous index as it was. Rejects with MeshInputError for
 * input that is not MeSH or is damaged, and with an AbortError when cancelled.
 * On Windows, close a MeshIndex open on `outPath` before building over it.
 */
export async function buildMeshIndex(
  inputPaths: string[],
  outPath: string,
  options: BuildMeshIndexOptions = {},
): Promise<BuildMeshIndexResult> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  if (inputPaths.length === 0) throw new MeshInputError('no MeSH files given');
  // Descriptors first: ASCII supplementary records name the heading they map
  // to without its UI, which the descriptors then supply.
  const infos = inputPaths.map(inspectMeshFile).sort((a, b) => kindOrder(a) - kindOrder(b));
  const totalBytes = infos.reduce((n, f) => n + f.size, 0);
  mkdirSync(dirname(outPath), { recursive: true });
  const temp = `${outPath}.${process.pid}-${Date.now()}.part`;
  const writer = new MeshIndexWriter(temp);
  try {
    const headingUis = new Map<string, string>();
    const add = (r: MeshSourceRecord) => {
      if (r.kind === 'descriptor') headingUis.set(detached(r.name), detached(r.ui));
      for (const m of r.mappedTo) if (!m.ui) m.ui = headingUis.get(m.name);
      writer.add(r);
    };
    const inputs: BuiltInput[] = [];
    let before = 0;
    for (const info of infos) {
      const done = await readMeshFile(info, add, { signal, onBytes: (b) => onProgress?.(before + b, totalBytes) });
      inputs.push({ path: info.path, format: info.format, kind: info.kind, gzip: info.gzip, records: done.records, year: done.year, yearSource: done.yearSource });
      before += info.size;
    }
    signal?.throwIfAborted();
    const { year, yearSource, warnings } = chooseYear(inputs);
    const written = writer.finish({ year, yearSource });
    if (written.duplicates) warnings.push(`${written.duplicates} records repeat a UI already seen; the first was kept`);
    if (written.badUis) warnings.push(`${written.badUis} records have a UI that is not a letter and digits; they were left out`);
    renameSync(temp, outPath);
    onProgress?.(totalBytes, totalBytes);
    return { year, yearSource, descriptors: written.descriptors, supplementary: written.supplementary, bytes: written.bytes, inputs, warnings };
  } catch (e) {
    writer.abandon();
    rmSync(temp, { force: true });
    throw e;
  }
}

/**
 * A copy of a string that does not point into the chunk of text it was cut
 * from: V8 keeps a whole 256 KB chunk alive for a 20-character slice of it,
 * which over 30,000 kept heading names is most of the descriptor file.
 */
function detached(s: string): string {
  return (' ' + s).slice(1);
}

function kindOrder(f: MeshFileInfo): number {
  return f.kind === 'descriptor' ? 0 : 1;
}

function chooseYear(inputs: BuiltInput[]): { year?: number; yearSource?: YearSource; warnings: string[] } {
  const warnings: string[] = [];
  const dated = inputs.filter((i) => i.year !== undefined);
  const chosen = dated.find((i) => i.kind === 'descriptor') ?? dated[0];
  if (!chosen) {
    warnings.push('the MeSH year could not be told from the file names, the DTD or the records');
    return { warnings };
  }
  const others = dated.filter((i) => i.year !== chosen.year);
  if (others.length) {
    warnings.push(`the files are from different MeSH years (${[...new Set(dated.map((i) => i.year))].join(', ')}); the index says ${chosen.year}`);
  }
  if (chosen.yearSource === 'date-created') {
    warnings.push(`the MeSH year ${chosen.year} is the year of the newest record, as the file names do not give it`);
  }
  return { year: chosen.year, yearSource: chosen.yearSource, warnings };
}
