// The reading view over LSP, against the built server over stdio: the model
// of the document at the cursor (and its neighbours, never the file), the
// problems as published, the text version it was computed on, the exports,
// and null rather than an error for anything odd.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from './support/lspClient';
import { doc, file, row } from '../support/build';
import { PREVIEW_EXPORT_REQUEST, PREVIEW_REQUEST, type PreviewResult } from '../../server/src/lsp/preview';
import type { PreviewExport } from '../../server/src/service/languageService';

const TEXT = file(
  doc('39000001', 'Ketamine reduces suicidal ideation.', 'Esketamine acts on GRIN2B in mice.',
    row(39000001, 0, 8, 'Ketamine', 'Chemical', 'MESH:D007649'),
    row(39000001, 17, 34, 'suicidal ideation', 'Disease', 'MESH:D059020'),
    row(39000001, 36, 46, 'Esketamine', 'Chemical', 'MESH:C000628120'),
    row(39000001, 'Negative_Correlation', 'MESH:D007649', 'MESH:D059020')),
  doc('BC8_Doc2', 'Aspirin and pain', '', row('BC8_Doc2', 0, 7, 'Aspirin', 'Chemical', 'D001241'), row('BC8_Doc2', 13, 16, 'pai', 'Disease', 'D010146')),
  doc('3', 'Third.', ''),
  doc('4', 'Fourth.', ''),
);
const LINES = TEXT.split('\n');
const lineOf = (start: string) => LINES.findIndex((l) => l.startsWith(start));

describe('preview over stdio', () => {
  let client: LspTestClient;
  const uri = LspTestClient.uri('preview.pubtator');
  const textDocument = { uri };
  const preview = (line: number, character = 0, around?: number) =>
    client.connection.sendRequest(PREVIEW_REQUEST, { textDocument, position: { line, character }, around }) as Promise<PreviewResult | null>;

  before(async () => {
    client = await LspTestClient.start();
    const since = client.mark();
    await client.open(uri, TEXT, 1);
    await client.diagnostics(uri, since);
  });

  after(() => client?.kill());

  it('answers the document at the cursor, its neighbours and what the cursor is on', async () => {
    const w = (await preview(0, '39000001|t|'.length + 2))!;
    assert.equal(w.uri, uri);
    assert.equal(w.version, 1);
    assert.equal(w.total, 4);
    assert.deepEqual(w.documents.map((d) => d.id), ['39000001', 'BC8_Doc2']);
    const current = w.documents[w.current];
    assert.deepEqual(current.passages[0].segments.map((s) => s.text), ['Ketamine', ' reduces ', 'suicidal ideation', '.']);
    assert.deepEqual(current.mentions.map((m) => m.type), ['Chemical', 'Disease', 'Chemical']);
    assert.deepEqual(w.focus, { kind: 'mention', index: 0 });
    assert.deepEqual(current.graph.edges.map((e) => e.label), ['Negative_Correlation']);
    assert.equal(current.pubmed, 'https://pubmed.ncbi.nlm.nih.gov/39000001/');
  });

  it('lists the problems the server published for that document', async () => {
    const line = lineOf('BC8_Doc2\t13');
    const w = (await preview(line, 0, 0))!;
    const current = w.documents[w.current];
    assert.equal(current.id, 'BC8_Doc2');
    assert.deepEqual(current.problems.map((p) => [p.line, p.code]), [[line, 'text-mismatch']]);
    assert.equal(current.mentions[1].status, 'mismatch');
    assert.equal(current.mentions[1].covered, 'ain');
  });

  it('follows an edit, stamped with the new version', async () => {
    const line = lineOf('BC8_Doc2\t13');
    const since = client.mark();
    await client.change(uri, 2, [{ range: { start: { line, character: 9 }, end: { line, character: 14 } }, text: '12\t15' }]);
    await client.diagnostics(uri, since, (p) => p.version === 2);
    const w = (await preview(line))!;
    assert.equal(w.version, 2);
    assert.equal(w.documents[w.current].mentions[1].status, 'ok');
    assert.deepEqual(w.documents[w.current].problems, []);
  });

  it('exports the document at a line as HTML or SVG', async () => {
    for (const format of ['html', 'svg'] as const) {
      const e = await client.connection.sendRequest(PREVIEW_EXPORT_REQUEST, { textDocument, line: 1, format }) as PreviewExport;
      assert.equal(e.id, '39000001');
      assert.match(e.content, format === 'svg' ? /^<\?xml[\s\S]*<svg[\s\S]*Ketamine[\s\S]*<\/svg>\n$/ : /^<!DOCTYPE html>[\s\S]*Ketamine[\s\S]*<\/html>\n$/);
    }
  });

  it('answers null, not an error, for unknown documents and odd parameters', async () => {
    const odd = [
      { textDocument: { uri: LspTestClient.uri('not-open.pubtator') }, position: { line: 0, character: 0 } },
      { textDocument, position: { line: 'x', character: 0 } },
      { textDocument },
      {},
      null,
    ];
    for (const params of odd) assert.equal(await client.connection.sendRequest(PREVIEW_REQUEST, params), null, JSON.stringify(params));
    assert.equal(await client.connection.sendRequest(PREVIEW_EXPORT_REQUEST, { textDocument, line: 0, format: 'pdf' }), null);
    // The server is still there.
    assert.ok(await preview(0));
  });
});
