// A hover asked for while the server is busy with a large file's first check
// is answered during the check, not after it: the check runs a slice of
// documents at a time (server/src/lsp/sliceChecks.ts). Before, every hover
// sent while a 5 MB file was checked waited for the whole check (seconds), and
// an editor that had given up on it showed nothing.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { LARGE_TEXT } from '../../server/src/lsp/largeText';
import { LspTestClient } from './support/lspClient';
import { doc, file, row } from '../support/build';

/** A file just over the large-file size: documents with two MeSH mentions and a relation between them. */
function largeText(): string {
  const docs: string[] = [];
  let length = 0;
  for (let i = 0; length < LARGE_TEXT + 1024; i++) {
    const pmid = String(30000000 + i);
    const d = doc(pmid, 'Naloxone reverses the antihypertensive effect of clonidine.', 'Blood pressure fell in rats.',
      row(pmid, 0, 8, 'Naloxone', 'Chemical', 'MESH:D009270'), row(pmid, 49, 58, 'clonidine', 'Chemical', 'MESH:D003000'),
      row(pmid, 'CID', 'MESH:D009270', 'MESH:D003000'));
    docs.push(d);
    length += d.length + 2;
  }
  return file(...docs);
}

/** On the first document's relation row, the first id (MESH:D009270). */
const ON_RELATION_ID = { line: 4, character: 14 };

function hoverText(h: Hover | null): string {
  return h ? (h.contents as MarkupContent).value : '';
}

describe('a hover while a large file is being checked, over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(() => client?.kill());

  it('is answered at once after didOpen, and during the first check, before its diagnostics', async () => {
    const uri = LspTestClient.uri('busy-hover.pubtator');
    const textDocument = { uri };
    const since = client.mark();
    const opened = Date.now();
    await client.open(uri, largeText(), 1);
    let published = 0;
    const diagnostics = client.diagnostics(uri, since).then((d) => {
      published = Date.now();
      return d;
    });
    // Hover at once, then every 100 ms until the first diagnostics are out.
    const hovers: { sent: number; answered: number; text: string }[] = [];
    const ask = async () => {
      const sent = Date.now();
      const h = await client.connection.sendRequest(HoverRequest.type, { textDocument, position: ON_RELATION_ID }) as Hover | null;
      hovers.push({ sent, answered: Date.now(), text: hoverText(h) });
    };
    const asked: Promise<void>[] = [];
    while (published === 0) {
      asked.push(ask());
      await Promise.race([diagnostics, new Promise((r) => setTimeout(r, 100))]);
    }
    await Promise.all(asked);
    const found = await diagnostics;
    assert.equal(found.length, 0, 'the file is clean');
    for (const h of hovers) {
      assert.match(h.text, /\*\*MeSH\*\* `MESH:D009270`/, 'every hover is answered with the concept');
      assert.match(h.text, /Naloxone/);
    }
    // Hovers sent while the check ran (all but those of its last moments) came back before its diagnostics.
    const checkMs = published - opened;
    const during = hovers.filter((h) => h.sent < published - 600);
    const early = during.filter((h) => h.answered < published);
    assert.ok(during.length === 0 || early.length >= during.length / 2,
      `${early.length} of ${during.length} hovers sent during the ${checkMs} ms check were answered before it ended: ${JSON.stringify(hovers.map((h) => [h.sent - opened, h.answered - opened]))}`);
  });
});
