// Curating in the reading view, in a real VS Code: select a word of a title in the preview with
// the mouse, type an entity type and Enter in the quick pick that takes the keyboard, an id and
// Enter, and the mention row is in the file (in offset order, offsets counted by the server),
// highlighted in the view with its type, with no problem; Ctrl+Z in the editor takes it back.
/* global window, document, NodeFilter */
import assert from 'node:assert/strict';
import { KEYBINDINGS } from './lib/vscode.mjs';

const WORD = 'Management';
const TYPE = 'Gene';
const ID = '5444';

/** Selects `want` in the preview as a user does: press on its first character, drag to its last, release. */
export async function selectInPreview(wb, want) {
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
export async function answer(wb, hint, text) {
  const input = wb.page.locator('.quick-input-widget input').first();
  await wb.until(async () => ((await input.isVisible().catch(() => false)) && (await input.getAttribute('placeholder') ?? '').includes(hint)) || null,
    `a quick input asking for ${hint}`);
  await wb.page.keyboard.type(text);
  // Every key reached the input (none went to the view before the picker took the keyboard).
  await wb.until(async () => (await input.inputValue()) === text || null, `the quick input to hold ${JSON.stringify(text)}`, 5000)
    .catch(async (e) => {
      throw new Error(`${e.message}: it holds ${JSON.stringify(await input.inputValue())}`, { cause: e });
    });
  await wb.sleep(300);
  await wb.page.keyboard.press('Enter');
}

/** The text of the notifications on screen (why an edit was refused). */
export async function toasts(wb) {
  return (await wb.page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts().catch(() => [])).join(' | ') || 'none';
}

/** Presses on the first mention whose text is `from` and releases on the first whose text is `to`. */
async function dragInPreview(wb, from, to) {
  const frame = await wb.webviewFrame('#preview .doc-header', 'the PubTator preview');
  const exact = (t) => frame.locator('#preview .seg').filter({ hasText: new RegExp(`^${t}$`) }).first();
  const a = await exact(from).boundingBox();
  const b = await exact(to).boundingBox();
  assert.ok(a && b, `the preview shows the mentions ${from} and ${to}`);
  await wb.page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await wb.page.mouse.down();
  await wb.page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
  await wb.page.mouse.up();
}

/** The text of a line of the editor, its TABs as single spaces. */
export async function lineText(wb, line) {
  await wb.command('View: Focus First Editor Group');
  await wb.goto(line, 0);
  return ((await wb.tokens(line)) ?? []).map((t) => t.text).join('').replace(/\s+/g, ' ').trim();
}

/** Ctrl+Z in the file's editor; waits until the view no longer shows what the edit added. */
export async function undoInEditor(wb, gone, what) {
  await wb.command('View: Focus First Editor Group');
  await wb.focusEditor();
  await wb.page.keyboard.press('Control+z');
  const shown = await wb.previewUntil(gone, what, 15000);
  const dirty = await wb.page.locator('.tabs-container .tab.active.dirty').count();
  assert.equal(dirty, 0, 'the file is back to its saved text');
  return shown;
}

/** Gives the preview the keyboard (a click on its header, no mention there), as a user does. */
async function focusPreview(wb) {
  const frame = await wb.webviewFrame('#preview .doc-header', 'the PubTator preview');
  await frame.locator('#preview .counts').first().click();
}

/** The first highlight the view marks as walked to. */
const walked = (p) => p.highlights.find((h) => h.classes.split(' ').includes('curating'));

/**
 * Presses `key` in the preview (a key VS Code passes on to its keybindings) until the mention of
 * `text` (on row `line`, if given) is walked to; each press waits for the outline to move.
 */
async function walkTo(wb, text, line, key = 'Tab') {
  await focusPreview(wb);
  for (let i = 0; i < 40; i++) {
    const p = await wb.preview();
    const at = walked(p);
    if (at && at.text === text && (line === undefined || at.line === line)) return p;
    await wb.page.keyboard.press(key);
    await wb.previewUntil((q) => walked(q) && (!at || walked(q).line !== at.line), `${key} to walk to another mention`, 5000);
  }
  throw new Error(`${key} never walked to "${text}"`);
}

/** The modal dialog on screen: its text (message and buttons), and a click on the button `choose` (a regex). */
async function dialog(wb, choose) {
  const box = wb.page.locator('.monaco-dialog-box').first();
  await wb.until(async () => (await box.isVisible().catch(() => false)) || null, 'a dialog', 10000);
  // The message comes first, then the buttons.
  const message = (await box.innerText()).replace(/\s+/g, ' ').trim();
  await box.locator('.monaco-button', { hasText: choose }).first().click();
  // The workbench stays inert (no palette, no editor keys) until the dialog has gone.
  await wb.until(async () => !(await box.isVisible().catch(() => false)) || null, 'the dialog to close', 10000);
  // VS Code queues modal dialogs: a second copy of the question (the action asked twice) would
  // show only now, and leave the workbench inert for the steps after. Say so here, by its text.
  const again = await wb.until(async () => ((await box.isVisible().catch(() => false)) ? (await box.innerText()).replace(/\s+/g, ' ').trim() : null), 'a second dialog', 1000)
    .catch(() => null);
  assert.equal(again, null, `a second dialog opened after the first was answered: "${again}"`);
  return message;
}

/** Ctrl+Z in the file's editor once; waits until the view shows `back`. */
async function undoOnce(wb, back, what) {
  await wb.command('View: Focus First Editor Group');
  await wb.focusEditor();
  await wb.page.keyboard.press('Control+z');
  return wb.previewUntil(back, what, 15000);
}

/** Opens document `id` of the file in the preview (the cursor on its title). */
async function previewDocument(wb, lines, id) {
  await wb.command('View: Focus First Editor Group');
  await wb.goto(lines.findIndex((l) => l.startsWith(`${id}|t|`)), 0);
  return wb.previewUntil((p) => p.id === id && p.highlights.length > 0, `the preview of document ${id}`, 20000);
}

/**
 * @param ctx {{ wb, report, texts: Record<string,string>, name: string, shoot?: (name: string, kind: string) => Promise<void> }}
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
    // The picture of docs/annotate.md: the words selected, the type picker open over them.
    const picker = wb.page.locator('.quick-input-widget input').first();
    await wb.until(async () => ((await picker.getAttribute('placeholder').catch(() => '')) ?? '').includes('Entity type') || null, 'the entity type picker');
    await ctx.shoot?.('annotate', 'annotate');
    await answer(wb, 'Entity type', TYPE);
    await answer(wb, 'Id of', ID);
    const shown = await wb.previewUntil((p) => p.highlights.some((h) => h.text === WORD && h.type === TYPE), `"${WORD}" highlighted as ${TYPE}`, 15000)
      .catch(async (e) => {
        throw new Error(`${e.message}; notifications: ${await toasts(wb)}`, { cause: e });
      });
    written = shown.highlights.find((h) => h.text === WORD).line;
    // Offset order: after the row of the mention before it in the title, before the next one.
    const before = lines.filter((l, i) => i > 0 && l.startsWith(`${id}\t`) && Number(l.split('\t')[1]) < start).length;
    assert.equal(written, 2 + before, 'the row sits in offset order');
    // The preview has the keyboard: back to the file's editor (the first group) to read the row.
    wb.lines.splice(written, 0, row);
    const text = await lineText(wb, written);
    assert.equal(text, row.replace(/\t/g, ' '));
    await wb.sleep(1500);
    const problems = await wb.problems();
    assert.deepEqual(problems[name] ?? [], [], 'no problem after the edit');
    await wb.closePanel();
    return `line ${written + 1}: ${text}`;
  });
  if (written < 0) return;

  await report.check(`${name}: Ctrl+Z in the editor takes the new mention back, in the file and in the view`, async () => {
    const shown = await undoInEditor(wb, (p) => !p.highlights.some((h) => h.text === WORD), `"${WORD}" no longer highlighted`);
    wb.lines.splice(written, 1);
    return `${shown.highlights.length} highlights, the file not dirty`;
  });

  const relationRow = [id, 'Negative_Correlation', 'MESH:D007649', 'MESH:D059350'].join('\t');
  let relationLine = -1;
  await report.check(`${name}: dragging a mention onto another and typing a relation type writes the relation row, the file's argument order kept`, async () => {
    const before = await wb.previewUntil((p) => p.id === id, `the preview of document ${id}`);
    await dragInPreview(wb, 'chronic pain', 'Ketamine');
    await answer(wb, 'Relation between', 'Negative_Correlation');
    const shown = await wb.previewUntil((p) => p.relations.length === before.relations.length + 1, 'one more relation in the view', 15000);
    relationLine = Math.max(...shown.relations.map((r) => r.line));
    wb.lines.splice(relationLine, 0, relationRow);
    const text = await lineText(wb, relationLine);
    // The file writes Negative_Correlation with the chemical first, whichever way the drag went
    // (the editor shows each id's concept name after it, an inlay hint).
    assert.match(text, new RegExp(`^${id} Negative_Correlation MESH:D007649\\D* MESH:D059350\\D*$`));
    await wb.sleep(1500);
    const problems = await wb.problems();
    assert.deepEqual(problems[name] ?? [], [], 'no problem after the edit');
    await wb.closePanel();
    return `line ${relationLine + 1}: ${text}`;
  });
  if (relationLine < 0) return;

  await report.check(`${name}: Ctrl+Z in the editor takes the new relation back`, async () => {
    const shown = await undoInEditor(wb, (p) => !p.relations.some((r) => r.line === relationLine && r.text.includes('chronic pain')), 'the relation gone');
    wb.lines.splice(relationLine, 1);
    return `${shown.relations.length} relations, the file not dirty`;
  });

  await report.check(`${name}: correcting a word of an abstract, the quick fix "Shift the N spans after this edit" keeps every later span on its words`, async () => {
    const line = 1;
    const at = lines[line].indexOf(' approved ') + 1;
    assert.ok(at > 0, 'the first abstract has the word "approved"');
    const later = lines.filter((l) => l.startsWith(`${id}\t`) && Number(l.split('\t')[1]) > title.length + 1 + at - lines[line].indexOf('|a|') - 3).length;
    await wb.command('View: Focus First Editor Group');
    await wb.goto(line, at);
    await wb.page.keyboard.type('first ');
    wb.lines[line] = lines[line].slice(0, at) + 'first ' + lines[line].slice(at);
    await wb.sleep(800);
    const titles = await wb.quickFixes(line, at);
    const shift = titles.find((t) => /^Shift the \d+ spans? after this edit/.test(t));
    assert.ok(shift, `the quick-fix menu offers the shift: ${titles.join(' | ')}`);
    assert.match(shift, new RegExp(`^Shift the ${later} spans`), `${later} mentions lie after the edit`);
    await wb.chooseQuickFix(shift);
    let problems = [];
    await wb.until(async () => {
      problems = (await wb.problems())[name] ?? [];
      return problems.length === 0 || null;
    }, 'no problem once the spans are shifted', 15000, 300).catch(() => {});
    await wb.closePanel();
    assert.deepEqual(problems, [], 'every span still covers its words');
    const shown = await wb.previewUntil((p) => p.id === id && !p.highlights.some((h) => h.classes.includes('wrong')), 'no wrong span in the view');
    // Back to the saved text: the typing and the shift are undone. (Compared in the view: VS Code
    // for the web saves a second after an edit by default, files.autoSave, so the tab's dirty mark
    // is gone long before.)
    const savedText = `${title}\n${lines[line].slice(lines[line].indexOf('|a|') + 3)}`;
    const isSaved = async () => {
      const p = await wb.preview().catch(() => null);
      return p?.id === id && !p.highlights.some((h) => h.classes.includes('wrong')) && (await wb.previewText()).startsWith(savedText);
    };
    await wb.command('View: Focus First Editor Group');
    await wb.focusEditor();
    let presses = 0;
    for (; presses < 8 && !(await isSaved()); presses++) {
      await wb.page.keyboard.press('Control+z');
      await wb.until(isSaved, 'the saved text', 1500, 150).catch(() => undefined);
    }
    assert.ok(await isSaved(), 'undo brings the saved text back');
    wb.lines[line] = lines[line];
    return `"${shift}"; ${shown.highlights.length} highlights, none wrong; undone with ${presses} Ctrl+Z`;
  });

  const ketamine = lines.findIndex((l) => l.startsWith(`${id}\t`) && l.split('\t')[3] === 'Ketamine');
  await report.check(`${name}: Tab in the preview walks to the first mention, Shift+→ moves its end a word right`, async () => {
    assert.ok(ketamine > 0, 'the first title\'s mention "Ketamine"');
    const frame = await wb.webviewFrame('#preview .doc-header', 'the PubTator preview');
    await frame.locator('#preview .counts').first().click();
    await wb.page.keyboard.press('Tab');
    await wb.previewUntil((p) => p.highlights.some((h) => h.text === 'Ketamine' && h.classes.includes('curating')), '"Ketamine" walked to');
    await wb.page.keyboard.press('Shift+ArrowRight');
    const [, s, e] = lines[ketamine].split('\t');
    const grown = [id, s, Number(e) + 3, 'Ketamine in', 'Chemical'].join(' ');
    const shown = await wb.previewUntil((p) => p.highlights.some((h) => h.line === ketamine && h.text.includes(' in')), '"Ketamine in" highlighted', 15000)
      .catch(async (err) => {
        throw new Error(`${err.message}; notifications: ${await toasts(wb)}`, { cause: err });
      });
    wb.lines[ketamine] = lines[ketamine].replace(`\t${e}\tKetamine\t`, `\t${Number(e) + 3}\tKetamine in\t`);
    const text = await lineText(wb, ketamine);
    assert.ok(text.startsWith(grown), `${text} starts with ${grown}`);
    await undoInEditor(wb, (p) => p.highlights.some((h) => h.text === 'Ketamine' && h.line === ketamine), '"Ketamine" back as it was');
    wb.lines[ketamine] = lines[ketamine];
    return `${text}; ${shown.highlights.length} highlights; undone`;
  });

  await allOccurrencesCheck(ctx, lines);
  await deleteWithRelationsChecks(ctx, id, lines);
  await rebindingCheck(ctx);
}

/** A new span, then "annotate every other occurrence" on it: the count asked first, every row written, one Ctrl+Z takes them all back. */
async function allOccurrencesCheck({ wb, report, name }, lines) {
  const word = 'mutation';
  const type = 'ProteinMutation';
  const second = lines.findIndex((l, i) => i > 0 && /\|t\|/.test(l) && l.includes(` ${word} `));
  const doc = second >= 0 ? lines[second].slice(0, lines[second].indexOf('|t|')) : '';
  await report.check(`${name}: A on a new mention annotates every other occurrence of its words (the count asked first), one Ctrl+Z takes them all back`, async () => {
    assert.ok(second > 0, `a title of ${name} holds "${word}"`);
    const title = lines[second].slice(lines[second].indexOf('|t|') + 3);
    const abstract = lines[second + 1].slice(lines[second + 1].indexOf('|a|') + 3);
    const starts = [title.indexOf(word), title.length + 1 + abstract.indexOf(` ${word} `) + 1];
    assert.ok(abstract.includes(` ${word} `), `its abstract holds "${word}" once more`);
    const before = await previewDocument(wb, lines, doc);
    assert.ok(!before.highlights.some((h) => h.text === word), `"${word}" is not annotated yet`);
    assert.equal(await selectInPreview(wb, word), word);
    await answer(wb, 'Entity type', type);
    await answer(wb, 'Id of', '');
    await wb.previewUntil((p) => p.highlights.filter((h) => h.text === word).length === 1, `"${word}" annotated once`, 15000)
      .catch(async (e) => {
        throw new Error(`${e.message}; notifications: ${await toasts(wb)}`, { cause: e });
      });
    await walkTo(wb, word);
    await wb.page.keyboard.press('a');
    const asked = await dialog(wb, /^Annotate 1$/);
    assert.match(asked, new RegExp(`Annotate 1 more occurrence of "${word}" in this document\\?`), 'the count comes first');
    const shown = await wb.previewUntil((p) => p.highlights.filter((h) => h.text === word).length === 2, `both "${word}" highlighted`, 15000);
    const rows = shown.highlights.filter((h) => h.text === word).map((h) => h.line).sort((a, b) => a - b);
    const texts = [];
    for (const [k, row] of rows.entries()) {
      wb.lines.splice(row, 0, `${doc}\t${starts[k]}\t${starts[k] + word.length}\t${word}\t${type}\t`);
      texts.push(await lineText(wb, row));
      assert.ok(texts[k].startsWith(`${doc} ${starts[k]} ${starts[k] + word.length} ${word} ${type}`), `${texts[k]}: the row of the occurrence at ${starts[k]}`);
    }
    await undoOnce(wb, (p) => p.highlights.filter((h) => h.text === word).length === 1, `one Ctrl+Z: "${word}" annotated once again`);
    wb.lines.splice(rows[1], 1);
    await undoInEditor(wb, (p) => !p.highlights.some((h) => h.text === word), `"${word}" no longer highlighted`);
    wb.lines.splice(rows[0], 1);
    return `"${asked}"; ${texts.join(' | ')}; undone in one step, then the span`;
  });
}

/** Delete on the last mention of an id that relations use: the dialog, and each answer. */
async function deleteWithRelationsChecks({ wb, report, name }, id, lines) {
  const rowOf = (text) => lines.findIndex((l) => l.startsWith(`${id}\t`) && l.split('\t')[3] === text);
  const cells = (l) => l.split('\t');
  const isRelation = (l) => l.startsWith(`${id}\t`) && cells(l).length >= 4 && !/^\d+$/.test(cells(l)[1]);
  for (const [text, choice] of [['morphine', 'Keep the Relations'], ['GRIN2B', 'Delete the Relations Too']]) {
    const row = rowOf(text);
    const concept = row > 0 ? cells(lines[row])[5] : '';
    const using = lines.filter((l) => isRelation(l) && cells(l).slice(2).includes(concept));
    const relationType = using[0] ? cells(using[0])[1] : '';
    const keep = choice.startsWith('Keep');
    await report.check(`${name}: Delete on "${text}", the last mention of an id a relation uses, asks; "${choice}" ${keep ? 'keeps' : 'deletes'} the relation; Ctrl+Z brings all back`, async () => {
      assert.ok(row > 0 && using.length === 1 && !lines.some((l, i) => i !== row && !isRelation(l) && l.startsWith(`${id}\t`) && cells(l)[5] === concept),
        `"${text}" is the one mention of ${concept}, which one relation uses`);
      assert.equal(lines.filter((l) => isRelation(l) && cells(l)[1] === relationType).length, 1, `the document has one ${relationType} relation`);
      const before = await previewDocument(wb, lines, id);
      await walkTo(wb, text, row);
      await wb.page.keyboard.press('Delete');
      const asked = await dialog(wb, new RegExp(`^${choice}$`));
      assert.match(asked, new RegExp(`"${text}" is the last mention of ${concept}, which 1 relation uses`));
      const after = await wb.previewUntil((p) => !p.highlights.some((h) => h.text === text), `"${text}" no longer highlighted`, 15000);
      assert.equal(after.relations.length, before.relations.length - (keep ? 0 : 1), keep ? 'the relation kept' : 'the relation deleted too');
      assert.equal(after.relations.some((r) => r.text.startsWith(relationType)), keep, `the ${relationType} relation ${keep ? 'kept' : 'gone'}`);
      await undoInEditor(wb, (p) => p.highlights.some((h) => h.text === text) && p.relations.length === before.relations.length, `"${text}" and every relation back`);
      return `"${asked}" → ${choice}: ${after.relations.length} relations of ${before.relations.length}; one Ctrl+Z brings all back`;
    });
  }
}

/** The help overlay of the preview: the lines it lists, or null when it is not shown. */
async function helpShown(wb) {
  const frame = await wb.webviewFrame('#preview .doc-header', 'the PubTator preview');
  return frame.evaluate(() => {
    const help = document.querySelector('.key-help');
    return help ? [...help.querySelectorAll('dt')].map((dt) => `${dt.textContent}: ${dt.nextElementSibling?.textContent}`) : null;
  });
}

/**
 * The user's keybindings.json (the harness writes it into the fresh profile, lib/vscode.mjs
 * KEYBINDINGS) moves "Show the Keys" from ? to H and gives ? to "Go to the Next Mention".
 */
async function rebindingCheck({ wb, report, name }) {
  await report.check(`${name}: keys the user rebinds act in the preview (keybindings.json: H shows the keys, ? walks to the next mention instead)`, async () => {
    assert.deepEqual(KEYBINDINGS.map((k) => `${k.key} ${k.command}`),
      ['shift+/ -pubtator.preview.showKeys', 'h pubtator.preview.showKeys', 'shift+/ pubtator.preview.nextMention']);
    await focusPreview(wb);
    await wb.page.keyboard.press('h');
    const lines = await wb.until(() => helpShown(wb), 'H to show the keys', 5000);
    for (const line of ['Tab: Go to the Next Mention', 'T: Retype the Mention', 'Shift+A: Annotate Every Other Occurrence in the File', 'Ctrl+Z: Undo in the Previewed File']) {
      assert.ok(lines.includes(line), `the help lists "${line}": ${lines.join(' | ')}`);
    }
    const note = await (await wb.webviewFrame('.key-help', 'the help')).locator('.key-help-note').innerText();
    assert.match(note, /Keyboard Shortcuts \(search "PubTator Preview"\)/);
    await wb.page.keyboard.press('h');
    await wb.until(async () => (await helpShown(wb)) === null || null, 'H again to hide the keys', 5000);
    await wb.page.keyboard.press('Escape');
    await wb.previewUntil((p) => !walked(p), 'no mention walked to after Escape', 5000);
    // The keyboard back in the view (Escape may have closed a notification that had it).
    await focusPreview(wb);
    await wb.page.keyboard.press('Shift+Slash');
    const shown = await wb.previewUntil((p) => walked(p), '? to walk to a mention', 5000);
    assert.equal(await helpShown(wb), null, '? no longer shows the keys');
    await wb.page.keyboard.press('Escape');
    return `H showed ${lines.length} lines, e.g. "${lines[0]}"; ? walked to "${walked(shown).text}" and showed no help`;
  });
}
