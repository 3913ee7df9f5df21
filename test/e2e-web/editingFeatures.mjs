// Completion and rename as a user reaches them, on a scratch file: Ctrl+Space
// in an empty type column offers entity types; F2 on a concept id renames it
// in every row of its document. (Quick fixes are checked in checks.mjs.)
import assert from 'node:assert/strict';

export const EDIT_FILE = 'edit.pubtator';
export const EDIT_TEXT = [
  '7|t|Ketamine relieves pain',
  '7|a|Ketamine was given.',
  '7\t0\t8\tKetamine\tChemical\tMESH:D007649',
  '7\t18\t22\tpain\tDisease\tMESH:D010146',
  '7\t23\t31\tKetamine\tChemical\tMESH:D007649',
  '7\tNegative_Correlation\tMESH:D007649\tMESH:D010146',
  '7\t9\t17\trelieves\t',
  '',
].join('\n');

/** The text the editor shows on `line` (inlay hints aside: compared without them). */
async function shownLine(wb, line) {
  const spans = await wb.tokens(line);
  return spans ? spans.map((s) => s.text).join('').replace(/\u00a0/g, ' ') : null;
}

/** @param ctx {{ wb, report, texts: Record<string,string> }} */
export async function editingFeatures({ wb, report, texts }) {
  const lines = texts[EDIT_FILE].split('\n');
  const typeLine = lines.findIndex((l) => l.endsWith('\t'));
  await report.check(`${EDIT_FILE}: Ctrl+Space in an empty type column offers the entity types`, async () => {
    await wb.open(EDIT_FILE, texts[EDIT_FILE]);
    await wb.goto(typeLine, lines[typeLine].length);
    await wb.page.keyboard.press('Control+Space');
    const rows = wb.page.locator('.suggest-widget .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: wb.timeoutMs });
    await wb.sleep(300);
    const labels = await wb.page.$$eval('.suggest-widget .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') || e.innerText));
    await wb.page.keyboard.press('Escape');
    for (const type of ['Chemical', 'Disease']) assert.ok(labels.some((l) => l.startsWith(type)), `${type} not offered: ${JSON.stringify(labels)}`);
    return labels.slice(0, 6).map((l) => l.split(',')[0]).join(', ');
  });
  await report.check(`${EDIT_FILE}: F2 on a concept id renames it in every row of the document`, async () => {
    const relation = lines.findIndex((l) => l.includes('Negative_Correlation'));
    await wb.goto(relation, lines[relation].indexOf('MESH:D007649') + 6);
    await wb.page.keyboard.press('F2');
    const input = wb.page.locator('.rename-box input, .rename-box textarea').first();
    await input.waitFor({ state: 'visible', timeout: wb.timeoutMs });
    await input.fill('MESH:D000001');
    await wb.page.keyboard.press('Enter');
    const renamed = lines.map((l, i) => (l.includes('MESH:D007649') ? i : -1)).filter((i) => i >= 0);
    await wb.until(async () => {
      for (const i of renamed) if (!(await shownLine(wb, i))?.includes('MESH:D000001')) return false;
      return true;
    }, `MESH:D000001 on lines ${renamed.join(', ')}`);
    for (const i of renamed) assert.ok(!(await shownLine(wb, i)).includes('D007649'), `line ${i} still has D007649`);
    return `lines ${renamed.join(', ')} now carry MESH:D000001`;
  });
}
