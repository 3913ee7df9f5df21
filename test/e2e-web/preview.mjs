// The reading view in a real VS Code, as a user meets it: open the clean sample, run "PubTator:
// Open Preview to the Side", and see the mentions of the document under the cursor highlighted
// with their types, under a strict Content Security Policy; move the cursor to another document
// and the view follows and marks the mention under the cursor; click a highlight or a relation
// and the editor selects its row; break an offset by typing and the view marks the span as wrong,
// in place, then clears it when the edit is undone; reload the window and the preview comes back.
/* global window */
import assert from 'node:assert/strict';

const MENTION_ROW = /^[^\t|]+\t\d+\t\d+\t/;

/** The documents of a file: id, first line, mention rows (line, text, type) and relation rows. */
function documentsOf(lines) {
  const docs = [];
  lines.forEach((l, line) => {
    const title = /^([^\t|]+)\|t\|/.exec(l);
    if (title) docs.push({ id: title[1], line, mentions: [], relations: [] });
    else if (MENTION_ROW.test(l)) {
      const [, start, end, text, type] = l.split('\t');
      docs.at(-1)?.mentions.push({ line, start: Number(start), end: Number(end), text, type });
    } else if (l.includes('\t')) docs.at(-1)?.relations.push({ line, type: l.split('\t')[1] });
  });
  return docs;
}

const sorted = (list) => [...list].sort();

/**
 * @param ctx {{ wb, report, texts: Record<string,string>, shoot(name, kind), name: string }}
 */
export async function previewChecks(ctx) {
  const { wb, report, texts, name } = ctx;
  const lines = texts[name].split('\n');
  const docs = documentsOf(lines);
  const [first, second] = docs;
  let opened = false;

  await report.check(`${name}: "PubTator: Open Preview to the Side" shows the document at the cursor, every mention highlighted with its type`, async () => {
    await wb.open(name, texts[name]);
    // Room for the editor and the preview side by side, and for the whole preview's height.
    await wb.command('View: Close Primary Side Bar');
    if (await wb.page.locator('.part.panel').isVisible().catch(() => false)) await wb.command('View: Hide Panel');
    const inTitle = lines[first.line].indexOf(first.mentions[0].text);
    await wb.goto(first.line, inTitle + 1);
    await wb.command('PubTator: Open Preview to the Side');
    const shown = await wb.previewUntil((p) => p.id === first.id && p.highlights.length > 0, `the preview of document ${first.id}`, 60000);
    opened = true;
    // Each mention row is one highlight here (the sample has no nested spans), with its row's type and line.
    const drawn = shown.highlights.map((h) => `${h.line}:${h.text}:${h.type}`);
    const rows = first.mentions.map((m) => `${m.line}:${m.text}:${m.type}`);
    assert.deepEqual(sorted(drawn), sorted(rows));
    assert.deepEqual(sorted(shown.labels), sorted(first.mentions.map((m) => m.type)), 'a type label after each mention');
    const colours = new Map(shown.highlights.map((h) => [h.type, h.background]));
    assert.ok(new Set(colours.values()).size >= Math.min(3, colours.size), `family colours: ${JSON.stringify([...colours])}`);
    assert.deepEqual(shown.focus, [first.mentions[0].text], 'the mention under the cursor is marked');
    assert.ok(shown.relations.length === first.relations.length && shown.nodes > 0, 'the relations, as a list and a graph');
    assert.match(shown.csp ?? '', /default-src 'none'/);
    assert.match(shown.csp ?? '', /script-src 'nonce-[0-9a-f]{32}'/);
    // Styles only from the extension (VS Code's own webview resource origin), nothing inline, no other origin.
    assert.doesNotMatch(shown.csp ?? '', /unsafe-|data:|blob:|http:|(^|\s)\*(\s|;|$)/);
    return `${shown.position}: ${shown.highlights.length} highlights (${[...colours.keys()].join(', ')}), ${shown.relations.length} relations; CSP ${shown.csp}`;
  });
  if (!opened) return;

  const target = second.mentions.find((m) => m.text !== second.mentions[0].text) ?? second.mentions[0];
  await report.check(`${name}: moving the cursor to a mention row of another document, the view follows and marks that mention`, async () => {
    await wb.goto(target.line, 0);
    const shown = await wb.previewUntil((p) => p.id === second.id && p.focus.includes(target.text), `document ${second.id} with "${target.text}" marked`);
    return `${shown.position}; marked: ${shown.focus.join(', ')}`;
  });
  // The README's picture: a short document, its text and its relation graph in view.
  await ctx.shoot('preview', 'preview');

  const clicked = second.mentions.find((m) => m.line !== target.line && m.text !== target.text && !second.mentions.some((o) => o !== m && o.text === m.text));
  await report.check(`${name}: clicking a highlight selects its mention row in the editor`, async () => {
    assert.ok(clicked, 'a mention with a text of its own in the second document');
    await wb.clickInPreview('.seg', clicked.text);
    const cursor = await wb.until(async () => {
      const c = await wb.cursor();
      return c.line === clicked.line ? c : null;
    }, `the cursor on line ${clicked.line}`);
    assert.match(cursor.text, /selected/, `the row is selected: ${cursor.text}`);
    return `"${clicked.text}" -> ${cursor.text}`;
  });

  const relation = second.relations.find((r) => second.relations.filter((o) => o.type.includes(r.type) || r.type.includes(o.type)).length === 1);
  await report.check(`${name}: clicking a relation selects its row and both concepts' mentions in the view`, async () => {
    assert.ok(relation, 'the second document has a relation of a type of its own');
    await wb.clickInPreview('.relation', relation.type);
    await wb.until(async () => (await wb.cursor()).line === relation.line, `the cursor on line ${relation.line}`);
    const shown = await wb.previewUntil((p) => p.highlights.some((h) => h.classes.includes('related')), 'the relation\'s mentions emphasised');
    const related = [...new Set(shown.highlights.filter((h) => h.classes.includes('related')).map((h) => h.text))];
    return `${relation.type} on line ${relation.line + 1}; emphasised: ${related.join(', ')}`;
  });

  // Typing into the end offset of a mention of the first, longer document: the span now covers other text.
  const broken = first.mentions.at(-2);
  await report.check(`${name}: an edit that breaks a span shows it as wrong in the view, in place, and undoing clears it`, async () => {
    const at = lines[broken.line].split('\t').slice(0, 2).join('\t').length + 1;
    // The cursor first (the view scrolls to the mention if it must), then the edit, which must not scroll it.
    await wb.goto(broken.line, at);
    const focused = await wb.previewUntil((p) => p.focus.includes(broken.text), `"${broken.text}" marked`);
    // Scrolled a little, as a reader would be, so that a redraw that lost the position would show.
    await focused.frame.evaluate(() => window.scrollTo(0, 80));
    await wb.sleep(300);
    const before = await wb.preview();
    assert.ok(before.scrollY > 0, 'the view is scrolled before the edit');
    assert.ok(!before.highlights.some((h) => h.classes.includes('wrong')));
    const end = String(broken.end);
    await wb.replace(broken.line, at, end.length, String(broken.end + 2));
    const t = Date.now();
    const wrong = await wb.previewUntil((p) => p.id === first.id && p.highlights.some((h) => h.classes.includes('wrong')), 'the span marked wrong', 10000);
    const ms = Date.now() - t;
    assert.equal(wrong.scrollY, before.scrollY, 'the view kept its scroll position');
    await wb.focusEditor();
    await wb.page.keyboard.press('Control+z');
    await wb.previewUntil((p) => !p.highlights.some((h) => h.classes.includes('wrong')), 'the wrong mark to go', 10000);
    wb.lines[broken.line] = lines[broken.line];
    return `marked wrong ${ms} ms after typing, the view still scrolled to ${wrong.scrollY} px; cleared after undo`;
  });

  await report.check(`${name}: a preview left open comes back after the window reloads`, async () => {
    // It comes back showing what it showed before the reload.
    const before = await wb.preview();
    await wb.reload();
    const shown = await wb.previewUntil((p) => p.id === before.id && p.highlights.length > 0, `the restored preview of document ${before.id}`, 60000);
    return `${shown.position}, ${shown.highlights.length} highlights`;
  });
}
