// The first hover over a small file just opened, sent right after didOpen
// without waiting for anything (no diagnostics, no settings round trip): it is
// answered, with the concept, every time; while the MeSH index is built in the
// background it comes without MeSH's name (the server never holds a request
// for the index), and once the index is in use with it. Many files, hovers
// sent back to back, and hovers racing the index becoming ready.
//
// Issue 23 asked whether a small freshly opened file can lose its first hover
// in the server; these tests found no such loss. What did lose it was the
// client while the server starts (client/src/hoverWhileStarting.ts).

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HoverRequest, type Hover, type MarkupContent, type Position } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './support/lspClient';
import { doc, file, row } from '../support/build';
import { fixturesDir } from '../support/paths';

const XML_FILES = ['desc2025.xml', 'supp2025.xml'].map((n) => join(fixturesDir, 'concepts', n));

/** A small file: one document, two mentions and a relation between them. */
function smallText(pmid: number): string {
  return file(doc(String(pmid), 'Ketamine for pain', '',
    row(pmid, 0, 8, 'Ketamine', 'Chemical', 'MESH:D007649'),
    row(pmid, 13, 17, 'pain', 'Disease', 'MESH:D010146'),
    row(pmid, 'CID', 'MESH:D007649', 'MESH:D010146')));
}

/** Where MESH:D007649 is: on the mention row (line 2) and on the relation row (line 4). */
function onKetamineId(pmid: number, relation: boolean): Position {
  const id = String(pmid);
  return relation ? { line: 4, character: id.length + 'CID'.length + 2 + 5 } : { line: 2, character: `${id}\t0\t8\tKetamine\tChemical\t`.length + 5 };
}

const NAMED = /MeSH heading \*\*Ketamine\*\*/;

function text(h: Hover | null): string | undefined {
  return h ? (h.contents as MarkupContent).value : undefined;
}

const storage = mkdtempSync(join(tmpdir(), 'pubtator-lsp-first-hover-'));
const clients: LspTestClient[] = [];

async function start(): Promise<LspTestClient> {
  const client = await LspTestClient.start({ settings: { mesh: { files: XML_FILES } }, initializationOptions: { storagePath: storage, trusted: true } });
  clients.push(client);
  return client;
}

after(() => {
  for (const c of clients) c.kill();
  rmSync(storage, { recursive: true, force: true });
});

/** Opens `count` small files, each followed at once by a hover on its MeSH id; every hover sent before any answer is awaited. */
async function openAndHover(client: LspTestClient, prefix: string, count: number): Promise<{ pmid: number; hover: string | undefined }[]> {
  const asked: Promise<{ pmid: number; hover: string | undefined }>[] = [];
  for (let i = 0; i < count; i++) {
    const pmid = 1000 + i;
    const uri = LspTestClient.uri(`${prefix}-${i}.pubtator`);
    void client.open(uri, smallText(pmid));
    asked.push(client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: onKetamineId(pmid, i % 2 === 1) })
      .then((h) => ({ pmid, hover: text(h as Hover | null) })));
  }
  return Promise.all(asked);
}

describe('the first hover over a small file just opened', () => {
  it('is answered for every file, while the MeSH index is built and after', async () => {
    const client = await start();
    // The first file's settings start the index build: these hovers race it.
    const first = await openAndHover(client, 'building', 20);
    for (const { pmid, hover } of first) {
      assert.ok(hover, `a hover for document ${pmid}`);
      assert.match(hover, /\*\*MeSH\*\* `MESH:D007649`/, `the concept for document ${pmid}`);
      assert.match(hover, /Ketamine/);
    }
    // Once the index is in use (the open files are checked again: unknown ids are none here, so wait for the log line).
    await client.until(() => client.logs.find((l) => /MeSH index in use/.test(l)), 'the index in use');
    const later = await openAndHover(client, 'built', 20);
    for (const { pmid, hover } of later) assert.match(hover ?? '', NAMED, `MeSH's name for document ${pmid}: ${hover}`);
    await client.shutdown();
  });

  it('with the index already built, the very first request of a new server is a hover that shows MeSH\'s name', async () => {
    for (let run = 0; run < 3; run++) {
      const client = await start();
      const [{ hover }] = await openAndHover(client, `restart-${run}`, 1);
      assert.match(hover ?? '', NAMED, `run ${run}: ${hover}`);
      const rest = await openAndHover(client, `restart-${run}-more`, 10);
      for (const r of rest) assert.match(r.hover ?? '', NAMED);
      await client.shutdown();
    }
  });
});
