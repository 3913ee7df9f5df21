// The built server under load: 1,000 rapid incremental edits with hover and
// definition requests in between (some cancelled at once), and 100 documents
// opened and closed, three times over. It must answer every request it was
// not told to cancel, publish the newest version's diagnostics, stay alive,
// and not grow from one round of open-and-close to the next.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CancellationTokenSource, DefinitionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './support/lspClient';
import { doc, file, row } from '../support/build';

function rss(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
}

/** A document of `n` mentions and a relation, about 60 bytes a row. */
function sample(pmid: string, n: number): string {
  const title = 'Naloxone reverses the antihypertensive effect of clonidine';
  const rows = Array.from({ length: n }, (_, i) => row(pmid, 0, 8, 'Naloxone', 'Chemical', `D${String(i).padStart(6, '0')}`));
  return file(doc(pmid, title, 'Blood pressure fell.', ...rows, row(pmid, 'CID', 'D000000', 'D999999')));
}

describe('server under load', () => {
  let client: LspTestClient;

  before(async () => {
    client = await LspTestClient.start();
  });

  after(() => client?.kill());

  it('takes 1,000 edits in a row with overlapping and cancelled requests', async () => {
    const uri = LspTestClient.uri('stress.pubtator');
    const text = sample('1', 2000);
    await client.open(uri, text, 1);
    const pending: Promise<unknown>[] = [];
    let cancelled = 0;
    for (let i = 0; i < 1000; i++) {
      const version = i + 2;
      // Toggle the start offset of row 3 between 0 and 10 (reversed offsets when 10).
      await client.change(uri, version, [{
        range: { start: { line: 2, character: 2 }, end: { line: 2, character: i % 2 === 0 ? 3 : 4 } },
        text: i % 2 === 0 ? '10' : '0',
      }]);
      if (i === 998) {
        // Half-way through a toggle the row really is broken: the server says so.
        const broken = await client.diagnostics(uri, 0, (p) => p.version === version);
        assert.ok(broken.some((d) => d.code === 'bad-offsets' && d.range.start.line === 2));
      }
      if (i % 10 === 0) {
        const source = new CancellationTokenSource();
        const position = { line: 2 + (i % 50), character: 40 };
        const hover = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }, source.token);
        const definition = client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line: 2002, character: 8 } });
        if (i % 30 === 0) {
          source.cancel();
          cancelled++;
          pending.push(hover.catch(() => 'cancelled'));
        } else {
          pending.push(hover);
        }
        pending.push(definition);
      }
    }
    const answers = await Promise.all(pending);
    assert.equal(answers.length, 200);
    assert.ok(cancelled > 0);
    const mark = 0;
    // The last edit (i = 999, odd) put the offset back to 0: the newest diagnostics hold no mismatch.
    const final = await client.diagnostics(uri, mark, (p) => p.version === 1001);
    assert.deepEqual(final.map((d) => d.code), ['dangling-relation-id']);
    assert.ok(client.isAlive());
  });

  it('opens and closes 100 documents three times without growing', async () => {
    const texts = Array.from({ length: 100 }, (_, i) => sample(String(1000 + i), 1500));
    const afterRound: number[] = [];
    for (let round = 0; round < 3; round++) {
      const uris = texts.map((_, i) => LspTestClient.uri(`many-${i}.pubtator`));
      const mark = client.mark();
      await Promise.all(uris.map((uri, i) => client.open(uri, texts[i], 1)));
      await Promise.all(uris.map((uri) => client.diagnostics(uri, mark, (p) => p.diagnostics.length > 0)));
      const closed = client.mark();
      await Promise.all(uris.map((uri) => client.close(uri)));
      await Promise.all(uris.map((uri) => client.diagnostics(uri, closed, (p) => p.diagnostics.length === 0)));
      await new Promise((r) => setTimeout(r, 500));
      afterRound.push(rss(client.process.pid!));
    }
    // Each round holds ~10 MB of text while open; none of it may stay behind.
    const growth = afterRound[2] - afterRound[0];
    assert.ok(growth < 40 * 1024 * 1024, `RSS grew by ${(growth / 1048576).toFixed(1)} MB between round 1 and round 3: ${afterRound.map((b) => (b / 1048576).toFixed(0)).join(', ')} MB`);
    assert.ok(client.isAlive());
  });
});
