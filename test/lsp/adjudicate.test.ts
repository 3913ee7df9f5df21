// "Adjudicate with…" over stdio with the built server: the disagreements of
// the open file with another annotator's (sent as text, or open), the edit
// settling one applied as the editor would, the list after it, and an edit
// asked for at an older version refused as stale.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LspTestClient } from './support/lspClient';
import { applyEdits, type TextEdit } from '../../server/src/service/edits/textEdit';
import type { Disagreement } from '../../server/src/service/merge/adjudication';
import { doc, file, type M } from '../unit/compare/support';

const LIDO: M = [0, 9, 'Lidocaine', 'Chemical', 'D008012'];
const ASYSTOLE: M = [18, 34, 'cardiac asystole', 'Disease', 'D006323'];
const DEPRESSION: M = [52, 62, 'Depression', 'Disease', 'D003866'];
const OTHER = file(doc('1', [LIDO, ASYSTOLE, DEPRESSION]));
// Asystole typed Chemical here; Depression missing.
const CURRENT = file(doc('1', [LIDO, [18, 34, 'cardiac asystole', 'Chemical', 'D006323']]));

type List = { ok: true; version: number; disagreements: Disagreement[] } | { ok: false; message: string };
type Decision = { ok: true; edits: TextEdit[] } | { ok: false; stale?: boolean; message: string };

describe('adjudicating over stdio', () => {
  let client: LspTestClient;
  const current = LspTestClient.uri('result.pubtator');
  const other = LspTestClient.uri('ben.pubtator');

  before(async () => {
    client = await LspTestClient.start();
    await client.open(current, CURRENT);
    await client.diagnostics(current, 0);
  });
  after(() => client.kill());

  const list = (params: object) => client.connection.sendRequest('pubtator/adjudicate.list', { uri: current, ...params }) as Promise<List>;
  const decide = (params: object) => client.connection.sendRequest('pubtator/adjudicate.decide', { uri: current, ...params }) as Promise<Decision>;

  it('lists the disagreements with a file sent as text, then settles one as an edit; an old version is refused', async () => {
    const first = await list({ other: { uri: other, text: OTHER } });
    assert.ok(first.ok, JSON.stringify(first));
    assert.deepEqual(first.disagreements.map((d) => [d.kind, d.ours.length, d.theirs.length]), [['mention', 1, 1], ['mention', 0, 1]]);
    const taken = await decide({ version: first.version, id: first.disagreements[0].id, choice: 'theirs' });
    assert.ok(taken.ok, JSON.stringify(taken));
    const text = applyEdits(CURRENT, taken.edits);
    assert.equal(text, CURRENT.replace('cardiac asystole\tChemical', 'cardiac asystole\tDisease'));
    await client.change(current, 2, [{ text }]);
    const stale = await decide({ version: first.version, id: first.disagreements[1].id, choice: 'theirs' });
    assert.deepEqual(stale.ok ? 'applied' : stale.stale, true);
    // The other file is remembered: the next list needs only the uri of the file.
    const second = await list({});
    assert.ok(second.ok && second.version === 2, JSON.stringify(second));
    assert.equal(second.disagreements.length, 1);
    const added = await decide({ version: 2, id: second.disagreements[0].id, choice: 'theirs' });
    assert.ok(added.ok);
    assert.equal(applyEdits(text, added.edits), OTHER);
  });

  it('refuses the file itself as the other file, and a file that is not open', async () => {
    const self = await list({ other: { uri: current } });
    assert.equal(self.ok, false);
    const closed = await client.connection.sendRequest('pubtator/adjudicate.list', { uri: LspTestClient.uri('nope.pubtator') }) as List;
    assert.equal(closed.ok, false);
  });
});
