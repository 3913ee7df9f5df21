// MeSH names in the preview's id picker, in a real VS Code: with pubtator.mesh.index naming the
// fixtures' index, select a word of a title in the preview (a file of its own, written into the
// workspace, so that the groups before leave it as it is), pick the entity type, type part of
// a MeSH entry term in the id input (no id of the file matches it), see the MeSH heading it belongs
// to offered with "MeSH" and the entry term, pick it with the keyboard, and the row is written
// with the id as the file writes MeSH ids (MESH:D007649); Ctrl+Z takes it back and the setting goes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { INDEX_IN_WORKSPACE } from './meshIndex.mjs';
import { lineText, selectInPreview, toasts, undoInEditor } from './annotate.mjs';

const FILE = 'meshnames.pubtator';
const TEXT = ['1|t|Ketamine as an anaesthetic', '1|a|Ketamine was approved as an anaesthetic for short procedures.',
  '1\t0\t8\tKetamine\tChemical\tMESH:D007649', '1\t27\t35\tKetamine\tChemical\tMESH:D007649', ''].join('\n');
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

/** @param ctx {{ wb, report, host, workspace: string, machineSettings: string, indexPath: string }} */
export async function meshNamesChecks(ctx) {
  const { wb, report, host, workspace, machineSettings, indexPath } = ctx;
  const name = FILE;
  const lines = TEXT.split('\n');
  const id = '1';
  const start = lines[0].indexOf(WORD) - '1|t|'.length;
  const row = [id, start, start + WORD.length, WORD, 'Chemical', 'MESH:D007649'].join('\t');
  const settings = fs.existsSync(machineSettings) ? JSON.parse(fs.readFileSync(machineSettings, 'utf8')) : {};
  const value = host.id === 'web' ? INDEX_IN_WORKSPACE : indexPath;

  await report.check(`${name}: with a MeSH index, typing "${TYPED}" in the preview's id picker offers MeSH's ${HEADING} (entry term Ketalar); picking it writes MESH:D007649`, async () => {
    fs.writeFileSync(path.join(workspace, FILE), TEXT);
    fs.mkdirSync(path.dirname(machineSettings), { recursive: true });
    fs.writeFileSync(machineSettings, JSON.stringify({ ...settings, 'pubtator.mesh.index': value }, null, 2));
    // A preview left open by the groups before would take the file: start with no editor open.
    await wb.command('View: Close All Editors');
    await wb.open(name, TEXT);
    // The index is in use once a hover on a MeSH id names the MeSH year.
    await wb.until(async () => {
      const shown = await wb.hover(2, lines[2].indexOf('MESH:D007649') + 5).catch(() => null);
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
    assert.equal(written, 3, 'the row sits in offset order');
    await undoInEditor(wb, (p) => !p.highlights.some((h) => h.text === WORD), `"${WORD}" no longer highlighted`);
    wb.lines.splice(written, 1);
    await wb.command('View: Close All Editors');
    return `offered "${offered.text}"; line ${written + 1}: ${text}; undone`;
  });
  fs.writeFileSync(machineSettings, JSON.stringify(settings, null, 2));
}
