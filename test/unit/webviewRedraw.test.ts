// The preview webview redrawing the same document after an edit keeps what
// did not change (client/webview/preview/keep.ts): the view it leaves must be
// exactly the one a fresh drawing of the new model gives, and its controls
// must act on the new model. Run in headless Chromium with the built webview
// script; skipped, saying so, when either is absent (test/e2e-web/setup.sh
// installs Chromium's driver, `npm run build` the script).

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { createLanguageService, type CurateIntent, type MentionRef } from '../../server/src/service/languageService';
import { applyEdits } from '../../server/src/service/edits/textEdit';
import type { ParsedFile } from '../../server/src/service/parse/model';
import { openWebviewPage, thousandMentionDocument, type WebviewPage } from '../../bench/preview';
import { BC5CDR, BIORED, PUBTATOR3 } from './features/support';
import { corporaDir } from '../support/paths';

const service = createLanguageService();

function ref(file: ParsedFile, d: number, k: number): MentionRef | undefined {
  const m = file.documents[d]?.mentions[k];
  return m && { line: m.line, offsets: `${m.startField.text}-${m.endField.text}`, text: m.textField.text, type: m.typeField?.text ?? '', id: m.idField?.text ?? '' };
}

/** An intent picked by numbers from the current file (so the sequence always names what is there). */
function intentOf(file: ParsedFile, d: number, pick: number[]): CurateIntent | undefined {
  const doc = file.documents[d];
  const n = Math.max(1, doc.mentions.length);
  const mention = ref(file, d, pick[0] % n);
  const p = doc.passages[pick[1] % doc.passages.length];
  const at = pick[2] % Math.max(1, p.text.text.length);
  const to = Math.min(p.text.text.length, at + 1 + (pick[3] % 15));
  switch (pick[4] % 8) {
    case 0: return { kind: 'addSpan', selection: { line: p.line, from: at, to, text: p.text.text.slice(at, to) }, type: 'Added', id: '' };
    case 1: return mention && { kind: 'retype', mention, type: pick[5] % 2 ? 'Gene' : 'Retyped' };
    case 2: return mention && { kind: 'reidentify', mention, id: `NEW${pick[5] % 3}` };
    case 3: return mention && { kind: 'delete', mention, relations: pick[5] % 2 ? 'keep' : 'delete' };
    case 4: return mention && { kind: 'resize', mention, side: pick[5] % 2 ? 'start' : 'end', step: pick[5] % 3 ? 1 : -1 };
    case 5: return mention && { kind: 'annotateAll', mention };
    case 6: {
      const other = ref(file, d, pick[5] % n);
      return mention && other && { kind: 'addRelation', from: mention, to: other, type: 'Related' };
    }
    default: {
      const r = doc.relations[pick[5] % Math.max(1, doc.relations.length)];
      return r && { kind: 'deleteRelation', relation: { line: r.line, type: r.typeField.text, ids: r.idFields.map((f) => f.text) } };
    }
  }
}

/** The model as the server sends it for the document at `line`. */
function model(text: string, line: number, uri: string, version: number): string {
  return JSON.stringify({ ...service.preview(service.parse(text), { line }), uri, version });
}

/** In the page: draw `models` in turn as edits of one file, each then drawn afresh (another file); both views' HTML. */
const REDRAWS_IN_PAGE = `(models) => {
  const main = document.getElementById('preview');
  const show = (json, uri, reason) => window.dispatchEvent(new MessageEvent('message', { data: { type: 'show', window: { ...JSON.parse(json), uri }, fileName: 'f', reason } }));
  const out = [];
  show(models[0], 'file', 'open');
  for (const json of models.slice(1)) {
    show(json, 'file', 'edit');
    const kept = main.innerHTML;
    show(json, 'other', 'edit');
    out.push([kept, main.innerHTML]);
    // Back to the file, drawn afresh, for the next edit to start from.
    show(json, 'file', 'open');
  }
  return out;
}`;

let page: WebviewPage | string = 'not started';

/** Why these tests cannot run here, or undefined. */
function skip(): string | undefined {
  return typeof page === 'string' ? `skipped: ${page}` : undefined;
}

/** Edits picked by fast-check (fixed seed) on document `d` of `text`, and the models after each. */
function editedModels(text: string, d: number, steps: number, seed: number): string[] {
  const picks = fc.sample(fc.array(fc.nat({ max: 10_000 }), { minLength: 6, maxLength: 6 }), { numRuns: steps * 3, seed });
  const line = service.parse(text).documents[d].startLine;
  const models = [model(text, line, 'file', 0)];
  for (const pick of picks) {
    if (models.length > steps) break;
    const file = service.parse(text);
    const intent = intentOf(file, d, pick);
    if (!intent) continue;
    const result = service.curate(file, intent);
    if (!('edits' in result)) continue;
    text = applyEdits(text, result.edits);
    models.push(model(text, service.parse(text).documents[d].startLine, 'file', models.length));
  }
  return models;
}

async function assertSameAsFresh(models: string[], what: string): Promise<void> {
  const views = await (page as WebviewPage).evaluate(`(${REDRAWS_IN_PAGE})(${JSON.stringify(models)})`) as [string, string][];
  assert.ok(views.length > 0, `${what}: no edit was drawn`);
  views.forEach(([kept, fresh], i) => assert.ok(kept === fresh, `${what}: after edit ${i + 1} the kept view differs from a fresh one`));
}

describe('preview webview: a redraw after an edit equals a fresh drawing', () => {
  before(async () => {
    page = await openWebviewPage();
  });
  after(async () => {
    if (typeof page !== 'string') await page.close();
  });

  it('on the 1,000-mention document, any sequence of curation edits', async (t) => {
    if (skip()) return t.skip(skip());
    await assertSameAsFresh(editedModels(thousandMentionDocument(), 0, 14, 21), 'thousand mentions');
  });

  it('on hand-made documents with nested spans, composite ids and relations', async (t) => {
    if (skip()) return t.skip(skip());
    for (const [name, text] of [['BioRED', BIORED], ['BC5CDR', BC5CDR], ['PubTator3', PUBTATOR3]] as const) {
      for (let seed = 1; seed <= 3; seed++) await assertSameAsFresh(editedModels(text, 0, 8, seed), `${name}, seed ${seed}`);
    }
  });

  it('on real corpus documents (long passages cut into paragraphs)', async (t) => {
    if (skip()) return t.skip(skip());
    const path = join(corporaDir, 'biored/Dev.PubTator');
    if (!existsSync(path)) return t.skip('skipped: ../shared/corpora is absent');
    const text = readFileSync(path, 'utf8').split(/\n\n/).slice(0, 3).join('\n\n') + '\n';
    await assertSameAsFresh(editedModels(text, 1, 10, 7), 'BioRED Dev');
  });

  it('a kept relation item and graph act on the new rows after an edit above them', async (t) => {
    if (skip()) return t.skip(skip());
    const text = BIORED;
    const file = service.parse(text);
    // A mention row added above the relations moves every relation row one line down.
    const title = file.documents[0].passages[0];
    const added = service.curate(file, { kind: 'addSpan', selection: { line: title.line, from: 0, to: 1, text: title.text.text.slice(0, 1) }, type: 'Added', id: '' });
    assert.ok('edits' in added, JSON.stringify(added));
    const edited = applyEdits(text, added.edits);
    const after = service.preview(service.parse(edited), { line: 0 }).documents[0];
    const posted = await (page as WebviewPage).evaluate(`((before, after) => {
      const show = (json, reason) => window.dispatchEvent(new MessageEvent('message', { data: { type: 'show', window: JSON.parse(json), fileName: 'f', reason } }));
      show(before, 'open');
      show(after, 'edit');
      window.posted.length = 0;
      const last = [...document.querySelectorAll('.relation')].pop();
      last.click();
      last.querySelector('.rel-delete').click();
      return window.posted;
    })(${JSON.stringify(model(text, 0, 'live', 1))}, ${JSON.stringify(model(edited, 0, 'live', 2))})`) as { type: string; line?: number; intent?: unknown }[];
    const last = after.relations[after.relations.length - 1];
    assert.deepEqual(posted.find((m) => m.type === 'reveal')?.line, last.line);
    const asked = posted.find((m) => m.type === 'curate')?.intent as { kind: string; relation: { line: number } } | undefined;
    assert.deepEqual(asked && [asked.kind, asked.relation.line], ['deleteRelation', last.line], 'the delete button asks for that relation, at its new row');
  });
});
