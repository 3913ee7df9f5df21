// The corpus schema as a user meets it: a pubtator.schema.json above a file makes its checks exact
// (an undeclared entity type is an error naming the schema), saving a changed schema re-checks the
// file, VS Code validates the schema file itself against the JSON Schema the extension contributes,
// and "PubTator: Create Schema from This File" writes a file's conventions beside it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const FOLDER = 'schema-corpus';
const FILE = 'schema-corpus.pubtator';
const LEARN_FOLDER = 'schema-new';
const LEARN_FILE = 'learn-me.pubtator';

/** @param ctx {{ wb, report, texts, workspace }} */
export async function schemaChecks(ctx) {
  const { wb, report, texts } = ctx;
  const clean = texts['clean.pubtator'];
  const lines = clean.split('\n');
  // One Chemical row of the clean sample retyped `Drug`: declared by no preset.
  const row = lines.findIndex((l) => /^[^\t|]+\t\d+\t\d+\t[^\t]+\tChemical\t/.test(l));
  const drug = [...lines];
  drug[row] = drug[row].replace('\tChemical\t', '\tDrug\t');
  const dir = path.join(ctx.workspace, FOLDER);
  fs.mkdirSync(dir, { recursive: true });
  const schemaPath = path.join(dir, 'pubtator.schema.json');
  fs.writeFileSync(schemaPath, JSON.stringify({ extends: 'pubtator3' }, null, 2));
  fs.writeFileSync(path.join(dir, FILE), drug.join('\n'));
  const mine = async () => wb.problemsOf(FILE);
  const SCHEMA_CODES = new Set(['undeclared-entity-type', 'undeclared-relation-type', 'relation-argument-types', 'id-pattern-mismatch']);

  await report.check(`${FOLDER}/${FILE}: the pubtator.schema.json above it makes an undeclared entity type an error`, async () => {
    await wb.open(`${FOLDER}/${FILE}`, drug.join('\n'));
    // Only the schema's own problems: an earlier check may have left a MeSH index set (unknown-mesh-id warnings).
    const found = await wb.until(async () => {
      const rows = (await mine()).filter((p) => SCHEMA_CODES.has(p.code));
      return rows.length ? rows : null;
    }, 'the schema\'s error in the Problems panel', 30000, 1000);
    assert.deepEqual(found.map((p) => `${p.severity} ${p.code} ${p.line}`), [`error undeclared-entity-type ${row}`], JSON.stringify(found));
    assert.match(found[0].message, /"Drug" is not an entity type of the schema .*pubtator\.schema\.json/);
    return found[0].message;
  });

  await report.check(`${FOLDER}/${FILE}: saving the schema with Drug as an alias of Chemical clears the error`, async () => {
    fs.writeFileSync(schemaPath, JSON.stringify({ extends: 'pubtator3', entityTypes: { Chemical: { aliases: ['Drug'] } } }, null, 2));
    const started = Date.now();
    await wb.until(async () => ((await mine()).some((p) => SCHEMA_CODES.has(p.code)) ? null : true), 'the schema\'s error to go', 30000, 1000);
    return `cleared ${Date.now() - started} ms after the file changed on disk`;
  });

  await report.check(`${FOLDER}/pubtator.schema.json: VS Code validates it against the extension's JSON Schema`, async () => {
    fs.writeFileSync(schemaPath, '{\n  "extends": "pubtator3",\n  "offsetUnit": "bytes"\n}\n');
    await wb.open(`${FOLDER}/pubtator.schema.json`, fs.readFileSync(schemaPath, 'utf8'));
    const rows = await wb.until(async () => {
      const found = await wb.problemsOf('pubtator.schema.json');
      return found.length ? found : null;
    }, 'a problem in pubtator.schema.json', 30000, 1000);
    assert.ok(rows.some((p) => p.line === 2 && /codepoint/.test(p.message)), JSON.stringify(rows));
    fs.writeFileSync(schemaPath, JSON.stringify({ extends: 'pubtator3', entityTypes: { Chemical: { aliases: ['Drug'] } } }, null, 2));
    return rows.map((p) => `${p.source}: ${p.message}`).join('; ');
  });

  await report.check(`${LEARN_FOLDER}/${LEARN_FILE}: "PubTator: Create Schema from This File" writes its conventions beside it and opens them`, async () => {
    const learnDir = path.join(ctx.workspace, LEARN_FOLDER);
    fs.mkdirSync(learnDir, { recursive: true });
    fs.writeFileSync(path.join(learnDir, LEARN_FILE), clean);
    await wb.open(`${LEARN_FOLDER}/${LEARN_FILE}`, clean);
    await wb.until(async () => ((await wb.languageMode()) === 'PubTator' ? true : null), 'language mode PubTator', 20000);
    await wb.sleep(1000);
    await wb.command('PubTator: Create Schema from This File');
    const written = path.join(learnDir, 'pubtator.schema.json');
    const text = await wb.until(async () => (fs.existsSync(written) ? fs.readFileSync(written, 'utf8') : null), 'pubtator.schema.json written', 30000, 500);
    const schema = JSON.parse(text);
    assert.deepEqual(Object.keys(schema.entityTypes).sort(), ['Chemical', 'Disease', 'Gene', 'ProteinMutation', 'Species']);
    assert.equal(schema.entityTypes.Chemical.family, 'chemical');
    await wb.page.locator('.tabs-container .tab', { hasText: 'pubtator.schema.json' }).first().waitFor({ state: 'visible', timeout: 20000 });
    // The schema learned from the file checks it clean.
    await wb.open(`${LEARN_FOLDER}/${LEARN_FILE}`, clean);
    await wb.sleep(2000);
    assert.deepEqual((await wb.problemsOf(LEARN_FILE)).filter((p) => SCHEMA_CODES.has(p.code)), []);
    await wb.closePanel();
    return `${Object.keys(schema.entityTypes).length} entity types, ${Object.keys(schema.relationTypes).length} relation types`;
  });

  // Leave the workspace as the later checks expect it: these copies of the clean sample would be
  // offered by "Compare with…" as files sharing its document ids.
  await wb.command('View: Close All Editors');
  await wb.sleep(500);
  for (const folder of [FOLDER, LEARN_FOLDER]) fs.rmSync(path.join(ctx.workspace, folder), { recursive: true, force: true });
  await wb.sleep(1000);
}
