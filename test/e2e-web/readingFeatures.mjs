// What the editor draws from the server's reading features, on the clean
// sample: a code lens above the document with its counts, folding controls
// in the margin, and inlay hints that name the concepts of a relation row
// (text on the screen that is not in the file).
/* global document */
import assert from 'node:assert/strict';
import { CLEAN } from './checks.mjs';

const RELATION_ROW = /^[^\t|]+\t[^\t]+\t[^\t]*\t[^\t]*$/;

/** @param ctx {{ wb, report, texts: Record<string,string> }} */
export async function readingFeatures({ wb, report, texts }) {
  const lines = texts[CLEAN].split('\n');
  const firstDoc = lines.slice(0, lines.findIndex((l) => l.trim() === ''));
  const mentions = firstDoc.filter((l) => /^[^\t|]+\t\d+\t\d+\t/.test(l)).length;
  const relations = firstDoc.length - 2 - mentions;
  await report.check(`${CLEAN}: a code lens above the first document counts ${mentions} mentions and ${relations} relations; the margin has folding controls`, async () => {
    await wb.open(CLEAN, texts[CLEAN]);
    await wb.goto(0, 0);
    const drawn = await wb.until(async () => {
      const d = await wb.page.evaluate(() => {
        const editor = document.querySelector('.editor-group-container.active .monaco-editor');
        return {
          lenses: [...editor.querySelectorAll('.codelens-decoration')].map((e) => e.innerText.replace(/\s+/g, ' ').trim()),
          folds: editor.querySelectorAll('.margin-view-overlays .codicon-folding-expanded').length,
        };
      });
      return d.lenses.length && d.folds ? d : null;
    }, 'code lenses and folding controls');
    assert.match(drawn.lenses[0], new RegExp(`^${mentions} mentions · ${relations} relations · no problems`), JSON.stringify(drawn.lenses));
    return `${drawn.lenses[0]}; ${drawn.folds} folding controls`;
  });
  const line = lines.findIndex((l) => RELATION_ROW.test(l) && !/^\S+\t\d+\t\d+\t/.test(l));
  await report.check(`${CLEAN}: inlay hints name the concepts of a relation row (line ${line})`, async () => {
    await wb.goto(line, 0);
    const shown = await wb.until(async () => {
      const text = await wb.page.evaluate((top) => {
        const editor = document.querySelector('.editor-group-container.active .monaco-editor');
        const row = [...editor.querySelectorAll('.view-lines .view-line')].find((e) => e.style.top === top);
        return row ? row.innerText.replace(/\u00a0/g, ' ') : null;
      }, await lineTop(wb, line));
      return text && text.replace(/\s+/g, '') !== lines[line].replace(/\s+/g, '') ? text : null;
    }, `inlay hints on line ${line}`);
    const added = shown.replace(/\s+/g, ' ').trim();
    assert.ok(added.length > lines[line].replace(/\s+/g, ' ').trim().length, added);
    return added;
  });
}

/** The CSS `top` of a line in the editor's view, from the line number in the gutter. */
async function lineTop(wb, line) {
  return wb.page.evaluate((n) => {
    const editor = document.querySelector('.editor-group-container.active .monaco-editor');
    const number = [...editor.querySelectorAll('.margin-view-overlays .line-numbers')].find((e) => e.textContent.trim() === String(n));
    return number?.closest('[style*="top"]')?.style.top ?? null;
  }, line + 1);
}
