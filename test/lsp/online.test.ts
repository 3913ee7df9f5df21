// Online look-ups through the built server, against a stand-in for NCBI on
// 127.0.0.1 that counts requests: none while the workspace is untrusted or
// the setting is off; once allowed, a hover asks, and a later hover shows
// the answer.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './support/lspClient';
import { doc, file, row } from '../support/build';
import { sendJson, startLoopback, type Loopback } from '../unit/concepts/loopback';

const GENES: Record<string, { name: string; description: string }> = {
  5444: { name: 'PON1', description: 'paraoxonase 1' },
  6347: { name: 'CCL2', description: 'C-C motif chemokine ligand 2' },
};

const TEXT = file(doc('1', 'PON1 and CCL2', '',
  row(1, 0, 4, 'PON1', 'Gene', '5444'),
  row(1, 9, 13, 'CCL2', 'Gene', '6347')));
const PON1 = { line: 2, character: 17 };
const CCL2 = { line: 3, character: 18 };

let ncbi: Loopback;
const arrived: (() => void)[] = [];
const dirs: string[] = [];
const clients: LspTestClient[] = [];

before(async () => {
  ncbi = await startLoopback((req, res) => {
    const ids = new URL(req.url ?? '', 'http://127.0.0.1').searchParams.get('id')?.split(',') ?? [];
    const result: Record<string, unknown> = { uids: ids };
    for (const id of ids) {
      const g = GENES[id];
      result[id] = g ? { uid: id, name: g.name, description: g.description, organism: { scientificname: 'Homo sapiens' } } : { uid: id, error: 'cannot get document summary' };
    }
    sendJson(res, 200, { result });
    for (const wake of arrived.splice(0)) wake();
  });
});

after(async () => {
  for (const c of clients) c.kill();
  await ncbi.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function start(trusted: boolean, settings: Record<string, unknown>): Promise<{ client: LspTestClient; storage: string }> {
  const storage = mkdtempSync(join(tmpdir(), 'pubtator-lsp-online-'));
  dirs.push(storage);
  const client = await LspTestClient.start({
    settings,
    initializationOptions: { storagePath: storage, trusted },
    env: { PUBTATOR_TEST_EUTILS_BASE: ncbi.url },
  });
  clients.push(client);
  return { client, storage };
}

async function hover(client: LspTestClient, uri: string, position: { line: number; character: number }): Promise<string> {
  const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }) as Hover | null;
  assert.ok(h);
  return (h.contents as MarkupContent).value;
}

/** Resolves once the stand-in has answered at least `n` requests in all. */
function requestsReach(n: number): Promise<void> {
  if (ncbi.requests.length >= n) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => (ncbi.requests.length >= n ? resolve() : arrived.push(check));
    arrived.push(check);
  });
}

/** Hovers until the answer shows: the look-up never holds a hover back. */
async function hoverUntil(client: LspTestClient, uri: string, position: { line: number; character: number }, pattern: RegExp): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const md = await hover(client, uri, position);
    if (pattern.test(md)) return md;
    await sleep(25);
  }
  throw new Error(`no hover matched ${pattern}`);
}

describe('online look-ups in the language server', () => {
  it('asks nothing in an untrusted workspace, even with the setting on; asks once trust is granted', async () => {
    const { client, storage } = await start(false, { online: { enabled: true } });
    const uri = LspTestClient.uri('online-a.pubtator');
    await client.open(uri, TEXT);
    const before = ncbi.requests.length;
    const md = await hover(client, uri, PON1);
    assert.doesNotMatch(md, /NCBI Gene:/);
    await hover(client, uri, PON1);
    // Trust comes; only what is hovered after it is looked up.
    await client.connection.sendNotification('pubtator/workspaceTrusted');
    await hover(client, uri, CCL2);
    await requestsReach(before + 1);
    const asked = ncbi.requests.slice(before);
    assert.ok(asked.every((r) => /[?&]id=6347(&|$)/.test(r)), `only CCL2 was asked for: ${asked.join(' ')}`);
    assert.ok(asked.every((r) => r.startsWith('/esummary.fcgi?db=gene')));
    const shown = await hoverUntil(client, uri, CCL2, /NCBI Gene: \*\*CCL2\*\*/);
    assert.match(shown, /C\\-C motif chemokine ligand 2 · \*Homo sapiens\*/);
    await client.shutdown();
    assert.ok(existsSync(join(storage, 'online-cache', 'gene.jsonl')), 'answers are cached on disk');
  });

  it('asks nothing while the setting is off (the default); asks once it is turned on', async () => {
    const { client } = await start(true, {});
    const uri = LspTestClient.uri('online-b.pubtator');
    await client.open(uri, TEXT);
    const before = ncbi.requests.length;
    assert.doesNotMatch(await hover(client, uri, PON1), /NCBI Gene:/);
    await client.configure({ online: { enabled: true } });
    await hover(client, uri, CCL2);
    await requestsReach(before + 1);
    const asked = ncbi.requests.slice(before);
    assert.ok(asked.every((r) => /[?&]id=6347(&|$)/.test(r)), `only CCL2 was asked for: ${asked.join(' ')}`);
    await client.shutdown();
  });
});
