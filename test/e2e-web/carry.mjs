// Text corrections carry the annotations, in a real VS Code (`pubtator.edits.carryAnnotations`):
// with `auto`, a word of an abstract corrected in the editor (typed over, as a user does) moves
// every later mention row with it in the same change, a mention the edit falls inside grows or
// shrinks, no problem of offsets shows at any moment, and one Ctrl+Z takes back the text and the
// rows together; with `off`, no row moves (and the later spans are reported wrong, as any offset
// left behind is). The `offer` mode's quick fix is checked in annotate.mjs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const SETTING = 'pubtator.edits.carryAnnotations';

/** Sets (or, with undefined, removes) one key of the workspace settings; VS Code reloads them when the file changes. */
function setWorkspaceSetting(workspace, key, value) {
  const file = path.join(workspace, '.vscode', 'settings.json');
  const settings = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  if (value === undefined) delete settings[key];
  else settings[key] = value;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(settings, null, 2) + '\n');
}

/** The mention rows of document `id`: their line, offsets, text and type. */
function mentionRows(lines, id) {
  return lines.flatMap((l, line) => {
    const c = l.split('\t');
    return l.startsWith(`${id}\t`) && /^\d+$/.test(c[1]) ? [{ line, start: Number(c[1]), end: Number(c[2]), text: c[3], type: c[4] }] : [];
  });
}

/** The row as the editor shows it (TABs as spaces), up to its type: what a read line starts with. */
const rowHead = (id, r) => `${id} ${r.start} ${r.end} ${r.text} ${r.type}`;

/** The text of a line of the editor, its TABs as single spaces (inlay hints included). */
async function lineText(wb, line) {
  await wb.command('View: Focus First Editor Group');
  await wb.goto(line, 0);
  return ((await wb.tokens(line)) ?? []).map((t) => t.text).join('').replace(/\s+/g, ' ').trim();
}

/** Every highlight of the view of document `id` covers the text its row says (and none is drawn wrong). */
function coversRows(p, id, rows) {
  if (p.id !== id) return false;
  return rows.every((r) => p.highlights.some((h) => h.line === r.line && h.text === r.text))
    && !p.highlights.some((h) => h.classes.split(' ').includes('wrong'));
}

/**
 * Watches the status bar's problem count from now until `stop()`: every summary it showed.
 * (The server checks a version 25-300 ms after it; a problem shown for a moment between a keystroke
 * and its carry would be seen here.)
 */
function watchProblems(wb) {
  const seen = new Set();
  let going = true;
  const done = (async () => {
    while (going) {
      seen.add(await wb.problemsSummary().catch(() => ''));
      await wb.sleep(25);
    }
  })();
  return async () => {
    going = false;
    await done;
    return [...seen].filter(Boolean);
  };
}

/**
 * Ctrl+Z in the editor until the view shows the saved text with every row back (`back(shown,
 * text)`); how many it took. (VS Code for the web saves a second after each edit by default,
 * files.autoSave, so whether the tab is dirty says nothing here: the text and rows are compared.)
 */
async function undoUntil(wb, back, most = 30) {
  await wb.command('View: Focus First Editor Group');
  await wb.focusEditor();
  for (let n = 1; n <= most; n++) {
    await wb.page.keyboard.press('Control+z');
    const done = await wb.until(async () => back(await wb.preview(), await wb.previewText()) || null, 'the saved text and rows in the view', n === 1 ? 4000 : 1000, 150)
      .catch(() => false);
    if (done) return n;
  }
  return Infinity;
}

/**
 * @param ctx {{ wb, report, texts: Record<string,string>, name: string, workspace: string }}
 */
export async function carryChecks(ctx) {
  const { wb, report, texts, name, workspace } = ctx;
  const lines = texts[name].split('\n');
  const id = /^([^\t|]+)\|t\|/.exec(lines[0])?.[1];
  const titleText = lines[0].slice(lines[0].indexOf('|t|') + 3);
  const abstractLine = 1;
  const abstractAt = lines[abstractLine].indexOf('|a|') + 3;
  /** The document offset of a character of the abstract line. */
  const offsetOf = (character) => titleText.length + 1 + character - abstractAt;
  const rows = mentionRows(lines, id);
  const savedText = [titleText, lines[abstractLine].slice(abstractAt)].join('\n');
  /** The view shows the saved file: its text, and every span on its words. */
  const saved = (p, text) => coversRows(p, id, rows) && text.startsWith(savedText);

  /** The rows as `auto` leaves them after `text` replaces `length` characters at `character` of the abstract line. */
  function carried(character, length, text, resized) {
    const from = offsetOf(character);
    const to = from + length;
    const delta = text.length - length;
    return rows.map((r) => {
      if (r.end <= from) return r;
      if (r.start >= to) return { ...r, start: r.start + delta, end: r.end + delta };
      return { ...r, ...resized(r, delta) };
    });
  }

  /** Types `text` over `length` characters at `character` of the abstract line in the editor, as a user does. */
  /**
   * Selects `length` characters at `character` of the abstract line in the editor and puts `text`
   * in their place: in one change (as a paste or a spelling suggestion does), or typed key by key
   * at `typeDelayMs` a key.
   */
  async function correct(character, length, text, typeDelayMs) {
    await wb.command('View: Focus First Editor Group');
    await wb.goto(abstractLine, character);
    for (let i = 0; i < length; i++) await wb.page.keyboard.press('Shift+ArrowRight');
    if (typeDelayMs === undefined) await wb.page.keyboard.insertText(text);
    else await wb.page.keyboard.type(text, { delay: typeDelayMs });
    wb.lines[abstractLine] = lines[abstractLine].slice(0, character) + text + lines[abstractLine].slice(character + length);
  }

  const edits = [
    {
      what: 'a word before the mentions replaced by a longer one (one change, as a paste) shifts every later mention row',
      word: 'approved', by: 'authorised',
    },
    {
      what: 'a word inside a mention replaced by a longer one grows it (its text column too) and shifts the rows after it',
      word: 'chronic', by: 'longstanding', inside: 'chronic pain',
    },
    {
      what: 'a word inside a mention replaced by a shorter one shrinks it and shifts the rows after it',
      word: 'chronic', by: 'acute', inside: 'chronic pain',
    },
  ];

  let opened = false;
  await report.check(`${name}: with ${SETTING} "auto", the preview shows every mention of the first document on its words`, async () => {
    assert.ok(id && rows.length > 5, 'the first document has mention rows');
    setWorkspaceSetting(workspace, SETTING, 'auto');
    // From the saved sample, whatever the checks before left (VS Code for the web saves edits by
    // itself a second after them, files.autoSave): an editor with no unsaved edit reloads it.
    fs.writeFileSync(path.join(workspace, name), texts[name]);
    await wb.open(name, texts[name]);
    await wb.goto(0, 0);
    await wb.command('PubTator: Open Preview to the Side');
    const shown = await wb.until(async () => {
      const p = await wb.preview().catch(() => null);
      return p && p.id === id && saved(p, await wb.previewText()) ? p : null;
    }, `the preview of document ${id} as saved, every span right`, 60000, 300);
    opened = true;
    // VS Code reads the workspace settings again when the file changes on disk.
    await wb.sleep(1500);
    return `${shown.highlights.length} highlights`;
  });
  if (!opened) return;

  for (const e of edits) {
    const character = e.inside ? lines[abstractLine].indexOf(e.inside) : lines[abstractLine].indexOf(` ${e.word} `) + 1;
    const want = carried(character, e.word.length, e.by, (r, delta) => ({
      end: r.end + delta, text: e.by + r.text.slice(e.word.length),
    }));
    const moved = want.filter((r, k) => r.start !== rows[k].start || r.end !== rows[k].end);
    await report.check(`${name}: ${SETTING} "auto": ${e.what}, in the same change; no problem at any moment; one Ctrl+Z takes back text and rows`, async () => {
      assert.ok(character > abstractAt, `the first abstract has "${e.inside ?? e.word}"`);
      let undone = false;
      try {
        const stop = watchProblems(wb);
        await correct(character, e.word.length, e.by);
        const shown = await wb.previewUntil((p) => coversRows(p, id, want), 'every highlight on the words of its row, the rows carried', 15000)
          .catch(async (err) => {
            await stop();
            throw err;
          });
        await wb.sleep(1200); // the server checks 25-300 ms after the last change; leave it time to publish
        const summaries = await stop();
        assert.deepEqual(summaries.filter((s) => s !== 'No Problems'), [], 'a problem showed while the rows were carried');
        // The rows themselves, as the editor shows them: the first moved one, the grown or shrunk one, the last one.
        const read = [...new Set([moved[0], want.find((r) => r.text !== rows.find((o) => o.line === r.line).text), moved.at(-1)].filter(Boolean))];
        const readTexts = [];
        for (const r of read) {
          const text = await lineText(wb, r.line);
          assert.ok(text.startsWith(rowHead(id, r)), `line ${r.line + 1} reads "${text}", not "${rowHead(id, r)}…"`);
          readTexts.push(text.split(' ').slice(1, 4).join(' '));
        }
        assert.ok(!(await wb.previewText()).startsWith(savedText), 'the view shows the corrected text');
        const presses = await undoUntil(wb, saved);
        undone = true;
        wb.lines = [...lines];
        assert.equal(presses, 1, `one Ctrl+Z did not bring back the saved text and rows: it took ${presses}`);
        const rowsBack = await lineText(wb, read[0].line);
        const original = rows.find((r) => r.line === read[0].line);
        assert.ok(rowsBack.startsWith(rowHead(id, original)), `after Ctrl+Z line ${original.line + 1} reads "${rowsBack}"`);
        return `${moved.length} rows moved (${readTexts.join('; ')}); ${shown.highlights.length} highlights right; no problem shown; one Ctrl+Z brought text and rows back`;
      } finally {
        // A failed step leaves the file as the next check must not find it: back to the saved text.
        if (!undone) {
          await undoUntil(wb, saved).catch(() => undefined);
          wb.lines = [...lines];
        }
      }
    });
  }

  // Typed key by key, each key is an edit of its own. VS Code's own undo step for typing ends at
  // any edit that is not typing, and the carry that follows a key is such an edit: so Ctrl+Z takes
  // back a key and its shift together, one key at a time; no step may leave a span off its words.
  {
    const e = edits[0];
    const character = lines[abstractLine].indexOf(` ${e.word} `) + 1;
    await report.check(`${name}: ${SETTING} "auto": a word typed key by key over another: every later row carried, no problem at any moment, and each Ctrl+Z leaves every span on its words`, async () => {
      let undone = false;
      try {
        const stop = watchProblems(wb);
        await correct(character, e.word.length, e.by, 80);
        await wb.previewUntil((p) => coversRows(p, id, rows) && !p.highlights.some((h) => h.classes.includes('wrong')), 'every highlight on its words', 15000)
          .catch(async (err) => {
            await stop();
            throw err;
          });
        await wb.sleep(1200);
        const summaries = await stop();
        assert.deepEqual(summaries.filter((x) => x !== 'No Problems'), [], 'a problem showed while the rows were carried');
        const text = await wb.previewText();
        assert.ok(text.includes(` ${e.by} `), 'the view shows the typed word');
        // Undo step by step: after each, once the view has caught up, every span is on its words.
        await wb.command('View: Focus First Editor Group');
        await wb.focusEditor();
        let steps = 0;
        for (; steps < 30; steps++) {
          const shown = await wb.preview();
          if (saved(shown, await wb.previewText())) break;
          await wb.page.keyboard.press('Control+z');
          await wb.sleep(700);
          const after = await wb.previewUntil((p) => p.id === id, 'the view', 5000);
          const off = after.highlights.filter((h) => h.classes.split(' ').includes('wrong')).map((h) => h.text);
          assert.deepEqual(off, [], `after Ctrl+Z number ${steps + 1} spans are off their words`);
          assert.equal(await wb.problemsSummary(), 'No Problems', `after Ctrl+Z number ${steps + 1}`);
        }
        undone = true;
        wb.lines = [...lines];
        assert.ok(steps < 30, 'Ctrl+Z brings the saved text back');
        return `"${e.by}" typed in ${e.by.length} keys; every row carried, no problem shown; ${steps} Ctrl+Z back to the saved text, each step with every span on its words`;
      } finally {
        if (!undone) {
          await undoUntil(wb, saved).catch(() => undefined);
          wb.lines = [...lines];
        }
      }
    });
  }

  const e = edits[0];
  const character = lines[abstractLine].indexOf(` ${e.word} `) + 1;
  const after = rows.filter((r) => r.start >= offsetOf(character) + e.word.length);
  await report.check(`${name}: ${SETTING} "off": the same correction moves no row (the later spans are then reported off their words)`, async () => {
    setWorkspaceSetting(workspace, SETTING, 'off');
    await wb.sleep(1500);
    await correct(character, e.word.length, e.by);
    let problems = [];
    await wb.until(async () => {
      problems = (await wb.problems())[name] ?? [];
      return problems.length > 0 || null;
    }, 'the later spans reported', 15000, 300).catch(() => {});
    await wb.closePanel();
    // (The panel lists the rows that fit: some of the later spans' problems at least, and none of an earlier span.)
    const listed = problems.map((p) => `${p.line}:${p.code}`);
    assert.ok(problems.length > 0, 'no problem listed: the later spans did not stay behind');
    // (A problem of the whole document, such as offsets that all drift by the same amount, sits on its text lines.)
    assert.ok(problems.every((p) => p.line <= abstractLine || after.some((r) => r.line === p.line)), `problems on rows the correction does not reach: ${listed.join(' ')}`);
    const first = await lineText(wb, after[0].line);
    assert.ok(first.startsWith(rowHead(id, after[0])), `line ${after[0].line + 1} reads "${first}", not "${rowHead(id, after[0])}…"`);
    const presses = await undoUntil(wb, saved);
    wb.lines = [...lines];
    assert.ok(presses < Infinity, 'Ctrl+Z brings the saved text back');
    return `no row moved ("${first.split(' ').slice(1, 4).join(' ')}"); ${problems.length} problems listed (${[...new Set(problems.map((p) => p.code))].join(', ')}); undone with ${presses} Ctrl+Z`;
  });
  setWorkspaceSetting(workspace, SETTING, undefined);
}
