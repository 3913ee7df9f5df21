// The built language server over stdio with a real JSON-RPC client: the
// protocol wiring (sync, debounced diagnostics, settings, features, safety).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DocumentHighlightRequest, DefinitionRequest, HoverRequest, ReferencesRequest,
  type Diagnostic, type DocumentHighlight, type Hover, type Location, type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './support/lspClient';
import { expected, sampleText, SEVERITY_NUMBER, type ExpectedDiagnostic } from './support/expected';
import { doc, file, row } from '../support/build';

const KETAMINE = 'ketamine.pubtator';

/** LSP 3.18 allows markup in messages; this server sends plain strings. */
function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function assertDiagnostics(actual: Diagnostic[], wanted: ExpectedDiagnostic[], label: string): void {
  const summary = actual.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);
  assert.equal(actual.length, wanted.length, `${label}: got ${JSON.stringify(summary)}`);
  for (const w of wanted) {
    const d = actual.find((a) => a.code === w.code && a.range.start.line === w.line && a.range.start.character === w.character);
    assert.ok(d, `${label}: no ${w.code} at ${w.line}:${w.character}; got ${JSON.stringify(summary)}`);
    assert.deepEqual(d.range.end, { line: w.endLine, character: w.endCharacter }, `${label}: end of ${w.code}`);
    assert.equal(d.severity, SEVERITY_NUMBER[w.severity], `${label}: severity of ${w.code}`);
    assert.equal(d.source, 'pubtator');
    for (const fact of w.messageIncludes) assert.ok(messageOf(d).includes(fact), `${label}: ${w.code} message ${JSON.stringify(messageOf(d))} lacks ${JSON.stringify(fact)}`);
  }
}

describe('language server over stdio', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start();
  });

  after(() => client?.kill());

  it('announces incremental sync and the position features', () => {
    const caps = client.initializeResult!.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.equal(caps.documentHighlightProvider, true);
  });

  for (const [name, sample] of Object.entries(expected)) {
    it(`publishes the expected diagnostics of ${name}`, async () => {
      const uri = LspTestClient.uri(name);
      const since = client.mark();
      await client.open(uri, sampleText(name));
      const diagnostics = await client.diagnostics(uri, since);
      assertDiagnostics(diagnostics, sample.diagnostics, name);
      assert.ok(client.configurationRequests.includes('pubtator'), 'settings are asked for under the `pubtator` section');
    });
  }

  it('follows incremental edits: fixing an offset clears the problem, breaking one adds it', async () => {
    const uri = LspTestClient.uri('edited.pubtator');
    let since = client.mark();
    await client.open(uri, sampleText(KETAMINE));
    const before = await client.diagnostics(uri, since);
    assert.ok(before.some((d) => d.code === 'text-mismatch' && d.range.start.line === 7));

    // Line 7 holds `158<TAB>183` at characters 9-16; the text is at 154-179.
    since = client.mark();
    await client.change(uri, 2, [{ range: { start: { line: 7, character: 9 }, end: { line: 7, character: 16 } }, text: '154\t179' }]);
    const fixed = await client.diagnostics(uri, since, (p) => p.version === 2);
    assert.ok(!fixed.some((d) => d.code === 'text-mismatch'), `still reported: ${JSON.stringify(fixed)}`);

    // Line 3 is `suicidal ideation` at 17-34; shift it by one.
    since = client.mark();
    await client.change(uri, 3, [{ range: { start: { line: 3, character: 9 }, end: { line: 3, character: 14 } }, text: '18\t35' }]);
    const broken = await client.diagnostics(uri, since, (p) => p.version === 3);
    const mismatch = broken.find((d) => d.code === 'text-mismatch');
    assert.ok(mismatch, `no text-mismatch after the edit: ${JSON.stringify(broken)}`);
    assert.equal(mismatch.range.start.line, 3);
    assert.ok(messageOf(mismatch).includes('18-35') && messageOf(mismatch).includes('17-34'), messageOf(mismatch));
    await client.close(uri);
  });

  it('validates only the newest version when edits come faster than the delay', async () => {
    const uri = LspTestClient.uri('fast.pubtator');
    let since = client.mark();
    await client.open(uri, sampleText(KETAMINE));
    await client.diagnostics(uri, since);
    since = client.mark();
    const edit = (version: number, text: string) =>
      client.change(uri, version, [{ range: { start: { line: 7, character: 9 }, end: { line: 7, character: 16 } }, text }]);
    await Promise.all([edit(2, '154\t179'), edit(3, '158\t183')]);
    const last = await client.diagnostics(uri, since, (p) => p.version === 3);
    assert.ok(last.some((d) => d.code === 'text-mismatch'));
    assert.deepEqual(client.published.slice(since).filter((p) => p.uri === uri).map((p) => p.version), [3]);
    await client.close(uri);
  });

  it('applies a changed severity setting and re-validates open documents', async () => {
    const uri = LspTestClient.uri(KETAMINE);
    let since = client.mark();
    await client.configure({ severity: { 'text-mismatch': 'warning', 'entity-type-typo': 'off', 'no-such-check': 'error' } });
    const changed = await client.diagnostics(uri, since);
    assert.equal(changed.find((d) => d.code === 'text-mismatch')?.severity, 2);
    assert.ok(!changed.some((d) => d.code === 'entity-type-typo'));
    assert.equal(changed.find((d) => d.code === 'dangling-relation-id')?.severity, 1);

    since = client.mark();
    await client.configure({});
    assertDiagnostics(await client.diagnostics(uri, since), expected[KETAMINE].diagnostics, 'after reset');
  });

  it('counts offsets in the unit the offsetUnit setting names', async () => {
    // 😀 is one code point but two UTF-16 units: `drug` is at 12-16 in code points, 13-17 in UTF-16.
    const text = file(doc('1', 'A 😀 sample: drug', '', row(1, 12, 16, 'drug', 'Chemical', 'MESH:D004364')));
    const uri = LspTestClient.uri('astral.pubtator');
    let since = client.mark();
    await client.open(uri, text);
    assert.ok(!(await client.diagnostics(uri, since)).some((d) => d.code === 'text-mismatch'), 'code points by default');
    since = client.mark();
    await client.configure({ offsetUnit: 'utf16' });
    const utf16 = await client.diagnostics(uri, since, (p) => p.diagnostics.length > 0);
    assert.ok(utf16.some((d) => d.code === 'text-mismatch'), JSON.stringify(utf16));
    since = client.mark();
    await client.configure({});
    await client.diagnostics(uri, since, (p) => p.diagnostics.every((d) => d.code !== 'text-mismatch'));
    since = client.mark();
    await client.close(uri);
    assert.deepEqual(await client.diagnostics(uri, since), [], 'closing clears the diagnostics');
  });

  for (const [name, sample] of Object.entries(expected)) {
    const uri = LspTestClient.uri(name);
    for (const h of sample.hover) {
      it(`hovers the concept id at ${name}:${h.line}:${h.character}`, async () => {
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: h });
        assert.ok(hover, 'a hover');
        const contents = hover.contents as MarkupContent;
        assert.equal(contents.kind, 'markdown');
        for (const fact of h.includes) assert.ok(contents.value.includes(fact), `hover lacks ${fact}: ${contents.value}`);
        if (hover.range) assert.equal(hover.range.start.line, h.line);
      });
    }
    for (const d of sample.definition) {
      it(`goes from the relation id at ${name}:${d.line}:${d.character} to its mention rows`, async () => {
        const locations = await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: d }) as Location[];
        assert.ok(Array.isArray(locations));
        assert.ok(locations.every((l) => l.uri === uri), 'locations carry the document uri');
        assert.deepEqual([...new Set(locations.map((l) => l.range.start.line))].sort((a, b) => a - b), d.lines);
      });
    }
  }

  it('finds the references and highlights of a concept id', async () => {
    const uri = LspTestClient.uri(KETAMINE);
    const position = { line: 13, character: 33 }; // MESH:D007649 in the first relation
    const all = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: true } });
    const lines = (all ?? []).map((l) => l.range.start.line).sort((a, b) => a - b);
    assert.deepEqual(lines, [2, 5, 8, 13, 14, 15], 'three mentions and three relations name MESH:D007649');
    assert.ok(all!.every((l) => l.uri === uri));
    const others = await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position, context: { includeDeclaration: false } });
    assert.ok(!(others ?? []).some((l) => l.range.start.line === 13), 'without the occurrence under the cursor');

    const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position }) as DocumentHighlight[];
    assert.deepEqual([...new Set(highlights.map((h) => h.range.start.line))].sort((a, b) => a - b), [2, 5, 8, 13, 14, 15]);
    assert.ok(highlights.every((h) => h.kind === undefined || [1, 2, 3].includes(h.kind)));
  });

  it('answers requests past the end of the file or on garbage with empty results and stays up', async () => {
    const uri = LspTestClient.uri(KETAMINE);
    const far = [{ line: 9999, character: 0 }, { line: 9999, character: 9999 }, { line: 16, character: 3 }];
    const garbageUri = LspTestClient.uri('garbage.pubtator');
    const since = client.mark();
    await client.open(garbageUri, '\u0000\uFFFF|||\t\t\t\n|t|\n12|a\t-5\tx\n\uD800\t1\t2\t3\t4\t5\t6\t7\n\r\n\t\t\n1|t|\n1\t9\t3\t\t\t\n1\tCID\t\t\n');
    await client.diagnostics(garbageUri, since);
    const garbageAt = [];
    for (let line = 0; line < 10; line++) for (const character of [0, 1, 3, 6, 50]) garbageAt.push({ line, character });
    for (const [target, positions] of [[uri, far], [garbageUri, garbageAt], [LspTestClient.uri('never-opened.pubtator'), far]] as const) {
      for (const position of positions) {
        const params = { textDocument: { uri: target }, position };
        const hover: Hover | null = await client.connection.sendRequest(HoverRequest.type, params);
        if (target !== garbageUri) assert.equal(hover, null, `hover at ${JSON.stringify(position)}`);
        const defs = await client.connection.sendRequest(DefinitionRequest.type, params);
        const refs = await client.connection.sendRequest(ReferencesRequest.type, { ...params, context: { includeDeclaration: true } });
        const highs = await client.connection.sendRequest(DocumentHighlightRequest.type, params);
        if (target !== garbageUri) {
          assert.deepEqual(defs ?? [], []);
          assert.deepEqual(refs ?? [], []);
          assert.deepEqual(highs ?? [], []);
        }
      }
    }
    assert.ok(client.isAlive(), 'the server is still running');
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: expected[KETAMINE].hover[0] });
    assert.ok(hover, 'and still answers');
  });

  it('shuts down and exits cleanly', async () => {
    assert.equal(await client.shutdown(), 0);
  });
});

describe('language server with a client that pushes settings', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ configuration: false });
  });
  after(() => client?.kill());

  it('reads the pubtator section of didChangeConfiguration', async () => {
    const uri = LspTestClient.uri(KETAMINE);
    let since = client.mark();
    await client.open(uri, sampleText(KETAMINE));
    assertDiagnostics(await client.diagnostics(uri, since), expected[KETAMINE].diagnostics, 'defaults');
    since = client.mark();
    await client.configure({ severity: { 'dangling-relation-id': 'off' } }, true);
    const changed = await client.diagnostics(uri, since);
    assert.ok(!changed.some((d) => d.code === 'dangling-relation-id'));
    assert.equal(changed.length, expected[KETAMINE].diagnostics.length - 1);
    assert.deepEqual(client.configurationRequests, [], 'never asks');
    assert.equal(await client.shutdown(), 0);
  });
});

describe('language server over Node IPC, as VS Code starts it', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ transport: 'ipc' });
  });
  after(() => client?.kill());

  it('validates a document and shuts down', async () => {
    const uri = LspTestClient.uri(KETAMINE);
    const since = client.mark();
    await client.open(uri, sampleText(KETAMINE));
    assertDiagnostics(await client.diagnostics(uri, since), expected[KETAMINE].diagnostics, 'over IPC');
    assert.equal(await client.shutdown(), 0);
  });
});

describe('language server over stdio when its editor goes away', () => {
  it('exits when its input ends without a shutdown, and says so by its status', async () => {
    const client = await LspTestClient.start();
    try {
      const exited = new Promise<number | null>((resolve) => client.process.on('exit', (code) => resolve(code)));
      client.process.stdin!.end();
      assert.equal(await exited, 1);
    } finally {
      client.kill();
    }
  });
});
