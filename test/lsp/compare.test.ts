// "Compare with…" over stdio with the built server: the comparison's
// diagnostics published together with the checker's, live after edits of
// either file, the lenses, the quick fixes, the summary pushed to the client,
// the candidate ranking, and stopping.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CodeActionRequest, CodeLensRequest, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol/node';
import { LspTestClient } from './support/lspClient';
import { applyEdits } from '../../server/src/service/edits/textEdit';
import type { CompareSummaryModel } from '../../server/src/service/compare/editorView';
import { doc, file, type M } from '../unit/compare/support';

const LIDO: M = [0, 9, 'Lidocaine', 'Chemical', 'D008012'];
const ASYSTOLE: M = [18, 34, 'cardiac asystole', 'Disease', 'D006323'];
const DEPRESSION: M = [52, 62, 'Depression', 'Disease', 'D003866'];
const REFERENCE = file(doc('1', [LIDO, ASYSTOLE, DEPRESSION]), doc('2', [LIDO]));
// Depression missing, an extra mention, and a checker error (offsets 80-91 do not cover "hypertension").
const CURRENT = file(doc('1', [LIDO, ASYSTOLE, [80, 91, 'hypertension', 'Disease', 'D006973']]), doc('2', [LIDO]));

describe('comparing two files over stdio', () => {
  let client: LspTestClient;
  const summaries: { uri: string; summary: CompareSummaryModel | null }[] = [];
  const current = LspTestClient.uri('mine.pubtator');
  const reference = LspTestClient.uri('gold.pubtator');
  let text = CURRENT;
  let version = 1;

  before(async () => {
    client = await LspTestClient.start();
    client.connection.onNotification('pubtator/compare.summary', (p: { uri: string; summary: CompareSummaryModel | null }) => { summaries.push(p); });
    await client.open(current, CURRENT);
    await client.diagnostics(current, 0);
  });
  after(() => client.kill());

  /** Waits for a summary notification (the test client wakes its waiters on diagnostics only, so poll). */
  async function summaryAfter(count: number, accept: (s: CompareSummaryModel | null) => boolean): Promise<CompareSummaryModel | null> {
    const end = Date.now() + 20000;
    for (;;) {
      const found = summaries.slice(count).find((s) => s.uri === current && accept(s.summary));
      if (found) return found.summary;
      if (Date.now() > end) throw new Error(`no such summary; got ${JSON.stringify(summaries.slice(count))}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  const sources = (list: Diagnostic[]) => list.map((d) => `${d.source} ${d.code} ${d.range.start.line}`).sort();
  const micro = (s: CompareSummaryModel | null | undefined) => s?.scores.find((x) => x.level === 'mention' && x.type === '*');

  it('starts from a reference sent as text, and publishes its diagnostics with the checker\'s', async () => {
    const since = client.mark();
    const result = await client.connection.sendRequest('pubtator/compare.start', { uri: current, reference: { uri: reference, text: REFERENCE } }) as { ok: boolean; summary: CompareSummaryModel };
    assert.equal(result.ok, true, JSON.stringify(result));
    assert.deepEqual(micro(result.summary), { level: 'mention', type: '*', tp: 3, fp: 1, fn: 1, precision: 0.75, recall: 0.75, f1: 0.75 });
    const list = await client.diagnostics(current, since, (p) => p.diagnostics.some((d) => d.source === 'compare'));
    assert.deepEqual(sources(list), ['compare extra-mention 4', 'compare missing-mention 1', 'pubtator span-boundary 4']);
    await summaryAfter(0, (s) => s !== null);
  });

  it('gives a code lens per document with its scores', async () => {
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: current } }) ?? [];
    const titles = lenses.filter((l) => l.command?.title.startsWith('vs ')).map((l) => `${l.range.start.line} ${l.command!.title}`);
    assert.deepEqual(titles, [
      '0 vs gold.pubtator: mentions F1 0.67 (TP 2 FP 1 FN 1) · concepts F1 0.67 · relations F1 –',
      '6 vs gold.pubtator: mentions F1 1.00 (TP 1 FP 0 FN 0) · concepts F1 1.00 · relations F1 –',
    ]);
  });

  it('"Add the gold mention" fixes the FN; the diagnostics and the summary follow the edit', async () => {
    const list = client.published.filter((p) => p.uri === current).at(-1)!.diagnostics;
    const fn = list.find((d) => d.code === 'missing-mention')!;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: current }, range: fn.range, context: { diagnostics: [fn] } }) as CodeAction[];
    const add = actions.find((a) => a.title === 'Add the gold mention');
    assert.ok(add?.edit?.changes?.[current], JSON.stringify(actions.map((a) => a.title)));
    text = applyEdits(text, add.edit.changes[current] as TextEdit[]);
    version++;
    const since = client.mark();
    const count = summaries.length;
    await client.change(current, version, [{ text }]);
    const after = await client.diagnostics(current, since, (p) => p.version === version);
    assert.deepEqual(sources(after), ['compare extra-mention 5', 'pubtator span-boundary 5']);
    const next = await summaryAfter(count, (s) => s !== null);
    assert.deepEqual([micro(next)!.tp, micro(next)!.fn], [4, 0]);
  });

  it('an edit of the open reference updates the compared file\'s diagnostics', async () => {
    await client.open(reference, REFERENCE.replace('1\t52\t62\tDepression\tDisease\tD003866\n', ''));
    const since = client.mark();
    const list = await client.diagnostics(current, since, (p) => p.diagnostics.some((d) => d.code === 'extra-mention' && d.range.start.line === 4));
    assert.deepEqual(sources(list), ['compare extra-mention 4', 'compare extra-mention 5', 'pubtator span-boundary 5']);
  });

  it('ranks candidate files by the document ids they share', async () => {
    const ranked = await client.connection.sendRequest('pubtator/compare.candidates', {
      uri: current,
      candidates: [{ uri: 'file:///other.pubtator', text: file(doc('9', [])) }, { uri: reference }, { uri: 'file:///half.pubtator', text: file(doc('2', [])) }],
    });
    assert.deepEqual(ranked, [
      { uri: 'file:///other.pubtator', shared: 0, documents: 1 },
      { uri: reference, shared: 2, documents: 2 },
      { uri: 'file:///half.pubtator', shared: 1, documents: 1 },
    ]);
  });

  it('marks at most 5,000 differences in a file, saying how many there are', async () => {
    const many = LspTestClient.uri('many.pubtator');
    const rows = Array.from({ length: 5200 }, (_, i) => [i % 60, (i % 60) + 1, 'x', `T${i}`, '-'] as M);
    await client.open(many, file(doc('1', rows)));
    const since = client.mark();
    const started = await client.connection.sendRequest('pubtator/compare.start', { uri: many, reference: { uri: LspTestClient.uri('empty-gold.pubtator'), text: file(doc('1', [])) } }) as { ok: boolean };
    assert.equal(started.ok, true);
    const list = await client.diagnostics(many, since, (p) => p.diagnostics.some((d) => d.source === 'compare'));
    const compared = list.filter((d) => d.source === 'compare');
    assert.equal(compared.length, 5001);
    assert.equal(compared[0].code, 'more-differences');
    assert.match(String(compared[0].message), /^5000 of 5200 differences with empty-gold\.pubtator are marked/);
    await client.connection.sendRequest('pubtator/compare.stop', { uri: many });
    await client.close(many);
  });

  it('refuses to compare a file with itself, and stops: the checker\'s diagnostics stay, the comparison\'s go', async () => {
    const self = await client.connection.sendRequest('pubtator/compare.start', { uri: current, reference: { uri: current } }) as { ok: boolean; message: string };
    assert.equal(self.ok, false);
    assert.match(self.message, /another file/);
    const since = client.mark();
    const count = summaries.length;
    assert.deepEqual(await client.connection.sendRequest('pubtator/compare.stop', { uri: current }), [current]);
    const list = await client.diagnostics(current, since);
    assert.deepEqual(sources(list), ['pubtator span-boundary 5']);
    await summaryAfter(count, (s) => s === null);
    assert.ok(client.isAlive());
  });
});
