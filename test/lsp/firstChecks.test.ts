// Diagnostics first: whole-file requests on a large file wait for its first
// check; screen-sized requests do not. Unit tests of the gate, then the
// built server on a 5 MB file.

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { FoldingRangeRequest, SemanticTokensRangeRequest, SemanticTokensRequest } from 'vscode-languageserver-protocol/node';
import { FirstChecks } from '../../server/src/lsp/firstChecks';
import { LARGE_TEXT } from '../../server/src/lsp/largeText';
import { LspTestClient } from './support/lspClient';
import { doc, file, row } from '../support/build';

/** Whether the promise settles within a turn of the event loop (a gate that holds would never). */
async function settles(promise: Promise<void>): Promise<boolean> {
  return Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 20))]);
}

describe('FirstChecks', () => {
  it('lets requests through at once for a file nobody waits on', async () => {
    const gate = new FirstChecks();
    assert.equal(await settles(gate.wait('file:///a')), true);
  });

  it('holds requests until the first check, then lets every waiter go', async () => {
    const gate = new FirstChecks();
    gate.expect('file:///a');
    const order: string[] = [];
    const waiters = [gate.wait('file:///a').then(() => order.push('one')), gate.wait('file:///a').then(() => order.push('two'))];
    await new Promise((r) => setTimeout(r, 10));
    assert.deepEqual(order, [], 'nothing passes before the check');
    assert.equal(await settles(gate.wait('file:///b')), true, 'another file is not held');
    gate.checked('file:///a');
    await Promise.all(waiters);
    assert.deepEqual(order, ['one', 'two']);
    assert.equal(await settles(gate.wait('file:///a')), true, 'once checked, the file is not held again');
  });

  it('does not reset a pending gate when asked twice', async () => {
    const gate = new FirstChecks();
    gate.expect('file:///a');
    const waiting = gate.wait('file:///a');
    gate.expect('file:///a');
    gate.checked('file:///a');
    assert.equal(await settles(waiting), true, 'the first waiter is released by the one check');
  });
});

describe('a large file just opened, over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(() => client?.kill());

  it('gets its diagnostics before any whole-file answer; a screen of tokens is not held back', async () => {
    const docs: string[] = [];
    for (let i = 0; docs.join('\n\n').length < LARGE_TEXT + 1024; i++) {
      const pmid = String(30000000 + i);
      docs.push(doc(pmid, 'Naloxone reverses the antihypertensive effect of clonidine.', 'Blood pressure fell in rats.',
        row(pmid, 0, 8, 'Naloxone', 'Chemical', 'D009270'), row(pmid, 49, 58, 'clonidine', 'Chemical', 'D003000'),
        row(pmid, 'CID', 'D009270', 'D999999')));
    }
    const uri = LspTestClient.uri('large.pubtator');
    const textDocument = { uri };
    const events: string[] = [];
    const since = client.mark();
    await client.open(uri, file(...docs), 1);
    const tokensAnswer = client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }).then((r) => { events.push('tokens'); return r; });
    const foldsAnswer = client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }).then((r) => { events.push('folding'); return r; });
    const screen = client.connection.sendRequest(SemanticTokensRangeRequest.type,
      { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } } });
    const published = await client.diagnostics(uri, since);
    events.push('diagnostics');
    const [tokens, folds] = await Promise.all([tokensAnswer, foldsAnswer]);
    assert.deepEqual(events.slice(0, 1), ['diagnostics'], `order: ${events.join(', ')}`);
    // Every document's relation names an id no mention carries.
    assert.equal(published.filter((d) => d.code === 'dangling-relation-id').length, docs.length);
    assert.equal(tokens!.data.length, docs.length * 2 * 5, 'two tokens a document');
    assert.ok(folds!.length >= docs.length);
    assert.ok((await screen)!.data.length > 0);
  });
});
