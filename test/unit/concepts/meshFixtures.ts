// The MeSH fixtures, and copies of them (gzipped, truncated, renamed) in a
// fresh temporary folder per test file.

import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildMeshIndex, openMeshIndex, type MeshIndex } from '../../../server/src/service/concepts/meshIndex';
import { fixturesDir } from '../../support/paths';

export const meshFixture = (name: string): string => join(fixturesDir, 'concepts', name);

export const ASCII_FILES = ['d2025.bin', 'c2025.bin'].map(meshFixture);
export const XML_FILES = ['desc2025.xml', 'supp2025.xml'].map(meshFixture);

export class TempDir {
  readonly path = mkdtempSync(join(tmpdir(), 'pubtator-mesh-'));

  file(name: string, content: string | Buffer): string {
    const p = join(this.path, name);
    writeFileSync(p, content);
    return p;
  }

  gzipped(fixture: string, name: string): string {
    return this.file(name, gzipSync(readFileSync(fixture)));
  }

  copy(fixture: string, name: string): string {
    const p = join(this.path, name);
    copyFileSync(fixture, p);
    return p;
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** The index built from the ASCII fixtures into `tmp`, opened (close it, then remove `tmp`). */
export async function openFixtureIndex(tmp: TempDir): Promise<MeshIndex> {
  const out = join(tmp.path, 'mesh.idx');
  await buildMeshIndex(ASCII_FILES, out);
  return openMeshIndex(out);
}
