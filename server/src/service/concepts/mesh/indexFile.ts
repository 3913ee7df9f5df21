// An index file on disk (Node): opened once, each read a positioned read, so
// only the key table and the records looked up are ever in memory.

import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MeshIndexError } from './indexFormat';
import { openMeshIndexBytes, type IndexBytes, type MeshIndex } from './indexReader';

export function openMeshIndex(path: string): MeshIndex {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new MeshIndexError(`cannot open the MeSH index ${path}: ${(e as Error).message}`, 'missing');
  }
  return openMeshIndexBytes(fileBytes(fd), path);
}

function fileBytes(fd: number): IndexBytes {
  let scratch = Buffer.alloc(1024);
  return {
    size: fstatSync(fd).size,
    read(position, length) {
      if (length > scratch.length) scratch = Buffer.alloc(length);
      const got = readSync(fd, scratch, 0, length, position);
      return scratch.subarray(0, got);
    },
    close: () => closeSync(fd),
  };
}
