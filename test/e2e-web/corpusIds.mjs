// The id picker and the corpus's files that are not open, in a real VS Code: a folder of the
// workspace holds the file being annotated and a second annotator's file, never opened, that gave
// "Aspirin" an id. Select "Aspirin" in the preview, choose a type: the id picker offers that id,
// naming the other file (the suite runs in the openFiles scope, where the picker's first use
// indexes the workspace's files in the background and answers with what is ready: a user who
// finds it missing the first time finds it the next); Enter writes it; Ctrl+Z takes it back.
// In the web worker host, which has no disk, the picker offers the open files' ids only, and
// nothing fails (docs/annotate.md).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { answer, lineText, selectInPreview, toasts, undoInEditor } from './annotate.mjs';

const FOLDER = 'corpus-ids';
const OPEN = 'to-annotate.pubtator';
const CLOSED = 'second-annotator.pubtator';
const WORD = 'Aspirin';
const TYPE = 'Chemical';
const ID = 'D001241';
const DOC = '32000001';

const OPEN_TEXT = [`${DOC}|t|Aspirin eased the pain.`, `${DOC}|a|Low doses were given.`, `${DOC}\t18\t22\tpain\tDisease\tD010146`, ''].join('\n');
const CLOSED_TEXT = [
  '32000002|t|Aspirin and aspirin.', '32000002|a|Aspirin again.',
  `32000002\t0\t7\tAspirin\tChemical\t${ID}`, `32000002\t21\t28\tAspirin\tChemical\t${ID}`, '',
].join('\n');

/** The id picker's rows (label and description), once it has taken the keyboard. */
async function idPickerRows(wb) {
  const input = wb.page.locator('.quick-input-widget input').first();
  await wb.until(async () => ((await input.isVisible().catch(() => false)) && (await input.getAttribute('placeholder') ?? '').includes('Id of')) || null,
    'the id picker');
  await wb.sleep(400);
  // Label and description, with a space between (innerText runs them together).
  const rows = await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((els) => els.map((el) =>
    [...el.querySelectorAll('.label-name, .label-description')].map((e) => e.textContent.trim()).join(' ') || el.textContent));
  return rows.map((r) => r.replace(/\s+/g, ' ').trim());
}

/** Selects the word in the preview and chooses the type: the id picker's rows. */
async function askIds(wb) {
  assert.equal(await selectInPreview(wb, WORD), WORD);
  await answer(wb, 'Entity type', TYPE);
  return idPickerRows(wb);
}

/** @param ctx {{ wb, report, host: { id: string }, workspace: string }} */
export async function corpusIdsChecks({ wb, report, host, workspace }) {
  const folder = path.join(workspace, FOLDER);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, OPEN), OPEN_TEXT);
  fs.writeFileSync(path.join(folder, CLOSED), CLOSED_TEXT);
  const opened = async () => {
    // The groups before may leave the preview and another file open: the file would open beside them,
    // not in the first group, where the row is read.
    await wb.command('View: Close All Editors');
    await wb.open(`${FOLDER}/${OPEN}`, OPEN_TEXT);
    await wb.goto(0, 0);
    await wb.command('PubTator: Open Preview to the Side');
    await wb.previewUntil((p) => p.id === DOC && p.highlights.length > 0, `the preview of document ${DOC}`, 60000);
  };

  if (host?.id === 'web') {
    await report.check(`${OPEN}: in the web worker host (no disk) the id picker offers the open files' ids only, and nothing fails`, async () => {
      await opened();
      const rows = await askIds(wb);
      await wb.page.keyboard.press('Escape');
      assert.ok(rows.some((r) => r.startsWith('(no id)')), `the picker is shown: ${rows.join(' | ')}`);
      assert.ok(!rows.some((r) => r.includes(CLOSED)), `nothing from the closed file: ${rows.join(' | ')}`);
      const shown = await wb.preview();
      assert.ok(!shown.highlights.some((h) => h.text === WORD), 'Escape wrote nothing');
      assert.equal(await toasts(wb), 'none', 'no error shown');
      return rows.join(' | ');
    });
  } else {
    await report.check(`${OPEN}: the id picker offers the id a closed file of the workspace gave to the words, naming it; Enter writes it`, async () => {
      await opened();
      let offered;
      let attempts = 0;
      for (; attempts < 4 && !offered; attempts++) {
        if (attempts) {
          // Not indexed yet: the picker did not wait. Cancel and ask again, as a user would.
          await wb.page.keyboard.press('Escape');
          await wb.sleep(2500);
        }
        const rows = await askIds(wb);
        offered = rows.find((r) => r.startsWith(ID) && r.includes(CLOSED));
        if (!offered && attempts === 3) assert.fail(`the id picker offers ${rows.join(' | ')}`);
      }
      assert.match(offered, new RegExp(`^${ID} given to "${WORD}" 2× in ${CLOSED.replace('.', '\\.')}`));
      await answer(wb, 'Id of', ID);
      const shown = await wb.previewUntil((p) => p.highlights.some((h) => h.text === WORD && h.type === TYPE), `"${WORD}" highlighted as ${TYPE}`, 15000)
        .catch(async (e) => {
          throw new Error(`${e.message}; notifications: ${await toasts(wb)}`, { cause: e });
        });
      const line = shown.highlights.find((h) => h.text === WORD).line;
      const row = [DOC, 0, WORD.length, WORD, TYPE, ID].join('\t');
      wb.lines.splice(line, 0, row);
      const text = await lineText(wb, line);
      assert.ok(text.startsWith(row.replace(/\t/g, ' ')), `${text}: the row with the id`);
      await undoInEditor(wb, (p) => !p.highlights.some((h) => h.text === WORD), `"${WORD}" no longer highlighted`);
      wb.lines.splice(line, 1);
      return `"${offered}" (${attempts === 1 ? 'at the first use' : `at use ${attempts}`}); wrote line ${line + 1}: ${text}; undone`;
    });
  }
  await wb.command('View: Close All Editors');
  await wb.sleep(500);
  // VS Code may still be writing beside the files it had open: retried, and never a failure of the run.
  try {
    fs.rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 300 });
  } catch (e) {
    console.warn(`could not remove ${folder}: ${e.message}`);
  }
}
