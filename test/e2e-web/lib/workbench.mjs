// What a user does and sees in the VS Code window, through Playwright: Quick Open, Go to Line,
// the status bar, the Problems panel, squiggles, hovers, Go to Definition, token colours, the
// scope inspector, the Outline view, the quick-fix menu and webviews (the preview). Positions
// in and out are 0-based (line, character) as in LSP and expected.json; VS Code's own 1-based
// visual columns (a tab widens to the next tab stop) are converted here.
// Adapted from ../shared/vscode-harness/drive.mjs.
/* global document, getComputedStyle, window */

const EDITOR = '.editor-group-container.active .monaco-editor';

export class Workbench {
  constructor(page, { timeoutMs = 20000 } = {}) {
    this.page = page;
    this.timeoutMs = timeoutMs;
    /** Lines of the active file as the suite knows them (tabs matter for columns). */
    this.lines = [];
  }

  sleep(ms) { return this.page.waitForTimeout(ms); }

  /** Polls `probe` until it returns a truthy value; throws `what` on time-out. */
  async until(probe, what, timeoutMs = this.timeoutMs, everyMs = 100) {
    const end = Date.now() + timeoutMs;
    let last;
    while (Date.now() < end) {
      last = await probe();
      if (last) return last;
      await this.sleep(everyMs);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
  }

  async load(url) {
    await this.page.goto(url);
    await this.untilLoaded();
  }

  /**
   * Reloads the window as a user does, with Developer: Reload Window, waiting for the workbench.
   * The workbench then writes its state (open editors, their cursors) before it goes; a reload of
   * the page drops whatever it had not written yet, so the editors came back where they were a
   * while before.
   */
  async reload() {
    const loaded = this.page.waitForEvent('load', { timeout: 90000 });
    await this.command('Developer: Reload Window');
    await loaded;
    // The window comes back as it was left: the side bar may be closed, so no waiting for the explorer.
    await this.untilLoaded(false);
  }

  async untilLoaded(explorer = true) {
    await this.page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 90000 });
    if (explorer) await this.page.locator('.monaco-workbench .explorer-folders-view').first().waitFor({ state: 'visible', timeout: 60000 }).catch(() => {});
    await this.sleep(1000);
  }

  async quickInput(keys) {
    await this.page.keyboard.press(keys);
    const input = this.page.locator('.quick-input-widget input').first();
    await input.waitFor({ state: 'visible', timeout: this.timeoutMs });
    return input;
  }

  /**
   * Runs a Command Palette entry by its label. The palette closes itself when the focus moves
   * while it opens: right after a quick pick or a dialog closed over a webview, the workbench hands
   * the focus back to the webview a moment later. A closing quick input is `inert` while it fades
   * out (VS Code's quick-input-widget-closing) and hidden after, so typing into it would wait out the
   * whole time-out: open it again instead, as a user does (seen in the web worker host, where the
   * extension's answers come back faster).
   */
  async command(label) {
    for (let attempt = 0; ; attempt++) {
      const input = await this.quickInput('F1');
      try {
        await input.fill('>' + label, { timeout: 3000 });
        const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
        await row.waitFor({ state: 'visible', timeout: attempt < 2 ? 5000 : this.timeoutMs });
        await this.sleep(200);
        await row.click();
        return;
      } catch (e) {
        const closing = await this.page.locator('.quick-input-widget.quick-input-widget-closing').count().catch(() => 0);
        if (attempt >= 2) throw new Error(`the Command Palette did not take "${label}"${closing ? ' (it was closing: the focus moved away)' : ''}: ${e.message}`, { cause: e });
        console.log(`[e2e-web] the Command Palette did not take "${label}"${closing ? ' (it was closing: the focus moved away)' : ''}; opening it again`);
        await this.sleep(500);
      }
    }
  }

  /** Opens `relPath` of the workspace with Quick Open (Ctrl+P), as a user does. */
  async open(relPath, text) {
    const base = relPath.split('/').pop();
    for (let attempt = 0; ; attempt++) {
      try {
        const input = await this.quickInput('Control+p');
        await input.fill(relPath);
        const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: base }).first();
        await row.waitFor({ state: 'visible', timeout: 10000 });
        await this.sleep(200);
        await this.page.keyboard.press('Enter');
        await this.page.locator('.tabs-container .tab.active', { hasText: base }).first().waitFor({ state: 'visible', timeout: 10000 });
        break;
      } catch (e) {
        if (attempt >= 2) throw new Error(`could not open ${relPath} with Quick Open: ${e.message}`, { cause: e });
        await this.page.keyboard.press('Escape');
        await this.sleep(1500);
      }
    }
    await this.page.locator(`${EDITOR} .view-lines`).first().waitFor({ state: 'visible', timeout: this.timeoutMs });
    this.lines = text.split(/\r?\n/);
  }

  async status(id) {
    const item = this.page.locator(`[id="${id}"]`);
    if (!(await item.count())) return null;
    return { text: (await item.first().innerText()).replace(/\s+/g, ' ').trim(), aria: (await item.first().getAttribute('aria-label')) || '' };
  }

  async languageMode() { return (await this.status('status.editor.mode'))?.text ?? null; }

  /** The status bar's problem summary, e.g. "No Problems" or "Errors: 2, Warnings: 1". */
  async problemsSummary() { return (await this.status('status.problems'))?.aria ?? ''; }

  async cursor() {
    const s = await this.status('status.editor.selection');
    const m = s && /Ln (\d+), Col (\d+)/.exec(s.text);
    return m ? { line: Number(m[1]) - 1, visualColumn: Number(m[2]), text: s.text } : { text: s?.text };
  }

  async tabSize() {
    const s = await this.status('status.editor.indentation');
    return Number(/(\d+)/.exec(s?.text || '')?.[1] || 4);
  }

  /** 1-based visual column of 0-based `character` on `line`. */
  visualColumn(line, character, tab) {
    const text = this.lines[line];
    if (text === undefined) throw new Error(`line ${line} is past the end of the file`);
    let v = 1;
    for (const ch of text.slice(0, character)) v += ch === '\t' ? tab - ((v - 1) % tab) : 1;
    return v;
  }

  async focusEditor() {
    await this.page.keyboard.press('Escape');
    await this.page.evaluate((sel) => document.querySelector(`${sel} textarea, ${sel} .native-edit-context`)?.focus(), EDITOR);
  }

  /** Moves the cursor with Go to Line (Ctrl+G) and waits until the status bar shows it there. */
  async goto(line, character) {
    await this.focusEditor();
    const column = this.visualColumn(line, character, await this.tabSize());
    const input = await this.quickInput('Control+g');
    await input.fill(`:${line + 1}:${column}`);
    await this.sleep(150);
    await this.page.keyboard.press('Enter');
    await this.until(async () => {
      const c = await this.cursor();
      return c.line === line && c.visualColumn === column;
    }, `the cursor at ${line}:${character}`);
  }

  /** Opens the Problems panel (a click on the status bar item) and reads its rows per file. */
  async problems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible().catch(() => false))) {
      await this.page.locator('[id="status.problems"]').first().click();
      await panel.waitFor({ state: 'visible', timeout: this.timeoutMs });
    }
    await this.sleep(400);
    const rows = await this.page.$$eval('.markers-panel .monaco-list-row', (els) => els.map((e) => ({
      aria: e.getAttribute('aria-label') || '',
      text: e.innerText.replace(/\s*\n\s*/g, ' | ').trim(),
      level: Number(e.getAttribute('aria-level') || 0),
    })));
    // Level 1: a file; level 2: one problem of it; level 3: its related information.
    const files = {};
    let file = null;
    for (const row of rows) {
      if (row.level === 1) {
        file = /in file (.*) of folder/.exec(row.aria)?.[1] ?? row.text.split(' | ')[0];
        files[file] = [];
      } else if (row.level === 2 && file) {
        files[file].push(parseMarker(row));
      }
    }
    return files;
  }

  /**
   * The problems of one file, read with the Problems panel filtered to it (the panel draws only
   * the rows that fit, and other files' rows may come first); the filter is cleared after.
   */
  async problemsOf(name) {
    await this.problems();
    const filter = this.page.getByPlaceholder(/^Filter \(e\.g\./).first();
    await filter.fill(`**/${name}`);
    await this.sleep(500);
    try {
      return (await this.problems())[name] ?? [];
    } finally {
      await filter.fill('');
    }
  }

  async closePanel() {
    if (await this.page.locator('.markers-panel').isVisible().catch(() => false)) await this.command('View: Hide Panel');
  }

  /**
   * Squiggles (and the dots of hints) drawn in the editor, as 0-based line and character ranges.
   * Pixels are mapped back to characters through the rendered spans of the line, skipping text
   * the editor injects (inlay hints), which moves what follows it to the right.
   */
  async squiggles() {
    const drawn = await this.page.evaluate(({ sel, lines, tab }) => {
      const ed = document.querySelector(sel);
      if (!ed) return [];
      const byTop = (css) => Object.fromEntries([...ed.querySelectorAll(css)].map((e) => [e.style.top || e.closest('[style*="top"]')?.style.top, e]));
      const numbers = byTop('.margin-view-overlays .line-numbers');
      const views = byTop('.view-lines .view-line');
      /**
       * Left and right pixel edges of each character of `text` as drawn in `view`. A span is the
       * file's text when it matches the text at that point (a tab drawn as 1 to `tab` spaces:
       * injected text before it shifts its tab stop); any other span is injected text.
       */
      const edges = (view, text) => {
        const origin = view.getBoundingClientRect().left;
        const starts = [];
        const ends = [];
        let i = 0;
        for (const span of view.querySelectorAll('span > span')) {
          const t = span.textContent.replace(/\u00a0/g, ' ');
          const consumed = []; // [model index, first DOM offset, end DOM offset]
          let k = i;
          let j = 0;
          while (j < t.length && k < text.length) {
            if (text[k] === '\t') {
              if (t[j] !== ' ') break;
              const from = j;
              do j++; while (j < t.length && t[j] === ' ' && j - from < tab);
              consumed.push([k++, from, j]);
            } else if (text[k] === t[j]) {
              consumed.push([k++, j, ++j]);
            } else break;
          }
          if (!t || j < t.length) continue; // injected text (an inlay hint), not the file's
          const r = span.getBoundingClientRect();
          const w = r.width / t.length;
          for (const [index, from, to] of consumed) {
            starts[index] = r.left - origin + from * w;
            ends[index + 1] = r.left - origin + to * w;
          }
          i = k;
        }
        return { starts, ends };
      };
      const nearest = (xs, x) => {
        let best = -1;
        xs.forEach((v, i) => { if (v !== undefined && (best < 0 || Math.abs(v - x) < Math.abs(xs[best] - x))) best = i; });
        return best < 0 ? { i: -1, off: Infinity } : { i: best, off: Math.abs(xs[best] - x) };
      };
      const out = [];
      for (const d of ed.querySelectorAll('.view-overlays [class*="squiggly-"]')) {
        const severity = /squiggly-(error|warning|info|hint)\b/.exec(d.className)?.[1];
        const top = d.parentElement.style.top;
        const number = Number(numbers[top]?.textContent.trim());
        if (!severity || !number || !views[top]) continue;
        const line = number - 1;
        const { starts, ends } = edges(views[top], lines[line] ?? '');
        const left = parseFloat(d.style.left);
        const start = nearest(starts, left);
        const end = nearest(ends, left + parseFloat(d.style.width));
        out.push({ severity: severity === 'info' ? 'information' : severity, line, character: start.i, endCharacter: end.i, offPx: Math.round(Math.max(start.off, end.off)) });
      }
      return out;
    }, { sel: EDITOR, lines: this.lines, tab: await this.tabSize() });
    return drawn.sort((a, b) => a.line - b.line || a.character - b.character);
  }

  /** Puts the mouse over line:character and returns the hover's text and links. */
  async hover(line, character) {
    await this.goto(line, character);
    const charWidth = await this.page.evaluate((sel) => {
      const s = [...document.querySelectorAll(`${sel} .view-line span span`)].find((x) => /^[^\u00a0\s]+$/.test(x.textContent));
      return s ? s.getBoundingClientRect().width / s.textContent.length : 8;
    }, EDITOR);
    const what = `a hover at ${line}:${character}`;
    // A hover asked for while the editor redraws (tokens, decorations arriving) can be dropped
    // without a request: the mouse comes back to the place a few times before giving up.
    const attempts = 4;
    for (let attempt = 1; ; attempt++) {
      const box = await this.page.locator(`${EDITOR} .cursors-layer .cursor`).first().boundingBox();
      const x = box.x + Math.max(2, charWidth / 2);
      const y = box.y + box.height / 2;
      await this.page.mouse.move(x, y + 60);
      await this.page.mouse.move(x, y, { steps: 4 });
      try {
        const shown = await this.until(async () => {
          const h = await this.visibleHover();
          return h.text && !/^Loading\.\.\.$/m.test(h.text) ? h : null;
        }, what, Math.round(this.timeoutMs / attempts));
        await this.sleep(300);
        return { ...shown, ...(await this.visibleHover()) };
      } catch (e) {
        if (attempt === attempts) throw new Error(`${e.message} (the mouse came to it ${attempts} times)`, { cause: e });
      }
    }
  }

  async visibleHover() {
    return this.page.evaluate(() => {
      const texts = [];
      const links = [];
      for (const el of document.querySelectorAll('.monaco-hover')) {
        const r = el.getBoundingClientRect();
        const st = getComputedStyle(el);
        if (!(r.width > 0 && r.height > 0) || st.visibility === 'hidden' || st.display === 'none' || el.classList.contains('hidden')) continue;
        texts.push(el.innerText.trim());
        for (const a of el.querySelectorAll('a')) links.push(a.getAttribute('data-href') || a.getAttribute('href') || '');
      }
      return { text: texts.filter(Boolean).join('\n---\n'), links };
    });
  }

  async hideHover() {
    await this.page.mouse.move(5, 5);
    await this.page.keyboard.press('Escape');
    await this.sleep(200);
  }

  /**
   * F12 at line:character. Several targets open the peek view: its list gives the target lines
   * (0-based), and a double click on the selected one goes there. Returns the target lines (null
   * when the cursor moved without a peek view) and where the cursor landed.
   */
  async definition(line, character) {
    await this.goto(line, character);
    const before = await this.cursor();
    await this.page.keyboard.press('F12');
    const peek = this.page.locator('.peekview-widget').first();
    const outcome = await this.until(async () => {
      if (await peek.isVisible().catch(() => false)) return 'peek';
      const now = await this.cursor();
      return now.text !== before.text ? 'moved' : null;
    }, `Go to Definition from ${line}:${character}`);
    let targets = null;
    if (outcome === 'peek') {
      await this.sleep(500);
      // Rows read "Chemical\tMESH:D007649 in FILE on line 3 at column 34".
      const labels = await this.page.$$eval('.peekview-widget .ref-tree .monaco-list-row', (els) => els.map((e) => e.getAttribute('aria-label') || ''));
      targets = labels.map((l) => Number(/ on line (\d+) at column \d+$/.exec(l)?.[1] ?? 0) - 1);
      await this.page.locator('.peekview-widget .ref-tree .monaco-list-row.selected, .peekview-widget .ref-tree .monaco-list-row.focused').first().dblclick();
      await this.until(async () => !(await peek.isVisible().catch(() => false)), 'the peek view to close');
    }
    await this.sleep(300);
    return { targets, landed: await this.cursor() };
  }

  /** The rendered tokens of `line` (its text per span, TextMate class and colour). */
  async tokens(line) {
    return this.page.evaluate(({ sel, number }) => {
      const ed = document.querySelector(sel);
      const num = [...ed.querySelectorAll('.margin-view-overlays .line-numbers')].find((n) => n.textContent.trim() === String(number));
      if (!num) return null;
      const top = num.closest('[style*="top"]')?.style.top;
      const view = [...ed.querySelectorAll('.view-lines .view-line')].find((v) => v.style.top === top);
      return view ? [...view.querySelectorAll('span > span')].map((s) => ({ text: s.textContent, className: s.className, color: getComputedStyle(s).color })) : null;
    }, { sel: EDITOR, number: line + 1 });
  }

  /** "Developer: Inspect Editor Tokens and Scopes" at line:character: the TextMate scopes. */
  async scopes(line, character) {
    await this.goto(line, character);
    await this.command('Developer: Inspect Editor Tokens and Scopes');
    const widget = this.page.locator('.token-inspect-widget').first();
    await widget.waitFor({ state: 'visible', timeout: this.timeoutMs });
    await this.sleep(300);
    const text = await widget.innerText();
    await this.page.keyboard.press('Escape');
    const lines = text.split('\n').map((s) => s.trim()).filter(Boolean);
    const at = lines.findIndex((l) => l.startsWith('textmate scopes'));
    const scopes = [];
    if (at >= 0) {
      scopes.push(lines[at].split('\t').pop().trim());
      for (const l of lines.slice(at + 1)) {
        if (l.includes('\t')) break;
        scopes.push(l);
      }
    }
    return { token: lines[0], scopes };
  }

  /** Selects `length` characters from line:character and types `text` over them. */
  async replace(line, character, length, text) {
    await this.goto(line, character);
    for (let i = 0; i < length; i++) await this.page.keyboard.press('Shift+ArrowRight');
    await this.page.keyboard.type(text);
    const row = this.lines[line];
    this.lines[line] = row.slice(0, character) + text + row.slice(character + length);
  }

  /** The Outline view's top-level entries, after focusing it and collapsing every entry. */
  async outline() {
    await this.command('Explorer: Focus on Outline View');
    const rows = this.page.locator('.outline-pane .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: this.timeoutMs });
    const header = this.page.locator('.pane-header', { hasText: 'Outline' }).first();
    await header.hover();
    await header.locator('.action-label[aria-label="Collapse All"]').first().click();
    await this.sleep(500);
    return this.page.$$eval('.outline-pane .monaco-list-row', (els) => els
      .filter((e) => e.getAttribute('aria-level') === '1')
      .map((e) => (e.getAttribute('aria-label') || e.innerText).trim()));
  }

  /** Ctrl+. at line:character: the titles in the quick-fix menu (the menu stays open). */
  async quickFixes(line, character) {
    await this.goto(line, character);
    await this.page.keyboard.press('Control+.');
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    await rows.first().waitFor({ state: 'visible', timeout: this.timeoutMs });
    await this.sleep(300);
    return this.page.$$eval('.action-widget .monaco-list-row.action', (els) => els.map((e) => e.innerText.trim()));
  }

  async chooseQuickFix(title) {
    await this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first().click();
    await this.page.locator('.action-widget').first().waitFor({ state: 'hidden', timeout: this.timeoutMs }).catch(() => {});
  }

  /** The text shown in the Output panel (its visible lines), for the channel on show. */
  async outputText() {
    const view = this.page.locator('.panel .monaco-editor .view-lines').first();
    await view.waitFor({ state: 'visible', timeout: this.timeoutMs });
    return this.page.evaluate(() => {
      const editor = document.querySelector('.panel .monaco-editor');
      if (!editor) return '';
      return [...editor.querySelectorAll('.view-lines .view-line')]
        .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
        .map((l) => l.innerText.replace(/\u00a0/g, ' ')).join('\n');
    });
  }

  /**
   * The frame of a webview whose page has `selector`. Webviews are iframes nested in iframes
   * (VS Code's host frame, then the page's own frame); Playwright lists every frame of the page,
   * so the page is found by what it holds, as ../shared/vscode-harness/drive.mjs finds them.
   */
  async webviewFrame(selector, what = `a webview with ${selector}`) {
    return this.until(async () => {
      for (const frame of this.page.frames()) {
        if (frame === this.page.mainFrame() || !/\/webview\//.test(frame.url())) continue;
        if (await frame.locator(selector).count().catch(() => 0)) return frame;
      }
      return null;
    }, what);
  }

  /**
   * What the PubTator preview shows: the document id, its highlights (text, type, row line
   * and classes of each), what is marked as under the cursor, the relation list, and the
   * page's Content Security Policy.
   */
  async preview() {
    const frame = await this.webviewFrame('#preview .doc-header, #preview .empty', 'the PubTator preview');
    const shown = await frame.evaluate(() => ({
      id: document.querySelector('#preview .doc-id')?.textContent ?? null,
      position: document.querySelector('#preview .position')?.textContent ?? null,
      empty: document.querySelector('#preview .empty')?.textContent ?? null,
      highlights: [...document.querySelectorAll('#preview .seg')].map((e) => ({
        text: e.textContent, type: e.dataset.type, line: Number(e.dataset.line) - 1, classes: e.className,
        background: getComputedStyle(e).backgroundColor,
      })),
      labels: [...document.querySelectorAll('#preview .label')].map((e) => e.textContent),
      focus: [...document.querySelectorAll('#preview .focus')].map((e) => e.textContent),
      relations: [...document.querySelectorAll('#preview .relation')].map((e) => ({ text: e.textContent, line: Number(e.dataset.line) - 1 })),
      nodes: document.querySelectorAll('#preview .graph .node').length,
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content') ?? null,
      scrollY: window.scrollY,
    }));
    return { frame, ...shown };
  }

  /** The text of the passages the preview shows (type labels left out), one line each. */
  async previewText() {
    const frame = await this.webviewFrame('#preview .doc-header', 'the PubTator preview');
    return frame.evaluate(() => [...document.querySelectorAll('#preview .passage')].map((p) => {
      const copy = p.cloneNode(true);
      for (const label of copy.querySelectorAll('.label')) label.remove();
      return copy.textContent;
    }).join('\n'));
  }

  /** Polls the preview until `accept(shown)` holds; returns what it shows then. */
  async previewUntil(accept, what, timeoutMs = this.timeoutMs) {
    let last;
    try {
      return await this.until(async () => {
        last = await this.preview().catch(() => null);
        return last && accept(last) ? last : null;
      }, what, timeoutMs, 150);
    } catch (e) {
      const seen = last ? { ...last, frame: undefined } : null;
      throw new Error(`${e.message}; the preview shows ${JSON.stringify(seen).slice(0, 600)}`, { cause: e });
    }
  }

  /** Clicks the first element of the preview matching `selector` (and holding `text`, if given). */
  async clickInPreview(selector, text) {
    const frame = await this.webviewFrame(selector);
    const target = text === undefined ? frame.locator(selector) : frame.locator(selector, { hasText: text });
    await target.first().click();
  }

  /** Bounding box of the first visible element matching `selector`. */
  async box(selector) {
    for (const el of await this.page.locator(selector).all()) {
      if (await el.isVisible().catch(() => false)) return el.boundingBox();
    }
    return null;
  }
}

/** One Problems row: "Error: MESSAGE at line 8 and character 10. … generated by pubtator". */
function parseMarker(row) {
  const m = /^(Error|Warning|Info|Hint): ([\s\S]*) at line (\d+) and character (\d+)\./.exec(row.aria);
  const parts = row.text.split(' | ');
  const severity = { Error: 'error', Warning: 'warning', Info: 'information', Hint: 'hint' }[m?.[1]] ?? null;
  return {
    severity,
    message: m?.[2] ?? row.aria,
    line: m ? Number(m[3]) - 1 : -1,
    character: m ? Number(m[4]) - 1 : -1,
    // The row's text ends "… | SOURCE | CODE | [Ln L, Col C]".
    source: parts.at(-3) ?? null,
    code: parts.at(-2) ?? null,
  };
}
