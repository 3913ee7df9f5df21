// "PubTator: Compare with…" as a user runs it: a file with one mention missing and one extra, compared
// with its reference (picked from the workspace files that share its document ids, not opened): the
// false negative marked on the words it should cover and the false positive on its row (Problems panel
// and squiggles), the code lens and the comparison view with the scores, "Add the gold mention" and the
// scores changing, then "Stop Comparing".
/* global document */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const GOLD = 'compare-gold.pubtator';
const MINE = 'compare-mine.pubtator';
const FN_ROW = '37622028\t145\t157\tchronic pain\tDisease\tMESH:D059350';
const FP_ROW = '37622028\t109\t120\tanaesthetic\tChemical\t-';

/** The reference is the clean sample; this file lacks "chronic pain" and adds "anaesthetic" as a Chemical. */
function files(clean) {
  const lines = clean.split('\n');
  const at = lines.indexOf(FN_ROW);
  if (at < 0) throw new Error(`the clean sample has no row ${JSON.stringify(FN_ROW)}`);
  const mine = [...lines];
  mine.splice(at, 1, FP_ROW);
  return { gold: clean, mine: mine.join('\n'), fpLine: at, abstractLine: 1, fnCharacter: lines[1].indexOf('chronic pain') };
}

/** The visible text of the webview whose page contains `marker`, or null. */
async function webviewText(page, marker) {
  for (const f of page.frames()) {
    if (f === page.mainFrame() || !/\/webview\//.test(f.url())) continue;
    const text = await f.evaluate(() => document.body?.innerText ?? '').catch(() => '');
    if (text.includes(marker)) return text;
  }
  return null;
}

/** The code lenses drawn inside the visible part of the editor (lenses scrolled out of view may keep stale text). */
async function lensTexts(page) {
  return page.$$eval('.editor-group-container .monaco-editor .codelens-decoration', (els) => els.filter((e) => {
    const r = e.getBoundingClientRect();
    const editor = e.closest('.monaco-editor').getBoundingClientRect();
    return r.height > 0 && r.top >= editor.top && r.bottom <= editor.bottom;
  }).map((e) => e.textContent.trim()));
}

/** Closes every editor (answering "Don't Save" for files earlier checks edited), so the Problems panel lists only what follows. */
async function closeAllEditors(wb) {
  await wb.command('View: Close All Editors');
  for (let i = 0; i < 5; i++) {
    await wb.sleep(500);
    const dontSave = wb.page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don.t Save/ }).first();
    if (!(await dontSave.isVisible().catch(() => false))) break;
    await dontSave.click();
  }
}

/** @param ctx {{ wb, report, texts, workspace, shoot }} */
export async function compareChecks(ctx) {
  const { wb, report, texts } = ctx;
  const clean = texts['clean.pubtator'];
  const f = files(clean);
  fs.writeFileSync(path.join(ctx.workspace, GOLD), f.gold);
  fs.writeFileSync(path.join(ctx.workspace, MINE), f.mine);
  const compareRows = async () => ((await wb.problems())[MINE] ?? []).filter((p) => p.source === 'compare');

  let started = false;
  await report.check(`${MINE}: "PubTator: Compare with…" offers ${GOLD} among the files sharing its document ids and starts`, async () => {
    await closeAllEditors(wb);
    await wb.open(MINE, f.mine);
    await wb.until(async () => ((await wb.languageMode()) === 'PubTator' ? true : null), 'language mode PubTator', 20000);
    await wb.sleep(1000);
    await wb.command('PubTator: Compare with…');
    const rows = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    // The Command Palette's rows show first; the pick of files is there once its ranked rows are. The
    // list draws only the rows that fit (the workspace holds the other checks' files too), so the
    // file dialog, last, is looked for by filtering the pick.
    await rows.filter({ hasText: /shares \d+ of its|no document id in common/ }).first().waitFor({ state: 'visible', timeout: 60000 });
    await wb.sleep(500);
    const labels = await rows.evaluateAll((els) => els.map((e) => (e.getAttribute('aria-label') || e.innerText).replace(/\s+/g, ' ').trim()));
    const gold = labels.find((l) => l.includes(GOLD));
    assert.ok(gold, `no ${GOLD} offered among the first rows: ${JSON.stringify(labels)}`);
    assert.match(gold, /shares 2 of its 2 document ids/);
    const shared = labels.filter((l) => /shares \d+ of its/.test(l));
    assert.ok(labels.slice(0, shared.length).every((l) => /shares \d+ of its/.test(l)), `files sharing ids are not first: ${JSON.stringify(labels)}`);
    const input = wb.page.locator('.quick-input-widget input').first();
    await input.fill('Choose a file');
    await rows.filter({ hasText: 'Choose a file' }).first().waitFor({ state: 'visible', timeout: 5000 })
      .catch(() => assert.fail('the pick offers no file dialog ("Choose a file…")'));
    await wb.page.locator('.quick-input-widget input').first().fill(GOLD.replace('.pubtator', ''));
    await wb.sleep(400);
    await wb.page.keyboard.press('Enter');
    started = true;
    return labels.slice(0, 3).join(' | ');
  });
  if (!started) return;

  await report.check(`${MINE}: the FN is marked on the words it should cover and the FP on its row (Problems panel, source "compare")`, async () => {
    let rows = [];
    await wb.until(async () => {
      rows = await compareRows();
      return rows.length >= 2;
    }, 'the comparison\'s problems', 30000, 500);
    const fn = rows.find((p) => p.code === 'missing-mention');
    const fp = rows.find((p) => p.code === 'extra-mention');
    assert.ok(fn && fp, JSON.stringify(rows));
    assert.deepEqual([fn.line, fn.character], [f.abstractLine, f.fnCharacter]);
    assert.match(fn.message, /FN: the reference's Disease mention 145-157 "chronic pain"/);
    assert.deepEqual([fp.line, fp.severity], [f.fpLine, 'information']);
    assert.match(fp.message, /FP: the reference has no Chemical 109-120 "anaesthetic"/);
    assert.equal(rows.length, 2, JSON.stringify(rows));
    await wb.closePanel();
    await wb.goto(f.abstractLine, f.fnCharacter);
    const squiggles = await wb.squiggles();
    const under = squiggles.find((s) => s.line === f.abstractLine && s.character === f.fnCharacter);
    assert.ok(under && under.endCharacter === f.fnCharacter + 'chronic pain'.length && under.severity === 'information', JSON.stringify(squiggles));
    return `${fn.message} | ${fp.message}`;
  });

  const micro = (text, tp, fp, fn) => new RegExp(`mention\\s+all \\(micro\\)\\s+${tp}\\s+${fp}\\s+${fn}\\s`).test(text);
  await report.check(`${MINE}: the comparison view and the code lens show the scores`, async () => {
    const text = await wb.until(async () => webviewText(wb.page, 'compared with'), 'the comparison view', 20000, 300);
    assert.ok(micro(text, 25, 1, 1), text);
    assert.match(text, new RegExp(`${MINE} compared with ${GOLD}`));
    const lenses = await wb.until(async () => {
      const l = await lensTexts(wb.page);
      return l.some((t) => t.includes('vs compare-gold')) ? l : null;
    }, 'the comparison\'s code lens', 20000, 300);
    assert.ok(lenses.some((t) => t.includes('mentions F1 0.93 (TP 13 FP 1 FN 1)')), JSON.stringify(lenses));
    // The picture: lines wrapped and the side bar hidden, so both marks, the lenses and the view show at once.
    await wb.command('View: Toggle Word Wrap');
    await wb.command('View: Toggle Primary Side Bar Visibility');
    await wb.goto(0, 0);
    await wb.problems();
    await ctx.shoot('compare-view', 'compare');
    await wb.closePanel();
    await wb.command('View: Toggle Primary Side Bar Visibility');
    await wb.command('View: Toggle Word Wrap');
    return lenses.filter((t) => t.includes('vs ')).join(' | ');
  });

  await report.check(`${MINE}: "Add the gold mention" on the FN adds the row; the FN goes and the scores change`, async () => {
    const titles = await wb.quickFixes(f.abstractLine, f.fnCharacter + 2);
    assert.ok(titles.includes('Add the gold mention'), JSON.stringify(titles));
    await wb.chooseQuickFix('Add the gold mention');
    await wb.until(async () => {
      const rows = await compareRows();
      return rows.length === 1 && rows[0].code === 'extra-mention';
    }, 'the FN to go', 20000, 500);
    const text = await wb.until(async () => {
      const t = await webviewText(wb.page, 'compared with');
      return t && micro(t, 26, 1, 0) ? t : null;
    }, 'the view to show TP 26, FN 0', 20000, 300);
    const lenses = await wb.until(async () => {
      const l = await lensTexts(wb.page);
      return l.some((t) => t.includes('(TP 14 FP 1 FN 0)')) ? l : null;
    }, 'the lens to show the new counts', 20000, 300);
    await wb.closePanel();
    return `${text.split('\n').find((l) => /all \(micro\)/.test(l))?.trim()} | ${lenses.find((t) => t.includes('TP 14'))}`;
  });

  await report.check(`${MINE}: "PubTator: Stop Comparing" clears the comparison's problems, lenses and view`, async () => {
    await wb.focusEditor();
    await wb.command('PubTator: Stop Comparing');
    await wb.until(async () => (await compareRows()).length === 0, 'the comparison\'s problems to go', 20000, 500);
    await wb.until(async () => !(await lensTexts(wb.page)).some((t) => t.includes('vs compare-gold')), 'the lens to go', 20000, 300);
    await wb.until(async () => webviewText(wb.page, 'No comparison'), 'the view to say there is no comparison', 20000, 300);
    await wb.closePanel();
  });
}
