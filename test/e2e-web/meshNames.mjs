// MeSH names in the preview's id picker, in a real VS Code: with pubtator.mesh.index naming the
// fixtures' index, select a word of an abstract in the preview, pick the entity type, type part of
// a MeSH entry term in the id input (no id of the file matches it), see the MeSH heading it belongs
// to offered with "MeSH" and the entry term, pick it with the keyboard, and the row is written
// with the id as the file writes MeSH ids (MESH:D007649); Ctrl+Z takes it back and the setting goes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { INDEX_IN_WORKSPACE } from './meshIndex.mjs';
import { lineText, selectInPreview, toasts, undoInEditor } from './annotate.mjs';

const WORD = 'anaesthetic';
const TYPED = 'ketal';
const HEADING = 'Ketamine';

/** The rows of the open quick pick: their text and whether each has the keyboard's focus. */
async function pickRows(wb) {
  return wb.page.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) => rows.map((r) => ({
    text: r.innerText.replace(/\s+/g, ' ').trim(),
    focused: r.classList.contains('focused'),
  })));
}

/** @param ctx {{ wb, report, host, texts: Record<string,string>, name: string, machineSettings: string, indexPath: string }} */
export async function meshNamesChecks(ctx) {
  const { wb, report, host, texts, name, machineSettings, indexPath } = ctx;
  const lines = texts[name].split('\n');
  const id = /^([^\t|]+)\|t\|/.exec(lines[0])?.[1];
  const title = lines[0].slice(lines[0].indexOf('|t|') + 3);
  const abstract = lines[1].slice(lines[1].indexOf('|a|') + 3);
  const start = title.length + 1 + abstract.indexOf(WORD);
  const row = [id, start, start + WORD.length, WORD, 'Chemical', 'MESH:D007649'].join('\t');
  const settings = fs.existsSync(machineSettings) ? JSON.parse(fs.readFileSync(machineSettings, 'utf8')) : {};
  const value = host.id === 'web' ? INDEX_IN_WORKSPACE : indexPath;

  await report.check(`${name}: with a MeSH index, typing "${TYPED}" in the preview's id picker offers MeSH's ${HEADING} (entry term Ketalar); picking it writes MESH:D007649`, async () => {
    assert.ok(abstract.includes(WORD) && !lines.some((l) => l.split('\t')[3] === WORD), `the first abstract holds "${WORD}", not annotated`);
    fs.mkdirSync(path.dirname(machineSettings), { recursive: true });
    fs.writeFileSync(machineSettings, JSON.stringify({ ...settings, 'pubtator.mesh.index': value }, null, 2));
    await wb.open(name, texts[name]);
    // The index is in use once a hover on a MeSH id names the MeSH year.
    const relation = lines.findIndex((l) => /^\d+\tNegative_Correlation\tMESH:D007649\t/.test(l));
    await wb.until(async () => {
      const shown = await wb.hover(relation, lines[relation].indexOf('MESH:D007649') + 5).catch(() => null);
      await wb.hideHover().catch(() => {});
      return shown && /MeSH 2025/.test(shown.text) ? shown : null;
    }, 'the server to use the MeSH index', 30000, 500);
    await wb.goto(0, 0);
    await wb.command('PubTator: Open Preview to the Side');
    await wb.previewUntil((p) => p.id === id && p.highlights.length > 0, `the preview of document ${id}`, 60000);
    assert.equal(await selectInPreview(wb, WORD), WORD);
    const input = wb.page.locator('.quick-input-widget input').first();
    const asking = async (hint) => wb.until(async () => ((await input.isVisible().catch(() => false))
      && (await input.getAttribute('placeholder') ?? '').includes(hint)) || null, `a quick input asking for ${hint}`);
    await asking('Entity type');
    await wb.page.keyboard.type('Chemical');
    await wb.sleep(300);
    await wb.page.keyboard.press('Enter');
    await asking('Id of');
    await wb.page.keyboard.type(TYPED);
    const offered = await wb.until(async () => (await pickRows(wb)).find((r) => r.text.startsWith(HEADING) && r.text.includes('MeSH')) ?? null,
      `MeSH's ${HEADING} offered for "${TYPED}"`, 15000)
      .catch(async (e) => {
        throw new Error(`${e.message}; the list: ${JSON.stringify(await pickRows(wb))}`, { cause: e });
      });
    assert.match(offered.text, /MESH:D007649/, 'the id as the file writes it');
    assert.match(offered.text, /Ketalar/, 'the entry term that matched');
    // With the keyboard: down to the MeSH item, then Enter.
    for (let i = 0; i < 10 && !(await pickRows(wb)).find((r) => r.focused && r.text.startsWith(HEADING)); i++) {
      await wb.page.keyboard.press('ArrowDown');
      await wb.sleep(150);
    }
    const rows = await pickRows(wb);
    assert.ok(rows.find((r) => r.focused && r.text.startsWith(HEADING)), `the MeSH item has the focus: ${JSON.stringify(rows)}`);
    await wb.page.keyboard.press('Enter');
    const shown = await wb.previewUntil((p) => p.highlights.some((h) => h.text === WORD && h.type === 'Chemical'), `"${WORD}" highlighted as Chemical`, 15000)
      .catch(async (e) => {
        throw new Error(`${e.message}; notifications: ${await toasts(wb)}`, { cause: e });
      });
    const written = shown.highlights.find((h) => h.text === WORD).line;
    wb.lines.splice(written, 0, row);
    const text = await lineText(wb, written);
    // The editor shows the concept's name after the id (an inlay hint).
    assert.match(text, new RegExp(`^${row.replace(/\t/g, ' ')}`));
    await undoInEditor(wb, (p) => !p.highlights.some((h) => h.text === WORD), `"${WORD}" no longer highlighted`);
    wb.lines.splice(written, 1);
    return `offered "${offered.text}"; line ${written + 1}: ${text}; undone`;
  });
  fs.writeFileSync(machineSettings, JSON.stringify(settings, null, 2));
}
