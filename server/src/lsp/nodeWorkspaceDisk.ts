// The workspace's files through Node's file system (workspaceDisk.ts).
// Folders are walked without following a symbolic link back into a folder
// being walked; .gz files are decompressed as they are read.

import { createReadStream, promises as fs, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { URI } from 'vscode-uri';
import { isGzipName } from '../service/knowledge/fileNames';
import type { DiskFile, WorkspaceDisk } from './workspaceDisk';

const READ_BYTES = 1 << 18;

function stampOf(stat: { size: number; mtimeMs: number }): string {
  return `${stat.size}:${stat.mtimeMs}`;
}

function pathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : undefined;
}

export function nodeWorkspaceDisk(): WorkspaceDisk {
  return {
    async list(folderUri, wanted, excluded, signal) {
      const root = pathOf(folderUri);
      if (!root) return [];
      const found: DiskFile[] = [];
      const walk = async (dir: string, ancestors: string[]): Promise<void> => {
        if (signal.aborted) return;
        let real: string;
        let entries: Dirent[];
        try {
          real = await fs.realpath(dir);
          if (ancestors.includes(real)) return;
          entries = await fs.readdir(dir, { withFileTypes: true });
        } catch {
          return; // unreadable: nothing to check there
        }
        entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
        for (const entry of entries) {
          const path = join(dir, entry.name);
          const rel = relative(root, path).split(sep).join('/');
          if (excluded(rel)) continue;
          let isDir = entry.isDirectory();
          let isFile = entry.isFile();
          if (entry.isSymbolicLink()) {
            const target = await fs.stat(path).catch(() => undefined);
            isDir = target?.isDirectory() ?? false;
            isFile = target?.isFile() ?? false;
          }
          if (isDir) await walk(path, [...ancestors, real]);
          else if (isFile && wanted(entry.name)) {
            const stat = await fs.stat(path).catch(() => undefined);
            if (stat) found.push({ uri: URI.file(path).toString(), size: stat.size, stamp: stampOf(stat) });
          }
        }
      };
      await walk(root, []);
      return found;
    },

    async stat(uri) {
      const path = pathOf(uri);
      if (!path) return undefined;
      const stat = await fs.stat(path).catch(() => undefined);
      return stat?.isFile() ? { uri, size: stat.size, stamp: stampOf(stat) } : undefined;
    },

    async read(uri, onBytes, signal) {
      const path = pathOf(uri);
      if (!path) throw new Error(`not a file on disk: ${uri}`);
      const source = createReadStream(path, { highWaterMark: READ_BYTES, signal });
      let stream: Readable = source;
      if (isGzipName(path)) {
        const gunzip = createGunzip({ chunkSize: READ_BYTES });
        source.on('error', (err) => gunzip.destroy(err));
        stream = source.pipe(gunzip);
      }
      try {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          if (signal.aborted) throw new Error('cancelled');
          await onBytes(chunk);
        }
      } finally {
        source.destroy();
        stream.destroy();
      }
    },
  };
}
