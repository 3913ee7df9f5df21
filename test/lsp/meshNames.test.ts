// MeSH names for the id picker over LSP (pubtator/curateMeshNames), against the
// built servers: the Node server with pubtator.mesh.index, the web worker's
// with the index's bytes read through the client; each match written as the
// file writes MeSH ids; nothing, and no error, without an index or with an
// index of an older format (whose warning asks for a rebuild).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ShowMessageNotification, type ShowMessageParams } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './support/lspClient';
import { doc, file, row } from '../support/build';
import { CURATE_MESH_NAMES_REQUEST, type MeshNamesAnswer } from '../../server/src/lsp/curate';
import { buildMeshIndex } from '../../server/src/service/concepts/meshIndex';
import { TempDir, XML_FILES } from '../unit/concepts/meshFixtures';

const READ_FILE_REQUEST = 'pubtator/readFile';

const PREFIXED = file(doc('1', 'Ketamine for pain', '',
  row(1, 0, 8, 'Ketamine', 'Chemical', 'MESH:D007649'),
  row(1, 13, 17, 'pain', 'Disease', 'MESH:D999999')));
const BARE = file(doc('2', 'Ketamine for pain', '', row(2, 0, 8, 'Ketamine', 'Chemical', 'D007649')));

const tmp = new TempDir();
const clients: LspTestClient[] = [];
let indexPath = '';

before(async () => {
  indexPath = join(tmp.path, 'mesh.idx');
  await buildMeshIndex(XML_FILES, indexPath);
});

after(() => {
  for (const c of clients) c.kill();
  tmp.remove();
});

async function names(client: LspTestClient, uri: string, text: string): Promise<MeshNamesAnswer> {
  return await client.connection.sendRequest(CURATE_MESH_NAMES_REQUEST, { textDocument: { uri }, text }) as MeshNamesAnswer;
}

async function started(settings: Record<string, unknown>, transport?: 'worker', files: Record<string, Uint8Array> = {}) {
  const client = await LspTestClient.start({ settings, transport, initializationOptions: { trusted: true } });
  clients.push(client);
  const messages: ShowMessageParams[] = [];
  client.connection.onNotification(ShowMessageNotification.type, (m) => {
    messages.push(m);
  });
  client.connection.onRequest(READ_FILE_REQUEST, (params: { path: string }): { base64?: string; error?: string } => {
    const bytes = files[params.path];
    return bytes ? { base64: Buffer.from(bytes).toString('base64') } : { error: `${params.path} was found in no workspace folder` };
  });
  return { client, messages };
}

/** Opens the file and waits until its checks used the index (the unknown id D999999 reported). */
async function openChecked(client: LspTestClient, name: string, text: string, withIndex: boolean): Promise<string> {
  const uri = LspTestClient.uri(name);
  await client.open(uri, text);
  await client.diagnostics(uri, 0, withIndex ? (p) => p.diagnostics.some((d) => d.code === 'unknown-mesh-id') : undefined);
  return uri;
}

describe('MeSH names for the id picker over LSP', () => {
  it('Node server: matches ranked, labelled, and written as the file writes MeSH ids', async () => {
    const { client } = await started({ mesh: { index: indexPath } });
    const prefixed = await openChecked(client, 'prefixed.pubtator', PREFIXED, true);
    const ketalar = await names(client, prefixed, 'ketal');
    assert.deepEqual(ketalar.choices, [{ value: 'MESH:D007649', ui: 'D007649', kind: 'descriptor', name: 'Ketamine', term: 'Ketalar' }]);
    const ketam = (await names(client, prefixed, 'Ketam')).choices;
    assert.deepEqual(ketam.map((c) => c.value), ['MESH:D007649', 'MESH:C000706722'], 'the heading first, then esketamine by its entry term (S)-ketamine');
    assert.equal(ketam[0].term, undefined, 'a match on the heading names no entry term');
    const bare = await openChecked(client, 'bare.pubtator', BARE, false);
    assert.deepEqual((await names(client, bare, 'covid 19')).choices.map((c) => c.value), ['D000086382'], 'a bare D-number where the file writes them bare');
    assert.deepEqual((await names(client, bare, 'no such name')).choices, []);
    assert.deepEqual((await names(client, bare, '')).choices, []);
    assert.ok(client.isAlive());
  });

  it('without an index: no names and no error', async () => {
    const { client, messages } = await started({});
    const uri = await openChecked(client, 'none.pubtator', PREFIXED, false);
    assert.deepEqual(await names(client, uri, 'ketamine'), { choices: [] });
    assert.deepEqual(messages, []);
    const closed = await client.connection.sendRequest(CURATE_MESH_NAMES_REQUEST, { textDocument: { uri: LspTestClient.uri('not-open.pubtator') }, text: 'ketamine' });
    assert.deepEqual(closed, { error: 'The document is not open.' });
  });

  it('an index of the previous format: the warning asks for a rebuild, and the picker gets no names', async () => {
    const old = join(tmp.path, 'old.idx');
    const bytes = readFileSync(indexPath);
    bytes.writeUInt32LE(1, 8);
    writeFileSync(old, bytes);
    const { client, messages } = await started({ mesh: { index: old } });
    const uri = await openChecked(client, 'old.pubtator', PREFIXED, false);
    assert.deepEqual(await names(client, uri, 'ketamine'), { choices: [] });
    await client.until(() => (messages.length ? true : undefined), 'a message');
    assert.match(messages[0].message, /pubtator\.mesh\.index cannot be used: .*format 1; this version reads format 2: build the index again/);
  });

  it('web worker server: the index read through the client answers the same names', async () => {
    const { client } = await started({ mesh: { index: 'mesh/mesh2025.idx' } }, 'worker', { 'mesh/mesh2025.idx': readFileSync(indexPath) });
    const uri = await openChecked(client, 'worker.pubtator', PREFIXED, true);
    const answer = await names(client, uri, 'symptoms, depr');
    assert.deepEqual(answer.choices, [{ value: 'MESH:D003866', ui: 'D003866', kind: 'descriptor', name: 'Depression', term: 'Symptoms, Depressive' }]);
  });
});
