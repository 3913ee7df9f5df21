// The corpus schema through the language server: found above the document on
// disk (Node) or through the client (a web worker), its rules applied, checked
// again when the schema file changes, and "Create Schema from This File".

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, ExecuteCommandRequest, FileChangeType } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './support/lspClient';
import { doc, file, row } from '../support/build';

const TEXT = file(doc('1', 'Ketamine eased pain.', '', row(1, 0, 8, 'Ketamine', 'Drug', 'D007649'), row(1, 15, 19, 'pain', 'Disease', 'D010146'),
  row(1, 'CID', 'D007649', 'D010146')));

describe('corpus schema (Node server, files on disk)', () => {
  let client: LspTestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pubtator-schema-'));
    mkdirSync(join(dir, 'sub'));
    // A client that can watch files: the server registers its watchers with it.
    client = await LspTestClient.start({ watchAndProgress: true });
  });
  after(async () => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the nearest pubtator.schema.json above the file, and checks again when it changes', async () => {
    const schemaPath = join(dir, 'pubtator.schema.json');
    writeFileSync(schemaPath, JSON.stringify({ extends: 'bc5cdr' }));
    const uri = pathToFileURL(join(dir, 'sub', 'a.pubtator')).href;
    let since = client.mark();
    await client.open(uri, TEXT);
    const first = await client.diagnostics(uri, since);
    assert.deepEqual(first.map((d) => [d.code, d.severity]), [['undeclared-entity-type', 1]]);
    assert.match(String(first[0].message), /"Drug" is not an entity type of the schema file:.*pubtator\.schema\.json/);
    assert.ok(client.registrations.some((r) => r.method === DidChangeWatchedFilesNotification.method), 'the server watches for schema files');

    writeFileSync(schemaPath, JSON.stringify({ extends: 'bc5cdr', entityTypes: { Chemical: { aliases: ['Drug'] } } }));
    since = client.mark();
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(schemaPath).href, type: FileChangeType.Changed }] });
    assert.deepEqual(await client.diagnostics(uri, since), []);
    await client.close(uri);
  });

  it('learns a schema from the open file', async () => {
    const uri = pathToFileURL(join(dir, 'sub', 'b.pubtator')).href;
    await client.open(uri, TEXT);
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'pubtator.learnSchema', arguments: [{ uri }] }) as { text: string };
    const learned = JSON.parse(result.text);
    assert.deepEqual(Object.keys(learned.entityTypes), ['Drug', 'Disease']);
    assert.deepEqual(learned.relationTypes.CID, { direction: 'directed', arguments: [['Drug', 'Disease']] });
    await client.close(uri);
  });
});

describe('corpus schema (web worker server, files through the client)', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ transport: 'worker' });
  });
  after(() => client.kill());

  it('asks the client for the schema above the document and applies it', async () => {
    const asked: string[] = [];
    client.connection.onRequest('pubtator/findSchema', (p: { uri: string }) => {
      asked.push(p.uri);
      return { location: 'vscode-vfs://github/corpus/pubtator.schema.json', text: JSON.stringify({ extends: 'bc5cdr', checks: { 'undeclared-entity-type': 'warning' } }) };
    });
    const uri = 'vscode-vfs://github/corpus/sub/a.pubtator';
    const since = client.mark();
    await client.open(uri, TEXT);
    const found = await client.diagnostics(uri, since);
    assert.deepEqual(found.map((d) => [d.code, d.severity]), [['undeclared-entity-type', 2]]);
    assert.deepEqual(asked, [uri]);
  });
});
