// Workspace checks over JSON-RPC with the built server: every PubTator file of
// the workspace folders has its problems published without being opened
// (the diagnostics validateFile gives), files.exclude and names that are not
// PubTator's are left out, a change on disk (the watcher's event) re-checks a
// file, a deletion clears it, a closed file goes back to its problems on disk,
// a corpus schema written or removed checks the closed files again,
// workspace symbols reach files that are not open, the openFiles scope clears
// what the background listed and "Check Workspace" checks once, and a
// workspace over 200 MB is not checked unless asked (the client is told once).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  DidChangeWatchedFilesNotification, ExecuteCommandRequest, FileChangeType, WorkspaceSymbolRequest,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { parsePubtator } from '../../server/src/service/parse/parseFile';
import { validateFile } from '../../server/src/service/validate';
import { samplesDir } from '../support/paths';
import { LspTestClient } from './support/lspClient';

const DEFECTS = readFileSync(join(samplesDir, 'defects.pubtator'), 'utf8');
const CLEAN = readFileSync(join(samplesDir, 'ketamine.pubtator'), 'utf8');

function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** The last publish for `uri` so far. */
function lastFor(client: LspTestClient, uri: string): PublishDiagnosticsParams | undefined {
  return [...client.published].reverse().find((p) => p.uri === uri);
}

function codes(diagnostics: { code?: unknown }[] | undefined): string[] {
  return (diagnostics ?? []).map((d) => String(d.code));
}

describe('workspace checks', () => {
  const root = mkdtempSync(join(tmpdir(), 'pubtator-ws-'));
  const defective = join(root, 'corpus', 'train.pubtator');
  const clean = join(root, 'corpus', 'dev.PubTator.txt');
  const gz = join(root, 'corpus', 'test.pubtator.gz');
  const excluded = join(root, 'excluded', 'hidden.pubtator');
  const notes = join(root, 'notes.txt');
  let client: LspTestClient;

  before(async () => {
    mkdirSync(join(root, 'corpus'));
    mkdirSync(join(root, 'excluded'));
    writeFileSync(defective, DEFECTS);
    writeFileSync(clean, CLEAN);
    writeFileSync(gz, gzipSync(DEFECTS.split('2385256').join('777')));
    writeFileSync(excluded, DEFECTS);
    writeFileSync(notes, DEFECTS);
    client = await LspTestClient.start({
      workspaceFolders: [uriOf(root)], watchAndProgress: true, sections: { 'files.exclude': { '**/excluded': true, '**/.git': true } },
    });
  });

  after(() => {
    client?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('publishes the problems of files never opened, as validateFile finds them; clean files get none', async () => {
    const diagnostics = await client.diagnostics(uriOf(defective), 0);
    const expected = validateFile(parsePubtator(DEFECTS));
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.code, d.message]),
      expected.map((d) => [d.range.start.line, d.range.start.character, d.code, d.message]));
    assert.deepEqual(codes(await client.diagnostics(uriOf(gz), 0)), expected.map((d) => d.code), 'a .gz file is read decompressed');
    assert.deepEqual(await client.diagnostics(uriOf(clean), 0), []);
  });

  it('leaves out files.exclude and files whose names are not PubTator\'s', async () => {
    await client.until(() => client.progress.find((p) => p.kind === 'end'), 'the end of the first pass');
    assert.equal(lastFor(client, uriOf(excluded)), undefined);
    assert.equal(lastFor(client, uriOf(notes)), undefined);
  });

  it('shows its pass as work-done progress and watches the PubTator names', async () => {
    const begin = client.progress.find((p) => p.kind === 'begin');
    assert.equal(begin?.kind === 'begin' && begin.title, 'PubTator: checking the workspace');
    assert.equal(begin?.kind === 'begin' && begin.cancellable, true);
    // Several features may each register their own watchers (schema files too).
    const globs = client.registrations.filter((r) => r.method === DidChangeWatchedFilesNotification.method)
      .flatMap((r) => (r.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern));
    assert.ok(globs.includes('**/*.[pP][uU][bB][tT][aA][tT][oO][rR]'), globs.join(' '));
  });

  it('finds ids of files that are not open through workspace symbols', async () => {
    const symbols = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '2385256' });
    assert.ok(symbols?.some((s) => 'location' in s && s.location.uri === uriOf(defective)), JSON.stringify(symbols));
    const concepts = await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'D007649' });
    assert.ok(concepts?.some((s) => 'location' in s && s.location.uri === uriOf(clean)));
  });

  it('checks a file again when it changes on disk, and clears a deleted one', async () => {
    const since = client.mark();
    writeFileSync(defective, CLEAN);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(defective), type: FileChangeType.Changed }] });
    assert.deepEqual(await client.diagnostics(uriOf(defective), since), []);
    const gone = client.mark();
    unlinkSync(gz);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(gz), type: FileChangeType.Deleted }] });
    assert.deepEqual(await client.diagnostics(uriOf(gz), gone), []);
    // A new file appears.
    const created = join(root, 'corpus', 'new.pubtator');
    writeFileSync(created, DEFECTS);
    const made = client.mark();
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(created), type: FileChangeType.Created }] });
    assert.ok((await client.diagnostics(uriOf(created), made)).length > 0);
  });

  it('a closed file goes back to its problems on disk', async () => {
    writeFileSync(defective, DEFECTS);
    const uri = uriOf(defective);
    let since = client.mark();
    // Opened with other text (unsaved edits): the editor's problems.
    await client.open(uri, CLEAN);
    assert.deepEqual(await client.diagnostics(uri, since), []);
    since = client.mark();
    await client.close(uri);
    assert.ok(codes(await client.diagnostics(uri, since)).includes('text-mismatch'), 'the file on disk has its defects');
  });

  it('a corpus schema written beside closed files checks them again under its levels', async () => {
    const uri = uriOf(defective);
    const schema = join(root, 'corpus', 'pubtator.schema.json');
    let since = client.mark();
    writeFileSync(schema, JSON.stringify({ checks: { 'text-mismatch': 'off' } }));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(schema), type: FileChangeType.Created }] });
    const quieter = codes(await client.diagnostics(uri, since));
    assert.ok(quieter.length > 0 && !quieter.includes('text-mismatch'), quieter.join(' '));
    since = client.mark();
    unlinkSync(schema);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(schema), type: FileChangeType.Deleted }] });
    assert.ok(codes(await client.diagnostics(uri, since)).includes('text-mismatch'));
  });

  it('openFiles scope: what the background listed is cleared; Check Workspace checks every file once', async () => {
    const uri = uriOf(defective);
    let since = client.mark();
    await client.configure({ diagnostics: { scope: 'openFiles' } });
    assert.deepEqual(await client.diagnostics(uri, since), []);
    since = client.mark();
    const result = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'pubtator.workspace.check', arguments: [] }) as { files: number; problems: number };
    assert.ok(codes(await client.diagnostics(uri, since)).includes('text-mismatch'));
    assert.equal(result.files, 3, 'train, dev and the new file (test.pubtator.gz was deleted)');
    assert.ok(result.problems >= 10, JSON.stringify(result));
    await client.configure({});
  });
});

describe('a workspace over 200 MB of PubTator files', () => {
  const root = mkdtempSync(join(tmpdir(), 'pubtator-ws-large-'));
  let client: LspTestClient;
  after(() => {
    client?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('is not checked in the background unless asked, and the client is told once', async () => {
    writeFileSync(join(root, 'small.pubtator'), DEFECTS);
    // A sparse file: 201 MB on paper, no time to write.
    execFileSync('truncate', ['-s', '201M', join(root, 'large.pubtator')]);
    client = await LspTestClient.start({ workspaceFolders: [uriOf(root)], watchAndProgress: true });
    const told = () => client.notifications.filter((n) => n.method === 'pubtator/workspaceTooLarge').map((n) => n.params);
    await client.until(() => (told().length ? told() : undefined), 'the notification');
    assert.equal((told()[0] as { files: number }).files, 2);
    assert.ok((told()[0] as { bytes: number }).bytes > 200 * 1024 * 1024);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(lastFor(client, uriOf(join(root, 'small.pubtator'))), undefined, 'nothing checked in the background');
    // Asked for explicitly, it is.
    await client.configure({ diagnostics: { scope: 'workspace' } });
    await client.diagnostics(uriOf(join(root, 'small.pubtator')), 0);
    await client.configure({});
    assert.equal(told().length, 1, 'told once');
  });
});
