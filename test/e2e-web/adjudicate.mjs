// "PubTator: Adjudicate with…" as a user runs it: this annotator's file differs from the other
// annotator's in three places (a mention typed differently, a mention only this file has, one only the
// other has). The other file is picked from the workspace; the Adjudication view lists the three with
// "0 of 3 decided"; the preview shows both versions on the text in ours/theirs colours; the keys take theirs, keep neither, take theirs, each as an edit, moving on by
// themselves; the view says "3 of 3 decided"; the file saved is the other's and checks clean. Then a
// file a git merge left conflicted: the preview says so and draws both sides' mentions in their colours,
// the checker reports the conflict once, and "Adjudicate with…" settles it with no other file to pick.
/* global document */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const OTHER = 'adjudicate-other.pubtator';
const MINE = 'adjudicate-mine.pubtator';
const ONLY_OTHER = '37622028\t145\t157\tchronic pain\tDisease\tMESH:D059350';
const ONLY_MINE = '37622028\t109\t120\tanaesthetic\tChemical\t-';
const CONFLICTED = 'adjudicate-conflicted.pubtator';

/** The other annotator's file is the clean sample; mine retypes its first mention and swaps a row. */
function files(clean) {
  const lines = clean.split('\n');
  const at = lines.indexOf(ONLY_OTHER);
  if (at < 0) throw new Error(`the clean sample has no row ${JSON.stringify(ONLY_OTHER)}`);
  const first = lines.findIndex((l) => /^\d+\t\d+\t\d+\t[^\t]*\t[^\t]+\t/.test(l));
  const mine = [...lines];
  mine.splice(at, 1, ONLY_MINE);
  const cols = mine[first].split('\t');
  cols[4] = cols[4] === 'Species' ? 'CellLine' : 'Species';
  mine[first] = cols.join('\t');
  return { other: clean, mine: mine.join('\n') };
}

/** The Adjudication view's message and rows (its tree in the Explorer). */
async function viewText(page) {
  return page.evaluate(() => {
    const pane = [...document.querySelectorAll('.pane')].find((p) => /Adjudication/i.test(p.querySelector('.pane-header')?.textContent ?? ''));
    return pane ? pane.innerText : null;
  });
}

/** @param ctx {{ wb, report, texts, workspace, shoot }} */
export async function adjudicateChecks(ctx) {
  const { wb, report, texts } = ctx;
  const f = files(texts['clean.pubtator']);
  fs.writeFileSync(path.join(ctx.workspace, OTHER), f.other);
  fs.writeFileSync(path.join(ctx.workspace, MINE), f.mine);

  let started = false;
  await report.check(`${MINE}: "PubTator: Adjudicate with…" picks ${OTHER} and lists 3 disagreements, 0 decided`, async () => {
    await wb.command('View: Close All Editors');
    await wb.open(MINE, f.mine);
    await wb.until(async () => ((await wb.languageMode()) === 'PubTator' ? true : null), 'language mode PubTator', 20000);
    await wb.sleep(1000);
    await wb.command('PubTator: Adjudicate with…');
    const rows = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    // The ranked rows (the list draws only those that fit; the file dialog is last, maybe out of sight).
    await rows.filter({ hasText: /shares \d+ of its|no document id in common/ }).first().waitFor({ state: 'visible', timeout: 60000 });
    await wb.page.locator('.quick-input-widget input').first().fill(OTHER.replace('.pubtator', ''));
    await wb.sleep(400);
    await wb.page.keyboard.press('Enter');
    started = true;
    const text = await wb.until(async () => {
      const t = await viewText(wb.page);
      return t && /0 of 3 decided/.test(t) ? t : null;
    }, 'the Adjudication view with 0 of 3 decided', 30000, 300);
    return text.split('\n').slice(0, 4).join(' | ');
  });
  if (!started) return;

  await report.check(`${MINE}: while adjudicating, the preview draws both versions of the disagreement on the text (ours and theirs in their colours)`, async () => {
    await wb.focusEditor();
    await wb.command('PubTator: Open Preview to the Side');
    const shown = await wb.previewUntil((p) => p.highlights.some((h) => h.classes.includes('side-theirs')) && p.highlights.some((h) => h.classes.includes('side-ours')),
      'ours and theirs drawn in the preview', 60000);
    const marked = shown.highlights.filter((h) => /side-/.test(h.classes)).map((h) => `${h.text} ${h.classes.match(/side-\w+/g).join('+')}`);
    // The first disagreement: the same span typed two ways, each drawn once in its side's colour.
    const first = f.mine.split('\n').find((l) => /^\d+\t\d+\t\d+\t[^\t]*\t[^\t]+\t/.test(l)).split('\t')[3];
    // (Drawn on the same span, ours and theirs share one highlight carrying both sides' classes.)
    assert.ok(marked.some((m) => m.startsWith(`${first} `) && m.includes('side-ours') && m.includes('side-theirs')), JSON.stringify(marked));
    assert.ok(marked.some((m) => /side-theirs/.test(m) && !/side-ours/.test(m)), `their row only they have: ${JSON.stringify(marked)}`);
    await wb.focusEditor();
    return marked.join(', ');
  });

  await report.check(`${MINE}: Alt+T, Alt+N, Alt+T settle the three (theirs, neither, theirs) as edits; 3 of 3 decided`, async () => {
    await wb.focusEditor();
    for (const [i, key] of ['Alt+T', 'Alt+N', 'Alt+T'].entries()) {
      await wb.page.keyboard.press(key);
      await wb.sleep(1200);
      // The picture: one decided, the next one shown in place (ours highlighted, theirs after the line).
      if (i === 0) {
        await wb.until(async () => ((await viewText(wb.page)) ?? '').includes('1 of 3 decided') || null, 'the view to say 1 of 3 decided', 20000, 300);
        await ctx.shoot('adjudicate', 'adjudicate');
      }
    }
    const text = await wb.until(async () => {
      const t = await viewText(wb.page);
      return t && /3 of 3 decided/.test(t) ? t : null;
    }, 'the view to say 3 of 3 decided', 20000, 300);
    assert.equal((text.match(/document \d+/g) ?? []).length, 3, text);
    return text.split('\n')[0];
  });

  await report.check(`${MINE}: saved, the file is the other annotator's, byte for byte, and has no problem`, async () => {
    await wb.focusEditor();
    await wb.page.keyboard.press('Control+S');
    const saved = await wb.until(async () => {
      const t = fs.readFileSync(path.join(ctx.workspace, MINE), 'utf8');
      return t === f.other ? t : null;
    }, 'the saved file to equal the other annotator\'s', 20000, 500).catch(() => fs.readFileSync(path.join(ctx.workspace, MINE), 'utf8'));
    assert.equal(saved, f.other);
    await wb.sleep(1500);
    assert.deepEqual(await wb.problemsOf(MINE), []);
    await wb.closePanel();
    await wb.command('PubTator: Stop Adjudicating');
  });

  const lines = f.other.split('\n');
  const at = lines.indexOf(ONLY_OTHER);
  const retyped = ONLY_OTHER.replace('\tDisease\t', '\tSymptom\t');
  const conflicted = [...lines.slice(0, at), '<<<<<<< ours', ONLY_OTHER, '=======', retyped, '>>>>>>> theirs', ...lines.slice(at + 1)].join('\n');
  fs.writeFileSync(path.join(ctx.workspace, CONFLICTED), conflicted);
  await report.check(`${CONFLICTED}: one problem for the conflict; the preview names it and draws ours and theirs in their colours`, async () => {
    await wb.command('View: Close All Editors');
    await wb.open(CONFLICTED, conflicted);
    await wb.sleep(1500);
    const problems = await wb.problemsOf(CONFLICTED);
    assert.deepEqual(problems.map((p) => [p.code, p.line]), [['merge-conflict', at]], JSON.stringify(problems));
    await wb.closePanel();
    await wb.goto(0, 0);
    await wb.command('PubTator: Open Preview to the Side');
    const shown = await wb.previewUntil((p) => p.highlights.some((h) => h.classes.includes('side-theirs')), 'both sides drawn in the preview', 60000);
    const banner = await shown.frame.evaluate(() => document.querySelector('#preview .conflict-banner')?.textContent ?? null);
    assert.match(banner ?? '', /1 unresolved merge conflict: both sides' rows are shown/);
    const marked = shown.highlights.filter((h) => /side-/.test(h.classes));
    const sides = marked.map((h) => `${h.text} ${h.classes.match(/side-\w+/g).join('+')}`);
    assert.ok(marked.some((h) => /side-ours/.test(h.classes)) && marked.some((h) => /side-theirs/.test(h.classes)), JSON.stringify(sides));
    await wb.command('View: Close All Editors');
    return `${banner} | ${sides.join(', ')}`;
  });

  await report.check(`${CONFLICTED}: "Adjudicate with…" lists the git conflict without asking for a file; Alt+T takes theirs and the markers go`, async () => {
    await wb.open(CONFLICTED, conflicted);
    await wb.sleep(800);
    await wb.command('PubTator: Adjudicate with…');
    await wb.until(async () => ((await viewText(wb.page)) ?? '').includes('0 of 1 decided') || null, 'the view with 0 of 1 decided', 30000, 300);
    await wb.focusEditor();
    await wb.page.keyboard.press('Alt+T');
    await wb.until(async () => ((await viewText(wb.page)) ?? '').includes('1 of 1 decided') || null, 'the view with 1 of 1 decided', 20000, 300);
    await wb.page.keyboard.press('Control+S');
    const expected = [...lines.slice(0, at), retyped, ...lines.slice(at + 1)].join('\n');
    await wb.until(async () => fs.readFileSync(path.join(ctx.workspace, CONFLICTED), 'utf8') === expected || null, 'the saved file without markers, theirs kept', 20000, 500);
    await wb.command('PubTator: Stop Adjudicating');
  });
}
