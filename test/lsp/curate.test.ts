// Curation over LSP, against the built server over stdio: an intent answers
// edits stamped with the version they were computed on (another version is
// refused), the pickers' choices, and the carry of a text correction for the
// version the correction made (none for any other).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from './support/lspClient';
import { doc, file, row } from '../support/build';
import { CARRY_ANNOTATIONS_REQUEST, CARRY_WAIT_MS, CURATE_CHOICES_REQUEST, CURATE_REQUEST, type CarryAnswer } from '../../server/src/lsp/curate';
import { applyEdits } from '../../server/src/service/edits/textEdit';
import type { TextEdit } from '../../server/src/service/languageService';

const TEXT = file(doc('7', 'Aspirin and pain relief.', 'Aspirin eased pain.',
  row('7', 0, 7, 'Aspirin', 'Chemical', 'D001241'),
  row('7', 25, 32, 'Aspirin', 'Chemical', 'D001241')));

describe('curation over stdio', () => {
  let client: LspTestClient;
  const uri = LspTestClient.uri('curate.pubtator');
  const textDocument = { uri };

  before(async () => {
    client = await LspTestClient.start();
    await client.open(uri, TEXT, 1);
  });

  after(() => client?.kill());

  it('answers the edits of an intent with the version, and refuses another version', async () => {
    const intent = { kind: 'addSpan', selection: { line: 0, from: 12, to: 16, text: 'pain' }, type: 'Disease', id: '' };
    const r = await client.connection.sendRequest(CURATE_REQUEST, { textDocument, version: 1, intent }) as { edits: TextEdit[]; version: number; label: string };
    assert.equal(r.version, 1);
    assert.equal(applyEdits(TEXT, r.edits).split('\n')[3], row('7', 12, 16, 'pain', 'Disease', ''));
    const stale = await client.connection.sendRequest(CURATE_REQUEST, { textDocument, version: 0, intent }) as { error: string };
    assert.match(stale.error, /changed since the view showed it/);
    const choices = await client.connection.sendRequest(CURATE_CHOICES_REQUEST, { textDocument, query: { kind: 'types', selection: intent.selection } }) as { choices: { value: string; count: number }[] };
    assert.deepEqual(choices.choices, [{ value: 'Chemical', count: 2, family: 'chemical' }]);
  });

  it('carries the annotations of the version a text correction made', async () => {
    const range = { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } };
    await client.change(uri, 2, [{ range, text: 'Low-dose ' }]);
    const carry = await client.connection.sendRequest(CARRY_ANNOTATIONS_REQUEST, { textDocument, version: 2 }) as CarryAnswer | null;
    assert.ok(carry);
    assert.equal(carry.shifted, 2);
    const after = applyEdits(applyEdits(TEXT, [{ range, newText: 'Low-dose ' }]), carry.edits);
    assert.deepEqual(after.split('\n').slice(2, 4), [row('7', 9, 16, 'Aspirin', 'Chemical', 'D001241'), row('7', 34, 41, 'Aspirin', 'Chemical', 'D001241')]);
    assert.equal(await client.connection.sendRequest(CARRY_ANNOTATIONS_REQUEST, { textDocument, version: 1 }), null);
  });

  it('carries a word typed letter by letter as one correction', async () => {
    const uri2 = LspTestClient.uri('typed.pubtator');
    await client.open(uri2, TEXT, 1);
    let version = 1;
    let text = TEXT;
    const at = TEXT.split('\n')[1].indexOf('Aspirin');
    for (const [i, ch] of [...'much '].entries()) {
      const range = { start: { line: 1, character: at + i }, end: { line: 1, character: at + i } };
      await client.change(uri2, ++version, [{ range, text: ch }]);
      text = applyEdits(text, [{ range, newText: ch }]);
    }
    const carry = await client.connection.sendRequest(CARRY_ANNOTATIONS_REQUEST, { textDocument: { uri: uri2 }, version }) as CarryAnswer | null;
    assert.ok(carry, 'a carry for the last keystroke');
    assert.equal(applyEdits(text, carry.edits).split('\n')[3], row('7', 30, 37, 'Aspirin', 'Chemical', 'D001241'));
  });

  it('with auto, checks a correction that moves rows only once the client\'s carry came: no problem flashes before it', async () => {
    await client.configure({ edits: { carryAnnotations: 'auto' } });
    const uri3 = LspTestClient.uri('flash.pubtator');
    const first = client.mark();
    await client.open(uri3, TEXT, 1);
    assert.deepEqual(await client.diagnostics(uri3, first), [], 'the file is clean');
    const mark = client.mark();
    const range = { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } };
    await client.change(uri3, 2, [{ range, text: 'Low-dose ' }]);
    // A small file is checked 25 ms after an edit; this one waits for the carry.
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.deepEqual(client.published.slice(mark).filter((p) => p.uri === uri3), [], 'nothing published before the carry');
    const carry = await client.connection.sendRequest(CARRY_ANNOTATIONS_REQUEST, { textDocument: { uri: uri3 }, version: 2 }) as CarryAnswer | null;
    assert.ok(carry);
    // As the editor applies them: one change, the edits from the last in the file to the first.
    const edits = [...carry.edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
    await client.change(uri3, 3, edits.map((e) => ({ range: e.range, text: e.newText })));
    assert.deepEqual(await client.diagnostics(uri3, mark, (p) => p.version === 3), [], 'the carried rows are right');
    assert.deepEqual(client.published.slice(mark).filter((p) => p.uri === uri3 && p.diagnostics.length > 0), [], 'no problem was ever published');
    // With offer (the default) no carry comes unasked: the rows left behind are reported at once.
    await client.configure({});
    await new Promise((resolve) => setTimeout(resolve, 300));
    const late = client.mark();
    const t = Date.now();
    await client.change(uri3, 4, [{ range, text: 'Oral ' }]);
    const problems = await client.diagnostics(uri3, late, (p) => p.version === 4);
    assert.ok(problems.length > 0, 'the spans after the edit are reported');
    // Not held for a carry (auto would hold the check CARRY_WAIT_MS for it).
    assert.ok(Date.now() - t < CARRY_WAIT_MS, `reported after ${Date.now() - t} ms`);
    await client.close(uri3);
  });

  it('offers the ids another open file gave to the same words, after this file\'s own', async () => {
    const other = LspTestClient.uri('other annotator.pubtator');
    await client.open(other, file(doc('8', 'Aspirin.', '', row('8', 0, 7, 'Aspirin', 'Chemical', 'MESH:D001241'))), 1);
    const fresh = LspTestClient.uri('fresh.pubtator');
    const text = file(doc('9', 'Aspirin again.', ''));
    await client.open(fresh, text, 1);
    const selection = { line: 0, from: 0, to: 7, text: 'Aspirin' };
    const answer = await client.connection.sendRequest(CURATE_CHOICES_REQUEST, { textDocument: { uri: fresh }, query: { kind: 'ids', selection, type: 'Chemical' } }) as { choices: { value: string; detail: string }[] };
    const byValue = new Map(answer.choices.map((c) => [c.value, c.detail]));
    assert.match(byValue.get('MESH:D001241') ?? '', /given to "Aspirin" 1× in other annotator\.pubtator/);
    assert.match(byValue.get('D001241') ?? '', /given to "Aspirin" 4× in (curate|typed)\.pubtator and 1 other file$/);
  });
});
