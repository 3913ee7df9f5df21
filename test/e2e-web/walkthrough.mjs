// The Getting Started walkthrough and the extension's page, as a user meets them: "Welcome: Open
// Walkthrough..." lists "Get Started with PubTator"; its buttons open the sample beside it, go to
// its problem, fix it, show a hover and open the preview, and each step is then marked done; the
// Extensions view shows the extension with its icon, and its page the name, publisher,
// description, categories and changelog. With --screenshots it also takes the walkthrough's
// pictures (media/walkthrough/*.png).
/* global document */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const WALKTHROUGH = 'Get Started with PubTator';
const SAMPLE = 'sample.pubtator';
/** The walkthrough opens the sample beside itself only when its editor is wide (VS Code's rule). */
const WIDE = { width: 1600, height: 900 };
const PICTURE_WIDTH = 1010;

/**
 * @param ctx {{ wb, report, repoRoot: string, screenshots: boolean }}
 */
export async function runWalkthroughChecks(ctx) {
  const { wb } = ctx;
  const manifest = JSON.parse(fs.readFileSync(path.join(ctx.repoRoot, 'package.json'), 'utf8'));
  const [walkthrough] = manifest.contributes.walkthroughs;
  const sampleText = fs.readFileSync(path.join(ctx.repoRoot, 'media/walkthrough/sample.pubtator'), 'utf8');
  const viewport = wb.page.viewportSize();
  await wb.page.setViewportSize(WIDE);
  try {
    if (await openWalkthrough(ctx)) await walkThrough(ctx, walkthrough, manifest, sampleText);
    await closeAll(ctx);
    await extensionPage(ctx, manifest);
  } finally {
    await wb.page.setViewportSize(viewport);
  }
}

/**
 * The sample's text-mismatch problems in the Problems panel, filtered to the sample (the panel
 * draws only the rows that fit, and other files' rows come first); closes the panel. Other codes
 * are left out: a MeSH index set by an earlier check adds unknown-mesh-id warnings to the sample.
 */
async function sampleMismatches(wb) {
  await wb.problems();
  const filter = wb.page.getByPlaceholder(/^Filter \(e\.g\./).first();
  await filter.fill(SAMPLE);
  await wb.sleep(500);
  try {
    return ((await wb.problems())[SAMPLE] ?? []).filter((p) => p.code === 'text-mismatch');
  } finally {
    await filter.fill('');
    await wb.closePanel();
  }
}

/** Waits until the sample has `count` text-mismatch problems. */
async function untilSampleProblems(wb, count, timeoutMs = 30000) {
  let last = [];
  await wb.until(async () => {
    last = await sampleMismatches(wb);
    return last.length === count ? true : null;
  }, `${count} text-mismatch problem(s) of ${SAMPLE}`, timeoutMs, 500).catch(() => assert.fail(`${SAMPLE} has ${JSON.stringify(last)}`));
  return last;
}

const stepSelector = (walkthrough, step) => `.getting-started-step[data-step-id$="#${walkthrough.id}#${step}"]`;

async function stepDone(wb, walkthrough, step) {
  return wb.page.locator(`${stepSelector(walkthrough, step)} .codicon.complete`).count().then((n) => n > 0);
}

/** Expands a step (a click on its title) and clicks the button labelled `label` in it. */
async function pressStepButton(wb, walkthrough, step, label) {
  const container = wb.page.locator(stepSelector(walkthrough, step));
  if (!(await container.evaluate((e) => e.classList.contains('expanded')))) {
    await container.click();
    await wb.page.locator(`${stepSelector(walkthrough, step)}.expanded`).waitFor({ timeout: wb.timeoutMs });
    // The step unfolds and its media loads: a click during that lands on the step, not the button.
    await wb.sleep(800);
  }
  await container.locator('.monaco-button', { hasText: label }).first().click();
}

async function openWalkthrough({ wb, report }) {
  return report.check(`"Welcome: Open Walkthrough..." lists "${WALKTHROUGH}", which opens on its first step`, async () => {
    await wb.command('Welcome: Open Walkthrough...');
    // The list is filled as extensions register their walkthroughs: wait for ours.
    const row = wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: WALKTHROUGH }).first();
    await row.waitFor({ state: 'visible', timeout: 30000 });
    const listed = await wb.page.$$eval('.quick-input-widget .quick-input-list .monaco-list-row', (els) => els.map((e) => (e.getAttribute('aria-label') || '').split(',')[0]));
    await row.click();
    const first = wb.page.locator('.getting-started-step.expanded').first();
    await first.waitFor({ state: 'visible', timeout: wb.timeoutMs });
    const title = (await first.locator('.step-title').first().innerText().catch(() => '')).trim();
    const heading = (await wb.page.locator('h2.category-title').first().innerText()).trim();
    assert.equal(heading, WALKTHROUGH, 'the walkthrough page shows another title');
    return `listed: ${listed.join(' | ')}; first step: ${title}`;
  });
}

async function walkThrough(ctx, walkthrough, manifest, sampleText) {
  const { wb, report } = ctx;
  const lines = sampleText.split('\n');
  const broken = lines.findIndex((l) => /^\d+\t146\t158\tchronic pain\t/.test(l));
  assert.ok(broken > 0, 'the sample no longer has its broken row');

  const opened = await report.check(`walkthrough step 1: "Open Sample" opens ${SAMPLE} as PubTator beside the walkthrough, with its one problem`, async () => {
    await pressStepButton(wb, walkthrough, 'openSample', 'Open Sample');
    await wb.page.locator('.tabs-container .tab.active', { hasText: SAMPLE }).first().waitFor({ state: 'visible', timeout: wb.timeoutMs });
    wb.lines = lines;
    await wb.until(async () => ((await wb.languageMode()) === 'PubTator' ? true : null), 'language mode PubTator', 10000)
      .catch(async () => assert.fail(`the language mode is ${JSON.stringify(await wb.languageMode())}`));
    const [problem] = await untilSampleProblems(wb, 1);
    assert.equal(problem.line, broken, `the problem is on line ${problem.line}`);
    const groups = await wb.page.locator('.editor-group-container').count();
    assert.equal(groups, 2, 'the sample did not open beside the walkthrough');
    await wb.until(() => stepDone(wb, walkthrough, 'openSample'), 'step 1 to be marked done', 5000).catch(() => assert.fail('step 1 is not marked done'));
    return `${problem.severity} ${problem.code} at ${problem.line}:${problem.character}; ${groups} editor groups`;
  });
  if (!opened) return;

  await report.check('walkthrough step 2: "Go to the Problem" shows the sample\'s text-mismatch at its row', async () => {
    await pressStepButton(wb, walkthrough, 'seeProblem', 'Go to the Problem');
    const widget = wb.page.locator('.marker-widget').first();
    await widget.waitFor({ state: 'visible', timeout: wb.timeoutMs });
    const text = (await widget.innerText()).replace(/\s+/g, ' ');
    assert.ok(text.includes('146-158') && text.includes('chronic pain'), text);
    // The status bar follows the cursor a moment after the widget shows (later on a loaded machine).
    let cursor = await wb.cursor();
    await wb.until(async () => ((cursor = await wb.cursor()).line === broken ? cursor : null), 'the cursor to reach the row', 5000).catch(() => {});
    assert.equal(cursor.line, broken, `the cursor is at ${cursor.text}`);
    await wb.until(() => stepDone(wb, walkthrough, 'seeProblem'), 'step 2 to be marked done', 5000).catch(() => assert.fail('step 2 is not marked done'));
    return text.slice(0, 120);
  });

  await report.check('walkthrough step 3: "Show Quick Fixes" offers to move the mention, and choosing it clears the problem', async () => {
    await pressStepButton(wb, walkthrough, 'fixProblem', 'Show Quick Fixes');
    const rows = wb.page.locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor({ state: 'visible', timeout: wb.timeoutMs });
    const titles = await wb.page.$$eval('.action-widget .monaco-list-row.action', (els) => els.map((e) => e.innerText.trim()));
    const fix = titles.find((t) => t.startsWith('Move the mention') && t.includes('145-157'));
    assert.ok(fix, `no fix moving the mention to 145-157: ${titles.join(' | ')}`);
    await wb.chooseQuickFix(fix);
    await untilSampleProblems(wb, 0, 10000);
    await wb.until(() => stepDone(wb, walkthrough, 'fixProblem'), 'step 3 to be marked done', 5000).catch(() => assert.fail('step 3 is not marked done'));
    return `"${fix}"`;
  });

  await report.check('walkthrough step 4: "Show the Hover at the Cursor" shows a hover in the sample', async () => {
    await pressStepButton(wb, walkthrough, 'readHover', 'Show the Hover');
    const shown = await wb.until(async () => {
      const h = await wb.visibleHover();
      return h.text && !/^Loading\.\.\.$/m.test(h.text) ? h : null;
    }, 'a hover', wb.timeoutMs);
    assert.match(shown.text, /145\s*[–-]\s*157/, shown.text);
    await wb.until(() => stepDone(wb, walkthrough, 'readHover'), 'step 4 to be marked done', 5000).catch(() => assert.fail('step 4 is not marked done'));
    await wb.page.keyboard.press('Escape');
    return shown.text.split('\n')[0];
  });

  const previewStep = walkthrough.steps.find((s) => s.id === 'openPreview');
  const previewCommand = /inSample\?\["([\w.]+)"\]/.exec(previewStep.description)?.[1];
  const name = `walkthrough step 5: "Open the Preview to the Side" opens ${previewCommand}'s preview of the sample`;
  if (!manifest.contributes.commands.some((c) => c.command === previewCommand)) {
    report.skip(name, `${previewCommand} is not a command of this build`);
  } else {
    await report.check(name, async () => {
      const before = await wb.page.locator('.tabs-container .tab').count();
      await pressStepButton(wb, walkthrough, 'openPreview', 'Open the Preview');
      await wb.until(async () => ((await wb.page.locator('.tabs-container .tab').count()) > before ? true : null), 'a new editor tab', wb.timeoutMs);
      const tab = (await wb.page.locator('.tabs-container .tab.active').last().innerText()).trim();
      assert.match(tab, /preview/i, `the new tab is "${tab}"`);
      // The sample's first document (the cursor is on its fixed row), its mentions highlighted.
      const pmid = lines[0].split('|')[0];
      const shown = await wb.previewUntil((p) => p.id?.includes(pmid) && p.highlights.length > 0, `the preview of document ${pmid}`);
      await wb.until(() => stepDone(wb, walkthrough, 'openPreview'), 'step 5 to be marked done', 5000).catch(() => assert.fail('step 5 is not marked done'));
      return `opened "${tab}": document ${shown.id}, ${shown.highlights.length} highlights`;
    });
  }

  if (ctx.screenshots) await pictures(ctx, lines, broken, manifest.contributes.commands.some((c) => c.command === previewCommand));
}

/**
 * The walkthrough's pictures, from the sample in one wide editor: the file, its problem, the
 * quick fix, a hover on a concept id and the preview beside it. The fix is undone first, so the
 * problem is back.
 */
async function pictures({ wb, report, repoRoot }, lines, broken, hasPreview) {
  const dir = path.join(repoRoot, 'media/walkthrough');
  const shoot = async (name, clipOf, { parkMouse = true } = {}) => {
    await report.check(`picture media/walkthrough/${name}.png`, async () => {
      if (parkMouse) await wb.page.mouse.move(24, 600); // no tooltip over the picture
      await wb.sleep(600);
      const clip = await clipOf();
      assert.ok(clip, 'nothing to crop');
      await wb.page.screenshot({ path: path.join(dir, `${name}.png`), clip });
      return `${Math.round(clip.width)}×${Math.round(clip.height)}`;
    });
  };
  await wb.command('View: Join All Editor Groups');
  await wb.page.locator('.tabs-container .tab', { hasText: SAMPLE }).first().click();
  await wb.focusEditor();
  await wb.page.keyboard.press('Control+z');
  await untilSampleProblems(wb, 1, 10000);
  await wb.page.locator('.tabs-container .tab', { hasText: SAMPLE }).first().click();
  await wb.focusEditor();
  // The editor without its tab bar: the other checks' files are open beside the sample.
  const editor = await wb.box('.editor-group-container.active .editor-container');
  const lineBottom = async (line) => wb.page.evaluate((number) => {
    const num = [...document.querySelectorAll('.editor-group-container.active .margin-view-overlays .line-numbers')].find((n) => n.textContent.trim() === String(number));
    return num ? num.getBoundingClientRect().bottom : null;
  }, line + 1);
  /** The bottom of the first whole line drawn at or below `y`, so a picture never ends in half a line. */
  const wholeLineBelow = async (y) => wb.page.evaluate((top) => {
    const bottoms = [...document.querySelectorAll('.editor-group-container.active .margin-view-overlays .line-numbers')]
      .map((n) => n.getBoundingClientRect().bottom).filter((b) => b >= top);
    return bottoms.length ? Math.min(...bottoms) : top;
  }, y);
  const clip = (bottom, right = editor.x + PICTURE_WIDTH) => ({ x: editor.x, y: editor.y, width: right - editor.x, height: Math.min(bottom + 3, editor.y + editor.height) - editor.y });

  await wb.goto(0, 0);
  const lastRow = lines.findIndex((l) => l === '') - 1;
  await shoot('sample', async () => clip(await lineBottom(lastRow)));

  await wb.goto(0, 0);
  await wb.page.keyboard.press('Alt+F8');
  await wb.page.locator('.marker-widget').first().waitFor({ state: 'visible', timeout: wb.timeoutMs });
  await shoot('problem', async () => {
    const widget = await wb.box('.marker-widget');
    return clip(await wholeLineBelow(Math.max(widget.y + widget.height, await lineBottom(broken + 3))));
  });
  await wb.page.keyboard.press('Escape');

  const offsets = lines[broken].indexOf('\t') + 1;
  await wb.quickFixes(broken, offsets);
  await shoot('fix', async () => {
    const menu = await wb.box('.action-widget');
    return clip(await wholeLineBelow(Math.max(menu.y + menu.height, await lineBottom(broken + 4))));
  });
  await wb.page.keyboard.press('Escape');

  const relation = lines.findIndex((l) => /^\d+\tNegative_Correlation\tMESH:D007649\t/.test(l));
  await wb.hover(relation, lines[relation].indexOf('MESH:D007649') + 5);
  await shoot('hover', async () => {
    const hover = await wb.box('.monaco-hover:not(.hidden)');
    return clip(await wholeLineBelow(Math.max(hover.y + hover.height, await lineBottom(relation + 1))), Math.max(editor.x + PICTURE_WIDTH, hover.x + hover.width + 12));
  }, { parkMouse: false });
  await wb.hideHover();

  if (!hasPreview) return;
  await wb.goto(0, 0); // the preview follows the cursor: from the top, it shows the document's header and title
  await wb.command('PubTator: Open Preview to the Side');
  await wb.previewUntil((p) => p.highlights.length > 0, 'the preview of the sample');
  await shoot('preview', async () => {
    // Both groups: the sample on the left, its preview on the right.
    const part = await wb.box('.part.editor');
    const bottom = await wholeLineBelow(Math.min(part.y + part.height, editor.y + 420));
    return { x: part.x, y: editor.y, width: part.width, height: bottom + 3 - editor.y };
  });
}

/**
 * Closes the sample's preview and the walkthrough with their tabs' close buttons (a webview keeps
 * the keyboard), and the sample with "Revert and Close Editor", so nothing asks to save it; the
 * files other checks opened stay.
 */
async function closeAll({ wb, report }) {
  const tab = (label) => wb.page.locator(`.tabs-container .tab[aria-label^="${label}"]`).first();
  await report.check('the walkthrough, the sample (unsaved) and its preview close', async () => {
    for (const label of [`Preview ${SAMPLE}`, SAMPLE, 'Welcome']) {
      const found = tab(label);
      // Twice at most: on a loaded machine a click can land while a widget still has the focus.
      for (let attempt = 1; (await found.count()) > 0; attempt++) {
        if (label === SAMPLE) {
          await found.click();
          await wb.command('View: Revert and Close Editor');
        } else {
          await found.hover();
          await found.locator('.tab-actions .action-label').first().click();
        }
        try {
          await found.waitFor({ state: 'detached', timeout: wb.timeoutMs / 2 });
        } catch (e) {
          if (attempt === 2) throw e;
          await wb.page.keyboard.press('Escape');
        }
      }
    }
    await wb.command('View: Join All Editor Groups');
  });
}

async function extensionPage({ wb, report }, manifest) {
  const id = `${manifest.publisher}.${manifest.name}`;
  await report.check(`the Extensions view lists ${manifest.displayName} with its 128×128 icon`, async () => {
    await wb.command('Extensions: Show Installed Extensions');
    const row = wb.page.locator('.extensions-viewlet .monaco-list-row, .extension-list-item', { hasText: manifest.displayName }).first();
    await row.waitFor({ state: 'visible', timeout: wb.timeoutMs });
    const icon = await wb.until(async () => {
      const shown = await iconOf(wb, '.extensions-viewlet .monaco-list-row, .extension-list-item', manifest.displayName);
      return shown?.naturalWidth ? shown : null;
    }, 'the row\'s icon to load').catch(() => assert.fail('the row shows no icon image'));
    assert.ok(icon.src.includes(`/${manifest.icon}`), `the icon is ${icon.src}`);
    assert.equal(icon.naturalWidth, 128, 'the icon did not load at 128 px');
    return `${icon.name}: ${icon.src}`;
  });
  await report.check(`${manifest.displayName}'s page shows its name, publisher, description, icon, categories and changelog`, async () => {
    await wb.page.locator('.extensions-viewlet .monaco-list-row, .extension-list-item', { hasText: manifest.displayName }).first().click();
    const header = wb.page.locator('.extension-editor .header').first();
    await header.waitFor({ state: 'visible', timeout: wb.timeoutMs });
    const page = await wb.page.evaluate(() => {
      const e = document.querySelector('.extension-editor');
      const img = e.querySelector('.header img.icon');
      return {
        name: e.querySelector('.header .name')?.textContent.trim(),
        publisher: e.querySelector('.header .publisher')?.textContent.trim(),
        description: e.querySelector('.header .description')?.textContent.trim(),
        icon: img ? { src: decodeURIComponent(img.getAttribute('src') || ''), naturalWidth: img.naturalWidth } : null,
        text: e.innerText,
        tabs: [...e.querySelectorAll('.navbar .action-label')].map((a) => a.textContent.trim()),
      };
    });
    assert.equal(page.name, manifest.displayName);
    assert.ok(page.publisher?.includes(manifest.publisher), `publisher ${page.publisher}`);
    assert.equal(page.description, manifest.description);
    assert.ok(page.icon?.src.includes(`/${manifest.icon}`) && page.icon.naturalWidth === 128, `icon ${JSON.stringify(page.icon)}`);
    await wb.until(() => wb.page.evaluate((wanted) => document.querySelector('.extension-editor')?.innerText.includes(wanted), id), `the page to name ${id}`)
      .catch(() => assert.fail(`the page does not name ${id}`));
    page.text = await wb.page.locator('.extension-editor').first().innerText();
    for (const c of manifest.categories) assert.ok(page.text.includes(c), `category ${c} not shown`);
    assert.ok(page.tabs.some((t) => /changelog/i.test(t)), `no Changelog tab: ${page.tabs.join(', ')}`);
    await wb.command('View: Close Editor');
    await wb.command('View: Show Explorer');
    return `${page.name} by ${page.publisher}; tabs ${page.tabs.join(', ')}`;
  });
}

async function iconOf(wb, rowSelector, name) {
  return wb.page.evaluate(({ rowSelector, name }) => {
    const row = [...document.querySelectorAll(rowSelector)].find((r) => r.innerText.includes(name));
    const img = row?.querySelector('img.icon, img');
    return img ? { name: row.querySelector('.name')?.textContent.trim(), src: decodeURIComponent(img.getAttribute('src') || ''), naturalWidth: img.naturalWidth } : null;
  }, { rowSelector, name });
}
