// The MeSH index through the built server: settings name NLM's files, the
// server builds the index into the storage folder the client gives, re-checks
// open documents, and hovers show MeSH names; a restart reuses the index; the
// build command answers with the year and counts.

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ExecuteCommandRequest, HoverRequest, ShowMessageNotification,
  type Hover, type MarkupContent, type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './support/lspClient';
import { doc, file, row } from '../support/build';
import { fixturesDir } from '../support/paths';

const XML_FILES = ['desc2025.xml', 'supp2025.xml'].map((n) => join(fixturesDir, 'concepts', n));
const ASCII_FILES = ['d2025.bin', 'c2025.bin'].map((n) => join(fixturesDir, 'concepts', n));

const TEXT = file(doc('1', 'Ketamine for pain', '',
  row(1, 0, 8, 'Ketamine', 'Chemical', 'MESH:D007649'),
  row(1, 13, 17, 'pain', 'Disease', 'MESH:D999999')));

const storage = mkdtempSync(join(tmpdir(), 'pubtator-lsp-mesh-'));
const clients: LspTestClient[] = [];

async function start(settings: Record<string, unknown>, storagePath = storage): Promise<LspTestClient> {
  const client = await LspTestClient.start({ settings, initializationOptions: { storagePath, trusted: true } });
  clients.push(client);
  return client;
}

function indexes(dir = storage): string[] {
  return readdirSync(dir).filter((n) => /^mesh-[0-9a-f]{16}\.idx$/.test(n));
}

async function hoverText(client: LspTestClient, uri: string, line: number, character: number): Promise<string> {
  const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } }) as Hover | null;
  assert.ok(hover, 'a hover');
  return (hover.contents as MarkupContent).value;
}

after(() => {
  for (const c of clients) c.kill();
  rmSync(storage, { recursive: true, force: true });
});

describe('MeSH index in the language server', () => {
  it('builds the index from pubtator.mesh.files, then reports unknown ids and shows MeSH names', async () => {
    const client = await start({ mesh: { files: XML_FILES } });
    assert.ok(client.initializeResult!.capabilities.executeCommandProvider?.commands.includes('pubtator.meshIndex.build'));
    const uri = LspTestClient.uri('mesh-a.pubtator');
    await client.open(uri, TEXT);
    const diagnostics = await client.diagnostics(uri, 0, (p) => p.diagnostics.some((d) => d.code === 'unknown-mesh-id'));
    const unknown = diagnostics.filter((d) => d.code === 'unknown-mesh-id');
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].severity, 2);
    assert.match(String(unknown[0].message), /MeSH 2025 has no record "D999999"/);
    assert.deepEqual(unknown[0].range, { start: { line: 3, character: 21 }, end: { line: 3, character: 33 } });
    const md = await hoverText(client, uri, 2, 30);
    assert.match(md, /MeSH heading \*\*Ketamine\*\*/);
    assert.match(md, /MeSH 2025\\, courtesy of the U\\\.S\\\. National Library of Medicine/);
    assert.equal(indexes().length, 1, 'one index in the storage folder');
    await client.shutdown();
  });

  it('reuses the index after a restart: the first diagnostics already know it', async () => {
    const [name] = indexes();
    const built = statSync(join(storage, name)).mtimeMs;
    const client = await start({ mesh: { files: XML_FILES } });
    const uri = LspTestClient.uri('mesh-b.pubtator');
    await client.open(uri, TEXT);
    const first = await client.diagnostics(uri, 0);
    assert.deepEqual(first.map((d) => d.code), ['unknown-mesh-id']);
    assert.equal(statSync(join(storage, name)).mtimeMs, built, 'not built again');
    await client.shutdown();
  });

  it('opens an index named by pubtator.mesh.index; turns mesh-name-mismatch on from settings', async () => {
    const [name] = indexes();
    const client = await start({ mesh: { index: join(storage, name) }, severity: { 'mesh-name-mismatch': 'information' } });
    const uri = LspTestClient.uri('mesh-c.pubtator');
    await client.open(uri, file(doc('2', 'Headache', '', row(2, 0, 8, 'Headache', 'Disease', 'D010146'))));
    const diagnostics = await client.diagnostics(uri, 0);
    assert.deepEqual(diagnostics.map((d) => d.code), ['mesh-name-mismatch']);
    await client.shutdown();
  });

  it('the build command indexes the files it is given and answers with the year and counts', async () => {
    const own = mkdtempSync(join(tmpdir(), 'pubtator-lsp-mesh-cmd-'));
    try {
      const client = await start({}, own);
      const uri = LspTestClient.uri('mesh-d.pubtator');
      await client.open(uri, TEXT);
      assert.deepEqual((await client.diagnostics(uri, 0)).map((d) => d.code), [], 'no index yet');
      const since = client.mark();
      const outcome = await client.connection.sendRequest(ExecuteCommandRequest.type, {
        command: 'pubtator.meshIndex.build', arguments: [{ files: ASCII_FILES }],
      }) as { ok: boolean; year: number; descriptors: number; supplementary: number; files: string[]; indexPath: string };
      assert.equal(outcome.ok, true, JSON.stringify(outcome));
      assert.equal(outcome.year, 2025);
      assert.equal(outcome.descriptors, 5);
      assert.equal(outcome.supplementary, 3);
      assert.deepEqual(outcome.files, ASCII_FILES);
      assert.equal(indexes(own).length, 1);
      // Open documents are checked again with the new index.
      const after = await client.diagnostics(uri, since, (p) => p.diagnostics.length > 0);
      assert.deepEqual(after.map((d) => d.code), ['unknown-mesh-id']);
      const refused = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'pubtator.meshIndex.build', arguments: [{}] }) as { ok: boolean };
      assert.equal(refused.ok, false);
      await client.shutdown();
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });

  it('files that cannot be indexed give one warning and no index; the checks still run', async () => {
    const messages: ShowMessageParams[] = [];
    const client = await start({ mesh: { files: [join(fixturesDir, 'concepts', 'README.md')] } });
    client.connection.onNotification(ShowMessageNotification.type, (p) => {
      messages.push(p);
    });
    const uri = LspTestClient.uri('mesh-e.pubtator');
    await client.open(uri, TEXT);
    assert.deepEqual((await client.diagnostics(uri, 0)).map((d) => d.code), []);
    // The server shows the warning, then logs it: the log line wakes the wait.
    await client.until(() => client.logs.find((l) => /cannot be indexed/.test(l)), 'a warning about the MeSH files');
    assert.equal(messages.length, 1);
    assert.equal(messages[0].type, 2);
    assert.match(messages[0].message, /cannot be indexed: README\.md: not a MeSH file/);
    assert.ok(client.isAlive());
    await client.shutdown();
  });
});
