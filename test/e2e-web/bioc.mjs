// BioC in the editor: an .xml file whose content is BioC opens in the BioC XML language (the
// client's content sniff), its seeded defects are listed on the XML lines of their elements,
// a hover on an annotation tells its concept, the Outline lists its documents; a *.bioc.json
// file opens as BioC JSON and, clean, lists no problem; a stand-off file without passage text lists one
// problem for the whole file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const FOLDER = 'bioc';
const XML = 'seeded-corpus.xml';
const JSON_FILE = 'bytes.bioc.json';
const TEXTLESS = 'standoff.xml';

/** @param ctx {{ wb, report, workspace: string, repoRoot: string }} */
export async function biocChecks(ctx) {
  const { wb, report } = ctx;
  const fixtures = path.join(ctx.repoRoot, 'test', 'fixtures', 'bioc');
  const xml = fs.readFileSync(path.join(fixtures, 'seeded.bioc.xml'), 'utf8');
  const json = fs.readFileSync(path.join(fixtures, 'bytes.bioc.json'), 'utf8');
  const dir = path.join(ctx.workspace, FOLDER);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, XML), xml);
  fs.writeFileSync(path.join(dir, JSON_FILE), json);
  const lines = xml.split('\n');
  const lineOf = (needle) => lines.findIndex((l) => l.includes(needle));

  let opened = false;
  await report.check(`${FOLDER}/${XML}: an .xml file with BioC content opens in the BioC XML language`, async () => {
    await wb.open(`${FOLDER}/${XML}`, xml);
    opened = true;
    return wb.until(async () => ((await wb.languageMode()) === 'BioC XML' ? 'BioC XML' : null), 'language mode BioC XML', 15000)
      .catch(async () => assert.fail(`status bar language mode is ${JSON.stringify(await wb.languageMode())}`));
  });
  if (!opened) return;

  await report.check(`${FOLDER}/${XML}: the seeded defects are listed on their elements' lines`, async () => {
    const expected = [
      ['bioc-passage-offset', lineOf('<offset>50</offset>')],
      ['bioc-passage-local-offsets', lineOf('<id>3</id>')],
      ['bioc-location-outside-passage', lineOf('offset="400"')],
      ['bioc-dangling-node', lineOf('refid="A9"')],
      ['text-mismatch', lineOf('<annotation id="A4">')],
    ];
    const found = await wb.until(async () => {
      const rows = await wb.problemsOf(XML);
      return expected.every(([code]) => rows.some((p) => p.code === code)) ? rows : null;
    }, 'the BioC problems in the Problems panel', 60000, 1000);
    for (const [code, line] of expected) {
      assert.ok(found.some((p) => p.code === code && p.line === line), `${code} on line ${line}: ${JSON.stringify(found)}`);
    }
    await wb.closePanel();
    return found.map((p) => `${p.code}@${p.line}`).join(', ');
  });

  await report.check(`${FOLDER}/${XML}: hover on an annotation's text tells its type and concept`, async () => {
    const line = lineOf('<text>Aspirin</text>');
    const character = lines[line].indexOf('Aspirin') + 2;
    const shown = await wb.until(async () => wb.hover(line, character).catch(() => null), 'a hover on the annotation', 30000, 500);
    await wb.hideHover();
    assert.ok(/Chemical/.test(shown.text) && /D001241/.test(shown.text + shown.links.join(' ')), shown.text);
    return shown.text.split('\n')[0];
  });

  await report.check(`${FOLDER}/${XML}: the Outline lists the three documents`, async () => {
    const top = await wb.outline();
    for (const id of ['1', '2', '3']) assert.ok(top.some((l) => new RegExp(`\\b${id}\\b`).test(l)), `no outline entry for document ${id}: ${JSON.stringify(top)}`);
    await wb.command('View: Show Explorer');
    return top.join('; ');
  });

  await report.check(`${FOLDER}/${TEXTLESS}: documents without passage text are one problem for the file, not one per annotation`, async () => {
    const standoff = fs.readFileSync(path.join(fixtures, '..', 'bioc-standoff', 'textless.bioc.xml'), 'utf8');
    fs.writeFileSync(path.join(dir, TEXTLESS), standoff);
    await wb.open(`${FOLDER}/${TEXTLESS}`, standoff);
    const line = standoff.split('\n').findIndex((l) => l.includes('<id>26094</id>'));
    const rows = await wb.until(async () => {
      const found = await wb.problemsOf(TEXTLESS);
      return found.length > 0 ? found : null;
    }, 'the stand-off file\'s problem', 60000, 1000);
    await wb.sleep(1500);
    const settled = await wb.problemsOf(TEXTLESS);
    await wb.closePanel();
    assert.deepEqual(settled.map((p) => `${p.code}@${p.line}`), [`bioc-document-without-text@${line}`], JSON.stringify(rows));
    return `${settled[0].code} on line ${line + 1}`;
  });

  await report.check(`${FOLDER}/${JSON_FILE}: opens as BioC JSON and, clean, lists no problem`, async () => {
    await wb.open(`${FOLDER}/${JSON_FILE}`, json);
    await wb.until(async () => ((await wb.languageMode()) === 'BioC JSON' ? true : null), 'language mode BioC JSON', 15000);
    await wb.sleep(2000);
    assert.deepEqual(await wb.problemsOf(JSON_FILE), []);
    await wb.closePanel();
    return 'BioC JSON, no problem';
  });

  // Last in the group: the preview narrows the editor, and every editor is closed after it.
  await report.check(`${FOLDER}/${XML}: the preview opens on the BioC file, and a click on a mention selects its <annotation> element`, async () => {
    await wb.open(`${FOLDER}/${XML}`, xml);
    const title = lineOf('<text>Aspirin and asthma.</text>');
    await wb.goto(title, lines[title].indexOf('Aspirin') + 1);
    await wb.command('PubTator: Open Preview to the Side');
    try {
      const shown = await wb.previewUntil((p) => p.id === '1' && p.highlights.some((h) => h.text === 'Aspirin'), 'the preview of BioC document 1', 60000);
      const aspirin = shown.highlights.find((h) => h.text === 'Aspirin');
      const element = lineOf('<annotation id="A1">');
      assert.equal(aspirin.line, element, `the mention's line is its <annotation> element's: ${JSON.stringify(aspirin)}`);
      await wb.goto(0, 0);
      await wb.clickInPreview('.seg', 'Aspirin');
      await wb.until(async () => ((await wb.cursor()).line === element ? true : null), `the cursor on line ${element}`);
      return `${shown.highlights.length} highlights; "Aspirin" -> line ${element + 1}`;
    } finally {
      await wb.command('View: Close All Editors');
    }
  });
}
