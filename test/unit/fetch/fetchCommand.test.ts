// The server half of "PubTator: Fetch Documents…" (lsp/fetchCommand.ts)
// against a local stand-in for PubTator3 (no real network): the typed ids
// fetched through the command's apiUrl, the merged PubTator text and the ids
// not returned answered; bad arguments answered with an error; a cancelled
// request stops before asking.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver';
import { FETCH_DOCUMENTS_COMMAND, registerFetchCommand } from '../../../server/src/lsp/fetchCommand';
import type { CommandHandler } from '../../../server/src/lsp/commands';
import type { ServerContext } from '../../../server/src/lsp/serverContext';
import type { FetchReport } from '../../../server/src/service/fetch/fetchDocuments';
import { MemoryFetchCache } from '../../../server/src/service/fetch/fetchCache';
import type { HostFetchCache } from '../../../server/src/lsp/serverHost';

function handler(cache?: HostFetchCache): CommandHandler {
  let found: CommandHandler | undefined;
  registerFetchCommand({ commands: { add: (id: string, h: CommandHandler) => { if (id === FETCH_DOCUMENTS_COMMAND) found = h; } }, fetchCache: () => cache } as unknown as ServerContext);
  assert.ok(found, 'the command is registered');
  return found;
}

function token(cancelled = false): CancellationToken {
  return { isCancellationRequested: cancelled, onCancellationRequested: (listener: () => void) => { if (cancelled) listener(); return { dispose: () => undefined }; } } as unknown as CancellationToken;
}

const reported: string[] = [];
const progress = {
  begin: (title: string) => reported.push(`begin ${title}`),
  report: (a: number | string, b?: string) => reported.push(`report ${a} ${b ?? ''}`.trim()),
  done: () => reported.push('done'),
} as unknown as WorkDoneProgressReporter;

test('fetch command: ids fetched from the apiUrl given, PubTator text and missing ids answered', async () => {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const ids = new URL(req.url ?? '/', 'http://x').searchParams.get('pmids')?.split(',') ?? [];
    res.end(ids.filter((id) => id !== '3').map((id) => `${id}|t|T${id}\n${id}|a|A${id}\n`).join('\n'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    const report = await handler()([{ ids: '1, 2 3', apiUrl }], token(), progress) as FetchReport;
    assert.deepEqual(asked, ['/api/publications/export/pubtator?pmids=1,2,3']);
    assert.equal(report.text, '1|t|T1\n1|a|A1\n\n2|t|T2\n2|a|A2\n');
    assert.equal(report.documents, 2);
    assert.deepEqual(report.missing, ['3']);
    assert.deepEqual(report.failed, []);
    assert.deepEqual(reported, ['begin Fetching from PubTator3', 'report 100 1/1 requests', 'done']);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('fetch command: no ids is an error; bad tokens are reported; a cancelled request asks nothing', async () => {
  const run = handler();
  assert.deepEqual(await run([{}], token(), progress), { error: 'Give the PMIDs or PMCIDs to fetch.' });
  const bad = await run([{ ids: '12 x1', apiUrl: 'http://127.0.0.1:9/none' }], token(), progress) as FetchReport;
  assert.deepEqual(bad.invalid, ['x1']);
  assert.equal(bad.documents, 0);
  const cancelled = await run([{ ids: '12', apiUrl: 'http://127.0.0.1:9/none' }], token(true), progress) as FetchReport;
  assert.deepEqual(cancelled.failed, [{ ids: ['12'], reason: 'cancelled' }]);
});

test('fetch command: with the host\'s cache, the same ids a second time make no request; the cache is pruned after each fetch', async () => {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const ids = new URL(req.url ?? '/', 'http://x').searchParams.get('pmids')?.split(',') ?? [];
    res.end(ids.map((id) => `${id}|t|T${id}\n${id}|a|A${id}\n`).join('\n'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    let pruned = 0;
    const memory = new MemoryFetchCache();
    const cache: HostFetchCache = { get: (k) => memory.get(k), put: (k, v) => memory.put(k, v), prune: async () => { pruned++; } };
    const run = handler(cache);
    const first = await run([{ ids: '1 2', apiUrl }], token(), progress) as FetchReport;
    const second = await run([{ ids: '2 1', apiUrl }], token(), progress) as FetchReport;
    assert.equal(asked.length, 1);
    assert.equal(first.cached, 0);
    assert.equal(second.cached, 2);
    assert.equal(second.text, '2|t|T2\n2|a|A2\n\n1|t|T1\n1|a|A1\n');
    assert.equal(pruned, 2);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
