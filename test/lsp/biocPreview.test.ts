// The reading view of a BioC XML file over LSP, against the built server:
// the model of its projection with lines on the XML elements, an export, and
// curation refused (PubTator edits would break the XML).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient } from './support/lspClient';
import { fixturesDir } from '../support/paths';
import { PREVIEW_EXPORT_REQUEST, PREVIEW_REQUEST, type PreviewResult } from '../../server/src/lsp/preview';
import { CURATE_REQUEST } from '../../server/src/lsp/curate';
import type { PreviewExport } from '../../server/src/service/languageService';

const TEXT = readFileSync(join(fixturesDir, 'bioc', 'small.bioc.xml'), 'utf8');
const LINES = TEXT.split('\n');
const lineOf = (s: string) => LINES.findIndex((l) => l.includes(s));

describe('preview of a BioC file over stdio', () => {
  let client: LspTestClient;
  const uri = LspTestClient.uri('small.bioc.xml');
  const textDocument = { uri };

  before(async () => {
    client = await LspTestClient.start();
    const since = client.mark();
    await client.open(uri, TEXT, 1, 'bioc');
    await client.diagnostics(uri, since);
  });

  after(() => client?.kill());

  it('answers the projection\'s model with its rows on their XML elements', async () => {
    const at = lineOf('<text>Asthma</text>');
    const w = await client.connection.sendRequest(PREVIEW_REQUEST, { textDocument, position: { line: at, character: LINES[at].indexOf('Asthma') } }) as PreviewResult;
    assert.equal(w.version, 1);
    const doc = w.documents[w.current];
    assert.equal(doc.id, '100');
    assert.deepEqual(doc.mentions.map((m) => m.line), [lineOf('<annotation id="T1">'), lineOf('<annotation id="T2">'), lineOf('<annotation id="T3">')]);
    assert.deepEqual(w.focus, { kind: 'mention', index: 1 });
    assert.deepEqual(doc.graph.edges.map((e) => e.label), ['Positive_Correlation']);
  });

  it('exports the document at a line of the XML', async () => {
    const r = await client.connection.sendRequest(PREVIEW_EXPORT_REQUEST, { textDocument, line: lineOf('<annotation id="T3">'), format: 'html' }) as PreviewExport;
    assert.equal(r.id, '100');
    assert.match(r.content, /PubTator document 100/);
    assert.match(r.content, /Positive_Correlation/);
  });

  it('refuses curation intents on the BioC file', async () => {
    const intent = { kind: 'addSpan', selection: { line: 0, from: 0, to: 4, text: 'Asth' }, type: 'Disease', id: '' };
    const r = await client.connection.sendRequest(CURATE_REQUEST, { textDocument, version: 1, intent }) as { error?: string };
    assert.match(r.error ?? '', /BioC file is read-only/);
  });
});
