// The web extension's language server (dist/web/server.js) as a browser runs
// it, in a worker with only a browser worker's globals (support/webWorker.ts):
// the same answers as the Node server for every request on the open file, the
// expected diagnostics, a MeSH index read through the client, and what needs
// Node said plainly instead of failing.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CodeActionRequest, CodeLensRequest, CodeLensResolveRequest, CompletionRequest, DefinitionRequest, DocumentFormattingRequest,
  DocumentHighlightRequest, DocumentRangeFormattingRequest, DocumentSymbolRequest, ExecuteCommandRequest, FoldingRangeRequest,
  HoverRequest, InlayHintRequest, PrepareRenameRequest, ReferencesRequest, RenameRequest, SelectionRangeRequest,
  SemanticTokensRangeRequest, SemanticTokensRequest, ShowMessageNotification, WorkspaceSymbolRequest,
  type CodeLens, type Diagnostic, type Hover, type MarkupContent, type Position, type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './support/lspClient';
import { expected, sampleText, SEVERITY_NUMBER } from './support/expected';
import { doc, file, row } from '../support/build';
import { fixturesDir, samplesDir } from '../support/paths';
import { buildMeshIndex } from '../../server/src/service/concepts/meshIndex';
import { TempDir } from '../unit/concepts/meshFixtures';

const READ_FILE_REQUEST = 'pubtator/readFile';
const XML_FILES = ['desc2025.xml', 'supp2025.xml'].map((n) => join(fixturesDir, 'concepts', n));

const SAMPLES: Record<string, string> = {
  ...Object.fromEntries(Object.keys(expected).map((name) => [name, sampleText(name)])),
  'clean.pubtator': readFileSync(join(samplesDir, 'ketamine.pubtator'), 'utf8'),
  'defects.pubtator': readFileSync(join(samplesDir, 'defects.pubtator'), 'utf8'),
};

/** A position inside each tab-separated field of each line (and at each `|` part of a title/abstract line). */
function positionsOf(text: string): Position[] {
  const out: Position[] = [];
  text.split('\n').forEach((line, lineNo) => {
    let at = 0;
    for (const field of line.split(/[\t|]/)) {
      out.push({ line: lineNo, character: at + Math.min(1, field.length) });
      at += field.length + 1;
    }
  });
  return out;
}

/** Every request an editor sends about an open file, in a fixed order, with its answer. */
async function answersFor(client: LspTestClient, uri: string, text: string, diagnostics: Diagnostic[]): Promise<unknown[]> {
  const c = client.connection;
  const textDocument = { uri };
  const lines = text.split('\n');
  const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
  const out: unknown[] = [];
  const ask = async (what: string, answer: Promise<unknown>) => out.push([what, await answer]);
  await ask('tokens', c.sendRequest(SemanticTokensRequest.type, { textDocument }).then((t) => t?.data));
  await ask('token range', c.sendRequest(SemanticTokensRangeRequest.type, { textDocument, range: whole }));
  await ask('folding', c.sendRequest(FoldingRangeRequest.type, { textDocument }));
  await ask('outline', c.sendRequest(DocumentSymbolRequest.type, { textDocument }));
  await ask('inlay hints', c.sendRequest(InlayHintRequest.type, { textDocument, range: whole }));
  await ask('workspace symbols', c.sendRequest(WorkspaceSymbolRequest.type, { query: '' }));
  await ask('formatting', c.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 4, insertSpaces: false } }));
  await ask('range formatting', c.sendRequest(DocumentRangeFormattingRequest.type, { textDocument, range: whole, options: { tabSize: 4, insertSpaces: false } }));
  const lenses = (await c.sendRequest(CodeLensRequest.type, { textDocument })) ?? [];
  await ask('code lenses', Promise.resolve(lenses));
  for (const lens of lenses) await ask('code lens resolve', c.sendRequest(CodeLensResolveRequest.type, lens as CodeLens));
  for (const d of diagnostics) {
    await ask('code actions', c.sendRequest(CodeActionRequest.type, { textDocument, range: d.range, context: { diagnostics: [d] } }));
  }
  const positions = positionsOf(text);
  await ask('selection ranges', c.sendRequest(SelectionRangeRequest.type, { textDocument, positions }));
  for (const position of positions) {
    const at = { textDocument, position };
    await ask('hover', c.sendRequest(HoverRequest.type, at));
    await ask('definition', c.sendRequest(DefinitionRequest.type, at));
    await ask('references', c.sendRequest(ReferencesRequest.type, { ...at, context: { includeDeclaration: true } }));
    await ask('highlights', c.sendRequest(DocumentHighlightRequest.type, at));
    await ask('completion', c.sendRequest(CompletionRequest.type, at));
    const prepared = await c.sendRequest(PrepareRenameRequest.type, at).catch((e: Error) => `refused: ${e.message}`);
    await ask('prepare rename', Promise.resolve(prepared));
    if (prepared && typeof prepared === 'object') await ask('rename', c.sendRequest(RenameRequest.type, { ...at, newName: 'MESH:D000001' }));
  }
  return out;
}

describe('web extension server in a worker', () => {
  let worker: LspTestClient;
  let node: LspTestClient;

  before(async () => {
    [worker, node] = await Promise.all([LspTestClient.start({ transport: 'worker' }), LspTestClient.start()]);
  });

  after(() => {
    worker?.kill();
    node?.kill();
  });

  it('announces the same capabilities as the Node server, and says where it runs', async () => {
    assert.deepEqual(worker.initializeResult, node.initializeResult);
    await worker.until(() => (worker.logs.includes('PubTator language server ready (web worker).') ? true : undefined), 'the hello line');
    await node.until(() => (node.logs.includes('PubTator language server ready (Node).') ? true : undefined), 'the hello line');
  });

  for (const [name, sample] of Object.entries(expected)) {
    it(`publishes the expected diagnostics of ${name}`, async () => {
      const uri = LspTestClient.uri(`expected-${name}`);
      const since = worker.mark();
      await worker.open(uri, sampleText(name));
      const got = await worker.diagnostics(uri, since);
      const summary = (d: { code?: unknown; severity?: unknown; range: { start: Position } }) => `${d.code} ${d.severity} ${d.range.start.line}:${d.range.start.character}`;
      assert.deepEqual(got.map(summary).sort(), sample.diagnostics.map((w) => summary({
        code: w.code, severity: SEVERITY_NUMBER[w.severity], range: { start: { line: w.line, character: w.character } },
      })).sort());
      for (const h of sample.hover) {
        const hover = await worker.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: h }) as Hover | null;
        const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
        for (const fact of h.includes) assert.ok(value.includes(fact), `hover at ${h.line}:${h.character} lacks ${fact}: ${value}`);
      }
      await worker.close(uri);
    });
  }

  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`answers every request on ${name} exactly as the Node server does`, async () => {
      const uri = LspTestClient.uri(name);
      const answers: unknown[][] = [];
      for (const client of [node, worker]) {
        const since = client.mark();
        await client.open(uri, text);
        const diagnostics = await client.diagnostics(uri, since);
        answers.push([diagnostics, ...(await answersFor(client, uri, text, diagnostics))]);
        await client.close(uri);
      }
      // As JSON: postMessage keeps a property set to undefined that a byte stream drops.
      const [fromNode, fromWorker] = answers.map((a) => JSON.parse(JSON.stringify(a)) as unknown[]);
      assert.ok(fromNode.length > 50, `only ${fromNode.length} answers`);
      for (let i = 0; i < fromNode.length; i++) assert.deepEqual(fromWorker[i], fromNode[i], `answer ${i} differs`);
    });
  }

  it('survives bytes that are not PubTator, and goes on answering', async () => {
    const uri = LspTestClient.uri('noise.pubtator');
    let noise = '';
    for (let i = 0; i < 20000; i++) noise += String.fromCharCode((i * 7919) % 0xd7ff);
    const since = worker.mark();
    await worker.open(uri, noise + '\n1|t|x\n1\t0\t99\tx\tChemical\tD1\n');
    const diagnostics = await worker.diagnostics(uri, since);
    assert.ok(diagnostics.length > 0);
    assert.ok(worker.isAlive());
    await worker.close(uri);
  });

  it('ends the worker on shutdown and exit', async () => {
    const spare = await LspTestClient.start({ transport: 'worker' });
    assert.equal(await spare.shutdown(), 0);
  });
});

describe('web extension server: what needs Node', () => {
  const tmp = new TempDir();
  const clients: LspTestClient[] = [];
  const TEXT = file(doc('1', 'Ketamine for pain', '',
    row(1, 0, 8, 'Ketamine', 'Chemical', 'MESH:D007649'),
    row(1, 13, 17, 'pain', 'Disease', 'MESH:D999999')));

  async function start(settings: Record<string, unknown>, files: Record<string, Uint8Array> = {}) {
    const client = await LspTestClient.start({ transport: 'worker', settings, initializationOptions: { trusted: true } });
    clients.push(client);
    const asked: string[] = [];
    const messages: ShowMessageParams[] = [];
    client.connection.onRequest(READ_FILE_REQUEST, (params: { path: string }): { base64?: string; error?: string } => {
      asked.push(params.path);
      const bytes = files[params.path];
      return bytes ? { base64: Buffer.from(bytes).toString('base64') } : { error: `${params.path} was found in no workspace folder` };
    });
    client.connection.onNotification(ShowMessageNotification.type, (m) => {
      messages.push(m);
    });
    return { client, asked, messages };
  }

  after(() => {
    for (const c of clients) c.kill();
    tmp.remove();
  });

  it('uses the MeSH index pubtator.mesh.index names, read through the client', async () => {
    const path = join(tmp.path, 'mesh.idx');
    await buildMeshIndex(XML_FILES, path);
    const { client, asked } = await start({ mesh: { index: 'mesh/mesh2025.idx' } }, { 'mesh/mesh2025.idx': readFileSync(path) });
    const uri = LspTestClient.uri('mesh.pubtator');
    await client.open(uri, TEXT);
    const diagnostics = await client.diagnostics(uri, 0, (p) => p.diagnostics.some((d) => d.code === 'unknown-mesh-id'));
    assert.deepEqual(diagnostics.filter((d) => d.code === 'unknown-mesh-id').map((d) => d.range.start.line), [3]);
    assert.deepEqual(asked, ['mesh/mesh2025.idx']);
    const character = TEXT.split('\n')[2].indexOf('MESH:D007649') + 5;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character } }) as Hover;
    assert.match((hover.contents as MarkupContent).value, /MeSH 2025/);
    assert.ok(client.logs.some((l) => /MeSH index in use: mesh\/mesh2025\.idx \(MeSH 2025, 5 descriptors/.test(l)), JSON.stringify(client.logs));
  });

  it('says why an index file cannot be used, and checks without it', async () => {
    const { client, messages } = await start({ mesh: { index: 'nowhere.idx' } });
    const uri = LspTestClient.uri('no-index.pubtator');
    await client.open(uri, TEXT);
    const diagnostics = await client.diagnostics(uri, 0);
    assert.ok(!diagnostics.some((d) => d.code === 'unknown-mesh-id'));
    await client.until(() => (messages.length ? true : undefined), 'a message');
    assert.equal(messages[0].type, 2, 'a warning');
    assert.match(messages[0].message, /pubtator\.mesh\.index cannot be used: nowhere\.idx was found in no workspace folder/);
    assert.ok(client.isAlive());
  });

  it('says that building an index from NLM files needs the desktop, as information, and checks on', async () => {
    const { client, messages } = await start({ mesh: { files: XML_FILES } });
    const uri = LspTestClient.uri('files.pubtator');
    await client.open(uri, TEXT);
    await client.diagnostics(uri, 0);
    await client.until(() => (messages.length ? true : undefined), 'a message');
    assert.equal(messages.length, 1);
    assert.equal(messages[0].type, 3, 'information, not an error');
    assert.match(messages[0].message, /needs VS Code on the desktop/);
    const outcome = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'pubtator.meshIndex.build', arguments: [{ files: XML_FILES }] });
    assert.deepEqual(outcome, { ok: false, message: (outcome as { message: string }).message });
    assert.match((outcome as { message: string }).message, /needs VS Code on the desktop/);
    assert.ok(!client.logs.some((l) => /failed|Uncaught|Unhandled/.test(l)), JSON.stringify(client.logs));
  });
});
