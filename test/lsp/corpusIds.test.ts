// The id picker over JSON-RPC with the built server: the ids a closed file of
// the workspace gave to the same words are offered, naming it, and follow the
// file when it changes on disk; an open file is counted once (as open). In the
// workspace scope the background checks index the files; in the openFiles
// scope the picker's first use starts its own index, answered from as soon as
// it is ready. In the browser host (no disk) the picker answers from the open
// files and nothing fails.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { CURATE_CHOICES_REQUEST } from '../../server/src/lsp/curate';
import { doc, file, row } from '../support/build';
import { LspTestClient } from './support/lspClient';

const CURRENT = file(doc('1', 'Aspirin and pain.', '', row('1', 12, 16, 'pain', 'Disease', 'D010146')));
const selection = { line: 0, from: 0, to: 7, text: 'Aspirin' };

/** A closed file giving `id` to "Aspirin" `times` times. */
function corpusFile(id: string, times: number): string {
  const title = Array.from({ length: times }, () => 'Aspirin').join(' ');
  return file(doc('2', title, '', ...Array.from({ length: times }, (_, i) => row('2', i * 8, i * 8 + 7, 'Aspirin', 'Chemical', id))));
}

type Answer = { choices?: { value: string; detail?: string }[]; error?: string };

async function ask(client: LspTestClient, uri: string): Promise<Map<string, string | undefined>> {
  const answer = await client.connection.sendRequest(CURATE_CHOICES_REQUEST, { textDocument: { uri }, query: { kind: 'ids', selection, type: 'Chemical' } }) as Answer;
  assert.ok(answer.choices, JSON.stringify(answer));
  return new Map(answer.choices.map((c) => [c.value, c.detail]));
}

/** Asks the picker until its answer passes `accept` (the index is built in the background). */
async function askUntil(client: LspTestClient, uri: string, accept: (ids: Map<string, string | undefined>) => boolean, what: string) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const ids = await ask(client, uri);
    if (accept(ids)) return ids;
    if (Date.now() > deadline) assert.fail(`Timed out waiting for ${what}; the picker offered ${JSON.stringify([...ids])}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

describe('the id picker and the workspace\'s closed files (workspace scope)', () => {
  const root = mkdtempSync(join(tmpdir(), 'pubtator-ids-'));
  const current = join(root, 'a.pubtator');
  const closed = join(root, 'b.pubtator');
  let client: LspTestClient;

  before(async () => {
    writeFileSync(current, CURRENT);
    writeFileSync(closed, corpusFile('D001241', 2));
    client = await LspTestClient.start({ workspaceFolders: [uriOf(root)], watchAndProgress: true, settings: { diagnostics: { scope: 'workspace' } } });
    await client.open(uriOf(current), CURRENT, 1);
  });

  after(() => {
    client?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('offers the ids a closed file gave to the words, naming it', async () => {
    await client.diagnostics(uriOf(closed), 0);
    const ids = await askUntil(client, uriOf(current), (m) => m.has('D001241'), 'b.pubtator\'s id');
    assert.equal(ids.get('D001241'), 'given to "Aspirin" 2× in b.pubtator');
    assert.equal(ids.get('D010146'), undefined, 'a Disease id given to other words is not offered for a Chemical');
  });

  it('follows the file when it changes on disk', async () => {
    const since = client.mark();
    writeFileSync(closed, corpusFile('MESH:D001241', 3));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(closed), type: FileChangeType.Changed }] });
    await client.diagnostics(uriOf(closed), since);
    const ids = await askUntil(client, uriOf(current), (m) => m.has('MESH:D001241'), 'the changed id');
    assert.equal(ids.get('MESH:D001241'), 'given to "Aspirin" 3× in b.pubtator');
    assert.equal(ids.has('D001241'), false);
  });

  it('counts a file once when it is open: from the editor\'s text, not from disk', async () => {
    await client.open(uriOf(closed), corpusFile('D000001', 1), 1);
    const ids = await ask(client, uriOf(current));
    assert.equal(ids.get('D000001'), 'given to "Aspirin" 1× in b.pubtator');
    assert.equal(ids.has('MESH:D001241'), false);
    await client.close(uriOf(closed));
  });
});

describe('the id picker and the workspace\'s closed files (openFiles scope)', () => {
  const root = mkdtempSync(join(tmpdir(), 'pubtator-ids-open-'));
  const current = join(root, 'a.pubtator');
  const closed = join(root, 'corpus.PubTator.txt');
  const third = join(root, 'c.pubtator');
  let client: LspTestClient;

  before(async () => {
    writeFileSync(current, CURRENT);
    writeFileSync(closed, corpusFile('D001241', 4));
    writeFileSync(third, corpusFile('D001241', 1));
    client = await LspTestClient.start({ workspaceFolders: [uriOf(root)], watchAndProgress: true, settings: { diagnostics: { scope: 'openFiles' } } });
    await client.open(uriOf(current), CURRENT, 1);
  });

  after(() => {
    client?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('the picker\'s first use indexes the workspace in the background; later answers include it', async () => {
    const ids = await askUntil(client, uriOf(current), (m) => m.has('D001241'), 'the closed files\' id');
    assert.equal(ids.get('D001241'), 'given to "Aspirin" 5× in corpus.PubTator.txt and 1 other file');
    const begin = client.progress.find((p) => p.kind === 'begin' && p.title.includes('ids'));
    assert.ok(begin, 'shown as work-done progress');
    assert.equal(begin.kind === 'begin' && begin.cancellable, true);
    assert.equal(client.published.some((p) => p.uri === uriOf(closed)), false, 'no problems published for closed files in this scope');
  });

  it('a later use of the picker sees a file changed on disk (no watcher in this scope)', async () => {
    writeFileSync(closed, corpusFile('MESH:D001241', 2) + '\n');
    const ids = await askUntil(client, uriOf(current), (m) => m.has('MESH:D001241'), 'the changed file');
    assert.equal(ids.get('MESH:D001241'), 'given to "Aspirin" 2× in corpus.PubTator.txt');
    assert.equal(ids.get('D001241'), 'given to "Aspirin" 1× in c.pubtator');
  });
});

describe('the id picker in the browser host (no disk)', () => {
  const root = mkdtempSync(join(tmpdir(), 'pubtator-ids-web-'));
  let client: LspTestClient;

  after(() => {
    client?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers from the open files; nothing fails', async () => {
    writeFileSync(join(root, 'b.pubtator'), corpusFile('D001241', 2));
    client = await LspTestClient.start({ transport: 'worker', workspaceFolders: [uriOf(root)], settings: { diagnostics: { scope: 'openFiles' } } });
    const current = uriOf(join(root, 'a.pubtator'));
    await client.open(current, CURRENT, 1);
    await client.open(uriOf(join(root, 'open.pubtator')), corpusFile('D000001', 1), 1);
    const first = await ask(client, current);
    await new Promise((r) => setTimeout(r, 300));
    const ids = await ask(client, current);
    assert.deepEqual([...ids], [['D000001', 'given to "Aspirin" 1× in open.pubtator']]);
    assert.deepEqual([...first], [...ids]);
  });
});
