// The user-level checks, in the order a user meets them: open a clean file (language mode,
// hover, no problems, colours, live edits, outline), then each sample with known defects
// (Problems panel, squiggles, hovers, go to definition), then a quick fix. Expectations for
// the defective samples come from test/fixtures/lsp/expected.json, shared with the JSON-RPC,
// Neovim and @vscode/test-electron suites. The reading view's checks are in preview.mjs.
import assert from 'node:assert/strict';
import { compareChecks } from './compare.mjs';
import { adjudicateChecks } from './adjudicate.mjs';
import { fetchChecks } from './fetch.mjs';
import { schemaChecks } from './schema.mjs';
import { serverCommands } from './serverCommands.mjs';
import { meshIndexSetting } from './meshIndex.mjs';
import { readingFeatures } from './readingFeatures.mjs';
import { editingFeatures } from './editingFeatures.mjs';
import { previewChecks } from './preview.mjs';
import { annotateChecks } from './annotate.mjs';
import { corpusIdsChecks } from './corpusIds.mjs';
import { meshNamesChecks } from './meshNames.mjs';
import { carryChecks } from './carry.mjs';
import { runWalkthroughChecks } from './walkthrough.mjs';
import { workspaceChecks } from './workspace.mjs';
import { biocChecks } from './bioc.mjs';
import { frontDoorChecks } from './frontDoor.mjs';

/** The clean sample (a copy of samples/ketamine.pubtator) as it is named in the workspace. */
export const CLEAN = 'clean.pubtator';
/** The defective sample whose screenshots go into the README. */
const SHOWCASE = 'ketamine.pubtator';
const MENTION_ROW = /^[^\t|]+\t\d+\t\d+\t/;
const MESH_LINK = (id) => `https://meshb.nlm.nih.gov/record/ui?ui=${id}`;
/** Entity types of the clean sample and the family their TextMate scope names. */
const FAMILY_OF_TYPE = { Chemical: 'chemical', Disease: 'disease', Gene: 'gene', Species: 'species', ProteinMutation: 'variant', CellLine: 'cell-line' };

/**
 * @param ctx {{ wb, report, host, expected, texts: Record<string,string>, capabilities, shoot(name, kind), editLimitMs: number,
 *   machineSettings: string, indexPath: string, workspace: string, repoRoot: string,
 *   screenshots: boolean }}
 */
export async function runChecks(ctx) {
  // E2E_ONLY=preview,compare runs the clean file's checks and those groups only (a helper's quick
  // loop on its own feature); CI runs every group.
  const only = (process.env.E2E_ONLY ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const groups = [
    ['reading', () => readingFeatures(ctx)],
    ['defects', async () => { for (const [name, sample] of Object.entries(ctx.expected)) await defectiveFile(ctx, name, sample); }],
    ['quickfix', () => quickFix(ctx)],
    ['frontdoor', () => frontDoorChecks(ctx)],
    ['editing', () => editingFeatures(ctx)],
    ['commands', () => serverCommands(ctx)],
    // Before the MeSH index is set, so that the walkthrough's sample (and its pictures) show only its own problem.
    ['walkthrough', () => runWalkthroughChecks(ctx)],
    ['mesh', () => meshIndexSetting(ctx)],
    ['schema', () => schemaChecks(ctx)],
    ['bioc', () => biocChecks(ctx)],
    // Before the preview (which narrows the editor for any check after): the Problems panel of a folder's files.
    ['workspace', () => workspaceChecks(ctx)],
    // Last: the preview opens beside the editor, which narrows it for any check after.
    ['preview', () => previewChecks({ ...ctx, name: CLEAN })],
    ['annotate', () => annotateChecks({ ...ctx, name: CLEAN })],
    ['corpusids', () => corpusIdsChecks(ctx)],
    ['meshnames', () => meshNamesChecks(ctx)],
    ['carry', () => carryChecks({ ...ctx, name: CLEAN })],
    // After the preview: it starts by closing every editor, the preview with them.
    ['compare', () => compareChecks(ctx)],
    ['adjudicate', () => adjudicateChecks(ctx)],
    ['fetch', () => fetchChecks(ctx)],
  ];
  await cleanFile(ctx);
  for (const [name, run] of groups) if (only.length === 0 || only.includes(name)) await run();
}

/** Opens `name` with Quick Open and checks its language mode; false when it did not open. */
async function openAndCheckMode({ wb, report, texts }, name) {
  let opened = false;
  await report.check(`${name}: opens with Quick Open, and the language mode is PubTator`, async () => {
    await wb.open(name, texts[name]);
    opened = true;
    return wb.until(async () => ((await wb.languageMode()) === 'PubTator' ? 'PubTator' : null), 'language mode PubTator', 10000)
      .catch(async () => assert.fail(`status bar language mode is ${JSON.stringify(await wb.languageMode())}`));
  });
  return opened;
}

function hoverLacks(shown, facts) {
  return facts.filter((f) => !shown.text.includes(f) && !shown.links.some((l) => l.includes(f)));
}

async function cleanFile(ctx) {
  const { wb, report, texts, capabilities } = ctx;
  const lines = texts[CLEAN].split('\n');
  if (!(await openAndCheckMode(ctx, CLEAN))) return;

  // The first hover answered proves the language server runs for this file.
  const relation = lines.findIndex((l) => /^\d+\tNegative_Correlation\tMESH:D007649\t/.test(l));
  const character = lines[relation].indexOf('MESH:D007649') + 5;
  await report.check(`${CLEAN}: hover on a relation's MeSH id shows the concept's name and the MeSH link`, async () => {
    const shown = await wb.until(async () => wb.hover(relation, character).catch(() => null), 'the language server to answer a hover', 60000, 500);
    await wb.hideHover();
    const lacks = hoverLacks(shown, ['Ketamine', MESH_LINK('D007649')]);
    assert.deepEqual(lacks, [], `hover lacks ${lacks.join(', ')}: ${shown.text} links ${shown.links.join(' ')}`);
    return shown.text.split('\n')[0];
  });

  await report.check(`${CLEAN}: the Problems panel lists no problem`, async () => {
    await wb.sleep(1500); // the server validates 150 ms after opening; give it ample time to publish
    const files = await wb.problems();
    assert.deepEqual(files[CLEAN] ?? [], [], 'problems listed for the clean file');
    assert.equal(await wb.problemsSummary(), 'No Problems');
    assert.deepEqual(await wb.squiggles(), [], 'squiggles drawn in the clean file');
    await wb.closePanel();
  });

  await entityColours(ctx, lines);
  await liveEdit(ctx, lines);

  if (!capabilities.documentSymbolProvider) {
    report.skip(`${CLEAN}: the Outline lists the documents`, 'the built server does not advertise documentSymbolProvider (the outline is not wired into server/src/server.ts yet)');
  } else {
    await report.check(`${CLEAN}: the Outline lists the documents`, async () => {
      const pmids = lines.map((l) => /^([^\t|]+)\|t\|/.exec(l)?.[1]).filter(Boolean);
      const top = await wb.outline();
      for (const pmid of pmids) assert.ok(top.some((l) => l.includes(pmid)), `no outline entry for document ${pmid}: ${JSON.stringify(top)}`);
      assert.equal(top.length, pmids.length, `top-level outline entries: ${JSON.stringify(top)}`);
      await wb.command('View: Show Explorer');
      return top.join('; ');
    });
  }
}

/** Every entity type of the file is drawn in a colour of its family, apart from the others. */
async function entityColours({ wb, report }, lines) {
  const firstRowOf = {};
  lines.forEach((l, i) => {
    const type = MENTION_ROW.test(l) ? l.split('\t')[4] : undefined;
    if (type && !(type in firstRowOf)) firstRowOf[type] = i;
  });
  const seen = {};
  await report.check(`${CLEAN}: entity types are coloured tokens (DOM colours)`, async () => {
    for (const [type, line] of Object.entries(firstRowOf)) {
      await wb.goto(line, 0);
      const spans = await wb.tokens(line);
      assert.ok(spans, `line ${line} is not rendered`);
      const span = spans.find((s) => s.text === type);
      assert.ok(span, `no token "${type}" on line ${line}: ${JSON.stringify(spans.map((s) => s.text))}`);
      const plain = spans.find((s) => s.className === 'mtk1')?.color;
      assert.notEqual(span.color, plain, `${type} is drawn in the default foreground ${plain}`);
      seen[type] = span;
    }
    const colours = new Set(Object.values(seen).map((s) => s.color));
    assert.equal(colours.size, Object.keys(seen).length, `types share a colour: ${JSON.stringify(Object.fromEntries(Object.entries(seen).map(([t, s]) => [t, s.color])))}`);
    return Object.entries(seen).map(([t, s]) => `${t} ${s.className} ${s.color}`).join(', ');
  });
  await report.check(`${CLEAN}: entity types have their family's TextMate scope (scope inspector)`, async () => {
    const found = [];
    for (const [type, line] of Object.entries(firstRowOf)) {
      const at = lines[line].split('\t').slice(0, 4).join('\t').length + 1;
      const { token, scopes } = await wb.scopes(line, at);
      assert.equal(token, type, `the inspector shows token ${JSON.stringify(token)} at ${line}:${at}`);
      const family = FAMILY_OF_TYPE[type];
      const re = family ? new RegExp(`\\.${family}\\.pubtator$`) : /\.(chemical|disease|gene|species|variant|cell-line|other)\.pubtator$/;
      assert.match(scopes[0] ?? '', re, `${type}: scopes ${JSON.stringify(scopes)}`);
      found.push(`${type} ${scopes[0]}`);
    }
    return found.join(', ');
  });
}

/** Break a mention's start offset by typing, then restore it: the problem comes and goes live. */
async function liveEdit({ wb, report, editLimitMs }, lines) {
  const line = lines.findIndex((l) => MENTION_ROW.test(l));
  const [, start] = lines[line].split('\t');
  const at = lines[line].indexOf('\t') + 1;
  const broken = String(Number(start) + 1);
  const waitSummary = async (wanted) => {
    const t = Date.now();
    await wb.until(async () => wanted(await wb.problemsSummary()), 'the Problems count to change', 10000, 20);
    return Date.now() - t;
  };
  let appearedMs = null;
  await report.check(`${CLEAN}: an edit that breaks an offset shows a new problem within ${editLimitMs} ms`, async () => {
    await wb.replace(line, at, start.length, broken);
    appearedMs = await waitSummary((s) => s && s !== 'No Problems');
    const files = await wb.problems();
    const problems = files[CLEAN] ?? [];
    assert.equal(problems.length, 1, JSON.stringify(problems));
    // The start moved one character into the word: a boundary error (the end still fits).
    assert.equal(problems[0].code, 'span-boundary');
    assert.deepEqual([problems[0].line, problems[0].character], [line, at]);
    assert.ok(problems[0].message.includes(`${broken}-`), problems[0].message);
    assert.ok(appearedMs <= editLimitMs, `the problem appeared after ${appearedMs} ms`);
    return `appeared ${appearedMs} ms after typing: ${problems[0].message}`;
  });
  await report.check(`${CLEAN}: fixing the offset clears the problem within ${editLimitMs} ms`, async () => {
    const t = Date.now();
    await wb.replace(line, at, broken.length, start);
    const goneMs = await waitSummary((s) => s === 'No Problems');
    assert.deepEqual((await wb.problems())[CLEAN] ?? [], []);
    assert.ok(goneMs <= editLimitMs, `the problem went ${goneMs} ms after typing (typing took ${Date.now() - t - goneMs} ms)`);
    await wb.closePanel();
    return `gone ${goneMs} ms after typing`;
  });
}

async function defectiveFile(ctx, name, sample) {
  const { wb, report, texts } = ctx;
  const lines = texts[name].split('\n');
  if (!(await openAndCheckMode(ctx, name))) return;
  const label = (d) => `${d.severity} ${d.code} at ${d.line}:${d.character}`;

  await report.check(`${name}: the Problems panel lists exactly the expected problems (messages and positions)`, async () => {
    // Hints are not listed in the Problems panel (VS Code shows them only as dots in the editor).
    const wanted = sample.diagnostics.filter((d) => d.severity !== 'hint');
    await wb.until(async () => (await wb.problemsSummary()) !== 'No Problems', `the problems of ${name}`, 60000, 200);
    let listed = [];
    await wb.until(async () => {
      listed = (await wb.problems())[name] ?? [];
      return listed.length >= wanted.length;
    }, `${wanted.length} problems of ${name}`, 20000, 500).catch(() => {});
    for (const w of wanted) {
      const p = listed.find((x) => x.code === w.code && x.line === w.line && x.character === w.character);
      assert.ok(p, `no ${label(w)} in the Problems panel: ${JSON.stringify(listed)}`);
      assert.equal(p.severity, w.severity, label(w));
      assert.equal(p.source, 'pubtator', label(w));
      for (const fact of w.messageIncludes) assert.ok(p.message.includes(fact), `${label(w)}: "${p.message}" lacks ${fact}`);
    }
    assert.equal(listed.length, wanted.length, `listed: ${JSON.stringify(listed.map(label))}`);
    return listed.map(label).join('; ');
  });
  await ctx.shoot(`${name}-problems`, name === SHOWCASE ? 'problems' : null);
  await wb.closePanel();

  await report.check(`${name}: squiggles underline exactly the expected ranges`, async () => {
    await wb.goto(0, 0);
    const drawn = await wb.squiggles();
    // A hint is drawn as a short row of dots at its start, whatever its length.
    const squiggle = (d) => `${d.severity} ${d.line}:${d.character}-${d.severity === 'hint' ? '' : d.endCharacter}`;
    const wanted = sample.diagnostics.filter((d) => d.line === d.endLine).map(squiggle);
    assert.deepEqual(drawn.map(squiggle).sort(), wanted.sort());
    const off = drawn.filter((d) => d.severity !== 'hint' && d.offPx > 6); // under a character's width (8.4 px)
    assert.deepEqual(off, [], 'squiggles that do not line up with character edges');
    return drawn.map(squiggle).join('; ');
  });
  await ctx.shoot(`${name}-editor`, name === SHOWCASE ? 'editor' : null);

  for (const h of sample.hover) {
    const row = MENTION_ROW.test(lines[h.line]) ? 'mention' : 'relation';
    await report.check(`${name}: hover at ${h.line}:${h.character} (${row} row) shows ${h.includes.join(', ')}`, async () => {
      const shown = await wb.hover(h.line, h.character);
      const lacks = hoverLacks(shown, h.includes);
      if (row === 'relation') await ctx.shoot(`${name}-hover-${h.line}-${h.character}`, name === SHOWCASE ? 'hover' : null);
      await wb.hideHover();
      assert.deepEqual(lacks, [], `hover lacks ${lacks.join(', ')}: ${shown.text} links ${shown.links.join(' ')}`);
      return shown.text.split('\n')[0];
    });
  }

  for (const d of sample.definition) {
    await report.check(`${name}: go to definition at ${d.line}:${d.character} lands on a mention row (one of lines ${d.lines.join(', ')})`, async () => {
      const { targets, landed } = await wb.definition(d.line, d.character);
      if (targets) assert.deepEqual([...targets].sort((a, b) => a - b), d.lines, 'the peek view lists other lines');
      else assert.equal(d.lines.length, 1, 'one target expected, so no peek view');
      assert.ok(d.lines.includes(landed.line), `landed on ${landed.text}`);
      assert.match(lines[landed.line], MENTION_ROW, `line ${landed.line} is not a mention row`);
      return `${targets ? `peek view lists lines ${targets.join(', ')}; ` : ''}landed on ${landed.text}: ${lines[landed.line].replace(/\t/g, ' ')}`;
    });
  }
}

/** Ctrl+. on the text-mismatch of the showcase sample, pick the offset fix: the problem goes. */
async function quickFix(ctx) {
  const { wb, report, texts, capabilities, expected } = ctx;
  const name = `${SHOWCASE}: a quick fix repairs a broken offset`;
  if (!capabilities.codeActionProvider) {
    report.skip(name, 'the built server does not advertise codeActionProvider (quick fixes are not wired into server/src/server.ts yet)');
    return;
  }
  const mismatch = expected[SHOWCASE]?.diagnostics.find((d) => d.code === 'text-mismatch');
  if (!mismatch) {
    report.fail(name, `expected.json lists no text-mismatch for ${SHOWCASE}`);
    return;
  }
  await report.check(name, async () => {
    await wb.open(SHOWCASE, texts[SHOWCASE]);
    const before = (await wb.problems())[SHOWCASE] ?? [];
    const titles = await wb.quickFixes(mismatch.line, mismatch.character);
    const title = titles.find((t) => /^Move the mention|offset/i.test(t)) ?? titles[0];
    assert.ok(title, 'the quick-fix menu is empty');
    await wb.chooseQuickFix(title);
    let after = before;
    await wb.until(async () => {
      after = (await wb.problems())[SHOWCASE] ?? [];
      return !after.some((p) => p.code === 'text-mismatch' && p.line === mismatch.line);
    }, 'the text-mismatch to go', 10000, 300).catch(() => {});
    assert.ok(!after.some((p) => p.code === 'text-mismatch' && p.line === mismatch.line), `"${title}" left ${JSON.stringify(after)}`);
    assert.equal(after.length, before.length - 1, `problems after the fix: ${JSON.stringify(after)}`);
    return `"${title}" (menu: ${titles.join(' | ')})`;
  });
}
