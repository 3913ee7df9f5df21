// Curating in the reading view, in a real VS Code: select a word of a title in the preview with
// the mouse, type an entity type and Enter in the quick pick that takes the keyboard, an id and
// Enter, and the mention row is in the file (in offset order, offsets counted by the server),
// highlighted in the view with its type, with no problem; Ctrl+Z in the editor takes it back.
/* global window, document, NodeFilter */
import assert from 'node:assert/strict';

const WORD = 'Management';
const TYPE = 'Gene';
const ID = '5444';

/** Selects `want` in the preview as a user does: press on its first character, drag to its last, release. */
async function selectInPreview(wb, want) {
  const frame = await wb.webviewFrame('#preview .doc-header', 'the PubTator preview');
  const rects = await frame.evaluate((want) => {
    const root = document.querySelector('#preview .text');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let all = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push([n, all.length]);
      all += n.data;
    }
    const at = all.indexOf(want);
    if (at < 0) return null;
    const point = (i) => nodes.findLast(([, start]) => start <= i);
    const charRect = (i) => {
      const [n, start] = point(i);
      const r = document.createRange();
      r.setStart(n, i - start);
      r.setEnd(n, Math.min(i - start + 1, n.data.length));
      return r.getBoundingClientRect();
    };
    const a = charRect(at);
    const b = charRect(at + want.length - 1);
    return { x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2 };
  }, want);
  assert.ok(rects, `the preview shows ${JSON.stringify(want)}`);
  const box = await (await frame.frameElement()).boundingBox();
  await wb.page.mouse.move(box.x + rects.x1, box.y + rects.y1);
  await wb.page.mouse.down();
  await wb.page.mouse.move(box.x + rects.x2, box.y + rects.y2, { steps: 8 });
  await wb.page.mouse.up();
  return frame.evaluate(() => String(window.getSelection()));
}

/** Types into the quick input that has taken the keyboard (its placeholder holding `hint`) and presses Enter. */
async function answer(wb, hint, text) {
  const input = wb.page.locator('.quick-input-widget input').first();
  await wb.until(async () => ((await input.isVisible().catch(() => false)) && (await input.getAttribute('placeholder') ?? '').includes(hint)) || null,
    `a quick input asking for ${hint}`);
  await wb.page.keyboard.type(text);
  await wb.sleep(300);
  await wb.page.keyboard.press('Enter');
}

/**
 * @param ctx {{ wb, report, texts: Record<string,string>, name: string }}
 */
export async function annotateChecks(ctx) {
  const { wb, report, texts, name } = ctx;
  const lines = texts[name].split('\n');
  const id = /^([^\t|]+)\|t\|/.exec(lines[0])?.[1];
  const title = lines[0].slice(lines[0].indexOf('|t|') + 3);
  const start = title.indexOf(WORD);
  const row = [id, start, start + WORD.length, WORD, TYPE, ID].join('\t');
  let written = -1;

  await report.check(`${name}: selecting a word in the preview, typing a type and an id writes its mention row, with no problem`, async () => {
    assert.ok(start >= 0, `the first title holds ${WORD}`);
    await wb.open(name, texts[name]);
    await wb.goto(0, 0);
    await wb.command('PubTator: Open Preview to the Side');
    await wb.previewUntil((p) => p.id === id && p.highlights.length > 0, `the preview of document ${id}`, 60000);
    const selected = await selectInPreview(wb, WORD);
    assert.equal(selected, WORD);
    await answer(wb, 'Entity type', TYPE);
    await answer(wb, 'Id of', ID);
    const shown = await wb.previewUntil((p) => p.highlights.some((h) => h.text === WORD && h.type === TYPE), `"${WORD}" highlighted as ${TYPE}`, 15000);
    written = shown.highlights.find((h) => h.text === WORD).line;
    // Offset order: after the row of the mention before it in the title, before the next one.
    const before = lines.filter((l, i) => i > 0 && l.startsWith(`${id}\t`) && Number(l.split('\t')[1]) < start).length;
    assert.equal(written, 2 + before, 'the row sits in offset order');
    // The preview has the keyboard: back to the file's editor (the first group) to read the row.
    await wb.command('View: Focus First Editor Group');
    wb.lines.splice(written, 0, row);
    await wb.goto(written, 0);
    const tokens = await wb.tokens(written);
    const text = (tokens ?? []).map((t) => t.text).join('').replace(/\s+/g, ' ').trim();
    assert.equal(text, row.replace(/\t/g, ' '));
    await wb.sleep(1500);
    const problems = await wb.problems();
    assert.deepEqual(problems[name] ?? [], [], 'no problem after the edit');
    await wb.closePanel();
    return `line ${written + 1}: ${text}`;
  });
  if (written < 0) return;

  await report.check(`${name}: Ctrl+Z in the editor takes the new mention back, in the file and in the view`, async () => {
    await wb.command('View: Focus First Editor Group');
    await wb.focusEditor();
    await wb.page.keyboard.press('Control+z');
    const shown = await wb.previewUntil((p) => !p.highlights.some((h) => h.text === WORD), `"${WORD}" no longer highlighted`, 15000);
    const dirty = await wb.page.locator('.tabs-container .tab.active.dirty').count();
    assert.equal(dirty, 0, 'the file is back to its saved text');
    wb.lines.splice(written, 1);
    return `${shown.highlights.length} highlights, the file not dirty`;
  });
}
