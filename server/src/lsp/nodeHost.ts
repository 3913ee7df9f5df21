// What the server core gets from Node: the MeSH index on disk (opened, or
// built from NLM's files in the client's storage folder), online look-ups
// cached on disk, PubTator3's fetched documents cached on disk, V8's full collection after large work, and process-wide
// exception hooks.

import { join } from 'node:path';
import { defaultFetchCacheDir, FetchDiskCache } from '../node/fetchDiskCache';
import { ConceptHost, defaultStoragePath } from './conceptHost';
import { MemoryReclaimer } from './memoryReclaimer';
import { nodeSchemaFiles } from './nodeSchemaFiles';
import { nodeWorkspaceDisk } from './nodeWorkspaceDisk';
import type { ServerHost } from './serverHost';
import { describe } from './runSafe';

export function nodeHost(): ServerHost {
  return {
    name: 'Node',
    createConcepts: (context) => new ConceptHost({
      ...context,
      storagePath: context.storagePath ?? defaultStoragePath(),
      online: testServiceBases(),
    }),
    // In the client's storage folder (VS Code's globalStorage), else where `pubtator fetch` keeps its answers.
    fetchCache: (storagePath) => new FetchDiskCache(storagePath ? join(storagePath, 'fetch-cache') : defaultFetchCacheDir()),
    reclaimer: new MemoryReclaimer(),
    schemaFiles: nodeSchemaFiles,
    workspaceDisk: nodeWorkspaceDisk(),
    catchStray(log) {
      process.on('uncaughtException', (e) => log(`Uncaught exception: ${describe(e)}`));
      process.on('unhandledRejection', (e) => log(`Unhandled rejection: ${describe(e)}`));
    },
  };
}

/**
 * Tests point the online look-ups at a stand-in on this machine. Only
 * http://127.0.0.1 is taken, so the variables cannot send look-ups elsewhere.
 */
function testServiceBases(): { eutilsBase?: string; cellosaurusBase?: string } {
  const loopback = (v: string | undefined) => (v && /^http:\/\/127\.0\.0\.1:\d+\//.test(v) ? v : undefined);
  const bases = { eutilsBase: loopback(process.env.PUBTATOR_TEST_EUTILS_BASE), cellosaurusBase: loopback(process.env.PUBTATOR_TEST_CELLOSAURUS_BASE) };
  return Object.fromEntries(Object.entries(bases).filter(([, v]) => v !== undefined));
}
