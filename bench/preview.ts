// The reading view. (1) One document with 1,000 mentions: the preview model,
// the JSON the server sends, the exports, and the webview drawing it in
// headless Chromium (when the e2e suite installed one), next to checking that
// document. (2) Opening the preview at random lines of a 50 MB file as the
// server answers it (the current document and one on each side, with the
// file's published problems), next to the same on a 1 MB file and a hover.

import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createLanguageService } from '../server/src/service/languageService';
import { IncrementalFile } from '../server/src/service/incrementalFile';
import type { Position } from '../server/src/service/types';
import { generatedCorpus, repoRoot } from './corpus';
import { ms, percentile } from './measure';

const service = createLanguageService();
const TYPES = ['Chemical', 'Disease', 'Gene', 'Species', 'ProteinMutation', 'CellLine'];

/**
 * A full-text-sized document with 1,000 mentions of 150 concepts (every tenth
 * nested in a longer one, a few wrong) and 200 relations between them.
 */
export function thousandMentionDocument(): string {
  const words: string[] = [];
  const rows: string[] = [];
  const title = 'A document with a thousand mentions';
  let text = '';
  const spans: [number, number][] = [];
  for (let i = 0; spans.length < 1000; i++) {
    const word = `term${i}`;
    const phrase = i % 10 === 0 ? `acute ${word} syndrome` : word;
    const at = text.length + 'with the '.length;
    text += `with the ${phrase} and `;
    words.push(word);
    if (i % 10 === 0) {
      spans.push([at, at + phrase.length]);
      spans.push([at + 'acute '.length, at + 'acute '.length + word.length]);
    } else {
      spans.push([at, at + word.length]);
    }
  }
  const offset = title.length + 1;
  spans.slice(0, 1000).forEach(([s, e], i) => {
    const covered = text.slice(s, e);
    const wrong = i % 97 === 0;
    rows.push(['1', offset + s + (wrong ? 1 : 0), offset + e + (wrong ? 1 : 0), covered, TYPES[i % TYPES.length], `MESH:D${String(100000 + (i % 150)).padStart(6, '0')}`].join('\t'));
  });
  for (let i = 0; i < 200; i++) {
    const a = `MESH:D${String(100000 + (i % 150)).padStart(6, '0')}`;
    const b = `MESH:D${String(100000 + ((i * 7 + 3) % 150)).padStart(6, '0')}`;
    rows.push(['1', i % 5 === 0 ? 'CID' : 'Association', a, b].join('\t'));
  }
  return `1|t|${title}\n1|a|${text.trimEnd()}\n${rows.join('\n')}\n`;
}

function times(runs: number, fn: () => unknown): { first: number; median: number; p95: number } {
  const all: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    all.push(performance.now() - t);
  }
  const warm = all.slice(1);
  return { first: all[0], median: percentile(warm, 50), p95: percentile(warm, 95) };
}

/** A headless Chromium page running the webview's script (as the e2e suite installed it), or why there is none. */
export interface WebviewPage {
  evaluate(expression: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function openWebviewPage(): Promise<WebviewPage | string> {
  const cache = process.env.PUBTATOR_E2E_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'pubtator-vscode-e2e');
  const playwrightPath = join(cache, 'node_modules', 'playwright-core', 'index.mjs');
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const script = join(repoRoot, 'dist', 'client', 'preview.js');
  if (!existsSync(playwrightPath) || !existsSync(chromium)) return `not measured: no headless Chromium here (run test/e2e-web/setup.sh)`;
  if (!existsSync(script)) return 'not measured: dist/client/preview.js is not built';
  // TypeScript would turn import() into require() in this CommonJS build; playwright-core's entry is ESM.
  const load = new Function('p', 'return import(p)') as (p: string) => Promise<{ chromium: { launch(o: object): Promise<Browser> } }>;
  const { chromium: launcher } = await load(playwrightPath);
  const browser = await launcher.launch({ executablePath: chromium, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
    const css = readFileSync(join(repoRoot, 'dist', 'client', 'preview.css'), 'utf8');
    await page.setContent(`<!DOCTYPE html><html><head><style>${css}</style></head><body><main id="preview"></main></body></html>`);
    // What the script posts is kept in window.posted, for tests that click in the view.
    await page.addScriptTag({ content: 'window.posted = []; window.acquireVsCodeApi = () => ({ postMessage(m) { window.posted.push(m); }, getState() { return undefined; }, setState() {} });' });
    await page.addScriptTag({ content: readFileSync(script, 'utf8') });
    return { evaluate: (expression) => page.evaluate(expression), close: () => browser.close() };
  } catch (e) {
    await browser.close();
    throw e;
  }
}

/** The webview script drawing `model` in headless Chromium: [script, style + layout] ms per run. */
async function webviewDrawMs(model: unknown, runs: number): Promise<[number, number][] | string> {
  const page = await openWebviewPage();
  if (typeof page === 'string') return page;
  try {
    // Written as source: it runs in the page, where window and document exist.
    return await page.evaluate(`(${DRAW_IN_PAGE})(${JSON.stringify({ model, runs })})`) as [number, number][];
  } finally {
    await page.close();
  }
}

/** Dispatched synchronously, so each time covers the script's drawing, then style and layout. */
const DRAW_IN_PAGE = `({ model, runs }) => {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'show', window: { ...model, uri: 'bench-' + i }, fileName: 'bench', reason: 'open' } }));
    const drawn = performance.now();
    void document.body.offsetHeight;
    out.push([drawn - t, performance.now() - drawn]);
  }
  return out;
}`;

interface Browser {
  newPage(o: object): Promise<{
    setContent(html: string): Promise<void>;
    addScriptTag(o: { content: string }): Promise<void>;
    evaluate(expression: string): Promise<unknown>;
  }>;
  close(): Promise<void>;
}

async function thousandMentionsTable(runs: number): Promise<string> {
  const text = thousandMentionDocument();
  const parsed = () => service.parse(text);
  const check = times(runs, () => service.validate(parsed()));
  const model = times(runs, () => service.preview(parsed(), { line: 0 }));
  const window = service.preview(parsed(), { line: 0 });
  const json = times(runs, () => JSON.stringify(window));
  const svg = times(runs, () => service.previewExport(parsed(), 0, 'svg'));
  const html = times(runs, () => service.previewExport(parsed(), 0, 'html'));
  const doc = window.documents[0];
  const drawn = await webviewDrawMs({ ...window, version: 1 }, runs);
  const row = (name: string, t: { first: number; median: number; p95: number }) => `| ${name} | ${ms(t.first)} | ${ms(t.median)} | ${ms(t.p95)} |`;
  const rows = [
    `Document: ${doc.counts.mentions} mentions (${doc.counts.wrongSpans} wrong, every tenth nested), ${doc.counts.relations} relations, `
      + `${doc.graph.nodes.length} graph nodes, ${(text.length / 1024).toFixed(0)} KB; model JSON ${(JSON.stringify(window).length / 1024).toFixed(0)} KB. `
      + `Each step parses the document afresh (nothing cached), ${runs} runs.`,
    '',
    '| step | first run ms | median ms | p95 ms |',
    '|---|---:|---:|---:|',
    row('baseline: parse + check the document', check),
    row('preview model (segments, names, graph layout, problems)', model),
    row('the model as JSON (what the server sends)', json),
    row('Save as SVG (model + SVG)', svg),
    row('Copy as HTML (model + HTML)', html),
  ];
  let drawMedian = 0;
  if (typeof drawn === 'string') {
    rows.push(`| webview draws the model (headless Chromium) | ${drawn} | | |`);
  } else {
    // The script itself forces style and layout when it looks for the focused mention, so the two are reported together.
    const total = drawn.map(([a, b]) => a + b);
    drawMedian = percentile(total.slice(1), 50);
    rows.push(`| webview draws the model: script, style, layout (headless Chromium) | ${ms(total[0])} | ${ms(drawMedian)} | ${ms(percentile(total.slice(1), 95))} |`);
  }
  rows.push('', `Model + JSON + drawing, medians: ${ms(model.median + json.median + drawMedian)} ms (target: under 100 ms).`);
  return rows.join('\n');
}

/** Cursor positions at random mention rows. */
function positions(lines: string[], count: number): Position[] {
  const out: Position[] = [];
  let seed = 4242;
  while (out.length < count) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    const line = seed % lines.length;
    if (/^[^\t|]+\t\d+\t\d+\t/.test(lines[line])) out.push({ line, character: 0 });
  }
  return out;
}

function openTable(requests: number): string {
  const rows = ['| request, cursor at random mention rows | median ms | p95 ms | max ms |', '|---|---:|---:|---:|'];
  const measure = (name: string, at: Position[], fn: (p: Position) => unknown) => {
    const all = at.map((p) => {
      const t = performance.now();
      fn(p);
      return performance.now() - t;
    });
    rows.push(`| ${name} | ${ms(percentile(all, 50))} | ${ms(percentile(all, 95))} | ${ms(Math.max(...all))} |`);
  };
  for (const size of [1, 50]) {
    const text = generatedCorpus(size);
    const lines = text.split('\n');
    const at = positions(lines, requests);
    const file = new IncrementalFile(text);
    // Before the first check is out, the server checks the three documents themselves.
    measure(`preview, ${size} MB file, before its first check`, at, (p) => JSON.stringify(service.preview(file.file, { ...p, around: 1 })));
    file.diagnostics();
    service.prepare(file.file);
    // After it, as the server answers: the file's published problems (reused, not recomputed), then the model.
    measure(`preview, ${size} MB file, checked (problems as published)`, at, (p) =>
      JSON.stringify(service.preview(file.file, { ...p, around: 1 }, { problems: file.diagnostics() })));
    if (size === 50) measure('baseline: hover on the same rows, 50 MB file', at.map((p) => ({ line: p.line, character: 1 })), (p) => service.hover(file.file, p));
  }
  return rows.join('\n');
}

export async function previewSection(runs = 21, requests = 200): Promise<string> {
  return ['### A document with 1,000 mentions', '', await thousandMentionsTable(runs), '',
    '### Opening the preview in a large file', '', openTable(requests)].join('\n');
}
