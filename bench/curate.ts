// Curating in the reading view, on the document with 1,000 mentions (the
// preview bench's): the whole path from an action to the view drawn again.
// Each action's edit from its intent (service); the edit applied to the text,
// the file parsed, the document's preview model and its JSON (model); then
// the webview, already showing the document before the edit, receiving the
// new model as a 'show' message of reason 'edit' and drawing it, timed until
// the frame showing it is styled, laid out and painted, in headless Chromium. Runs
// are paired by index, so each total is one run's service + model + draw.
// Not included: the LSP and webview message hops and the panel's 250 ms
// debounce of edits, which are waits, not work.

import { createLanguageService, type CurateIntent, type MentionRef } from '../server/src/service/languageService';
import { applyEdits } from '../server/src/service/edits/textEdit';
import { loadavg } from 'node:os';
import { openWebviewPage, thousandMentionDocument } from './preview';
import { ms, percentile } from './measure';

const service = createLanguageService();

const WARM_UP = 3;

/** Every run's milliseconds, after the warm-up runs. */
function times(runs: number, fn: () => void): number[] {
  const all: number[] = [];
  for (let i = 0; i < runs + WARM_UP; i++) {
    const t = performance.now();
    fn();
    all.push(performance.now() - t);
  }
  return all.slice(WARM_UP);
}

/** The model as the server sends it: the window stamped with its uri and text version, as JSON. */
function modelJson(text: string, version: number): string {
  return JSON.stringify({ ...service.preview(service.parse(text), { line: 0 }), uri: 'bench', version });
}

/**
 * In the page: the view shows `before` (an earlier edit's redraw), then receives `after` as the
 * real webview does (the message's JSON read, then the 'show' handler). Each message is handled
 * at the start of a frame (in requestAnimationFrame), so the frame's own style, layout and paint
 * follow at once; a task posted then runs when that frame is done. Per run [receive + script,
 * the frame's rendering] ms. (A forced layout right after the script would not do: paragraphs
 * just inserted with content-visibility: auto are laid out at the frame, not then.)
 */
const REDRAW_IN_PAGE = `async ({ before, after, runs, warm }) => {
  const show = (json) => window.dispatchEvent(new MessageEvent('message', { data: { type: 'show', window: JSON.parse(json), fileName: 'bench', reason: 'edit' } }));
  const channel = new MessageChannel();
  const frame = (json) => new Promise((done) => requestAnimationFrame(() => {
    const t = performance.now();
    show(json);
    const drawn = performance.now();
    channel.port1.onmessage = () => done([drawn - t, performance.now() - drawn]);
    channel.port2.postMessage(0);
  }));
  await frame(before);
  const out = [];
  for (let i = 0; i < runs + warm; i++) {
    await frame(before);
    out.push(await frame(after));
  }
  return out.slice(warm);
}`;

export async function curateSection(runs = 21): Promise<string> {
  const text = thousandMentionDocument();
  const file = service.parse(text);
  const doc = file.documents[0];
  const m = doc.mentions[500];
  const mention: MentionRef = { line: m.line, offsets: `${m.startField.text}-${m.endField.text}`, text: m.textField.text, type: m.typeField?.text ?? '', id: m.idField?.text ?? '' };
  const other = doc.mentions[700];
  const to: MentionRef = { line: other.line, offsets: `${other.startField.text}-${other.endField.text}`, text: other.textField.text, type: other.typeField?.text ?? '', id: other.idField?.text ?? '' };
  const abstract = doc.passages[1];
  const from = abstract.text.text.indexOf('and ');
  // The same after mention 500: the browser lays out again only the lines from the edit on.
  const middle = abstract.text.text.indexOf(' and ', abstract.text.text.indexOf(`${m.textField.text} `)) + 1;
  const intents: [string, CurateIntent][] = [
    ['add a span (first words of the abstract)', { kind: 'addSpan', selection: { line: abstract.line, from, to: from + 3, text: 'and' }, type: 'Gene', id: '' }],
    ['add a span (after mention 500)', { kind: 'addSpan', selection: { line: abstract.line, from: middle, to: middle + 3, text: 'and' }, type: 'Gene', id: '' }],
    ['retype', { kind: 'retype', mention, type: 'Other' }],
    ['resize (end a word right)', { kind: 'resize', mention, side: 'end', step: 1 }],
    ['delete', { kind: 'delete', mention, relations: 'delete' }],
    ['annotate all occurrences (document)', { kind: 'annotateAll', mention }],
    ['add a relation', { kind: 'addRelation', from: mention, to, type: 'Association' }],
  ];
  const page = await openWebviewPage();
  const rows = [
    '| action | the edit (service) | edit applied, file parsed, preview model, JSON | webview: message read, script | webview: the frame (style, layout, paint) | total, median | total, p95 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const medians: number[] = [];
  try {
    const before = modelJson(text, 1);
    // The editor's server and view are warm when the user curates: compile the whole path first
    // (a few runs per action would leave the first action paying for the JIT).
    for (const [, intent] of intents) {
      const result = service.curate(file, intent);
      const edited = 'edits' in result ? applyEdits(text, result.edits) : text;
      for (let i = 0; i < 10; i++) modelJson(edited, 2);
      if (typeof page !== 'string') await page.evaluate(`(${REDRAW_IN_PAGE})(${JSON.stringify({ before, after: modelJson(edited, 2), runs: 1, warm: 2 })})`);
    }
    for (const [what, intent] of intents) {
      const result = service.curate(file, intent);
      if (!('edits' in result)) throw new Error(`${what}: ${JSON.stringify(result)}`);
      const edited = applyEdits(text, result.edits);
      const edit = times(runs, () => service.curate(file, intent));
      const model = times(runs, () => modelJson(edited, 2));
      let draw: [number, number][] | undefined;
      if (typeof page !== 'string') {
        // Written as source: it runs in the page, where window and document exist.
        const args = { before, after: modelJson(edited, 2), runs, warm: WARM_UP };
        draw = await page.evaluate(`(${REDRAW_IN_PAGE})(${JSON.stringify(args)})`) as [number, number][];
      }
      const total = edit.map((e, i) => e + model[i] + (draw ? draw[i][0] + draw[i][1] : 0));
      medians.push(percentile(total, 50));
      const drawCells = draw ? [ms(percentile(draw.map((d) => d[0]), 50)), ms(percentile(draw.map((d) => d[1]), 50))] : [String(page), ''];
      rows.push(`| ${what} | ${ms(percentile(edit, 50))} | ${ms(percentile(model, 50))} | ${drawCells.join(' | ')} | ${ms(percentile(total, 50))} | ${ms(percentile(total, 95))} |`);
    }
  } finally {
    if (typeof page !== 'string') await page.close();
  }
  return [`One document of ${doc.mentions.length} mentions and ${doc.relations.length} relations; columns are medians of ${runs} runs after ${WARM_UP} warm-up runs, `
    + `the totals are per run (service + model + webview of the same run). Load average ${loadavg().map((l) => l.toFixed(1)).join(', ')} at the end (1, 5, 15 min).`,
  '', ...rows, '', `Slowest action's median total: ${ms(Math.max(...medians))} ms (target: under 50 ms).`].join('\n');
}
