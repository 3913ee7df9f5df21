// Which files `pubtator check` and its folder walk take for BioC: an
// .xml/.json name and content that says so.

import { open } from 'node:fs/promises';
import { detectFormat } from '../service/bioc/detect';

const BIOC_NAME = /\.(?:xml|json|bioc)(?:\.gz)?$/i;
const HEAD = 4096;

/** Whether a file is BioC: by its name and its first bytes (a compressed one by its name: *bioc*.xml.gz). */
export async function isBiocFile(path: string): Promise<boolean> {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (!BIOC_NAME.test(name)) return false;
  if (/\.gz$/i.test(name)) return /bioc/i.test(name);
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = Buffer.alloc(HEAD);
    const { bytesRead } = await handle.read(buffer, 0, HEAD, 0);
    return detectFormat(buffer.subarray(0, bytesRead).toString('utf8')) !== 'pubtator';
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

