// The whole workspace in the Problems panel (pubtator.diagnostics.scope):
// three files in a folder of the workspace, one with a defect that is never
// opened; with the workspace scope its problem is listed all the same, and
// fixing the file on disk (as another program would) clears it. The rest of
// the suite runs with the openFiles scope (run.mjs writes it into the
// workspace settings), so that its checks see only the files they open.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const FOLDER = 'corpus';
const DEFECTIVE = 'never-opened.pubtator';
const HEAD = ['31000001|t|Naloxone reverses clonidine', '31000001|a|Naloxone was given.'];
const GOOD_ROW = '31000001\t0\t8\tNaloxone\tChemical\t-';
// Offsets 1-9 cover "aloxone " where the row says "Naloxone": one text-mismatch at line 3. No concept id
// (-): the suite loads a small MeSH index, which knows few ids.
const BAD_ROW = '31000001\t1\t9\tNaloxone\tChemical\t-';

function doc(id, row) {
  return [...HEAD, row].join('\n').split('31000001').join(id) + '\n';
}

/** Writes the workspace settings file; VS Code reloads settings when it changes on disk. */
export function writeScope(workspaceDir, scope) {
  const dir = path.join(workspaceDir, '.vscode');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ 'pubtator.diagnostics.scope': scope }, null, 2) + '\n');
}

/** @param ctx {{ wb, report, host: { id: string }, workspace: string, shoot(name, kind) }} */
export async function workspaceChecks({ wb, report, host, workspace: workspaceDir, shoot }) {
  const names = [`workspace scope: ${FOLDER}/${DEFECTIVE}, never opened, has its problem in the Problems panel`, `workspace scope: fixing ${DEFECTIVE} on disk clears its problem`];
  if (host?.id === 'web') {
    // The web worker server has no disk to list and read a folder's files from.
    for (const name of names) report.skip(name, 'the web worker host has no disk: there the workspace scope is not available and only open files are checked (the server says so)');
    return;
  }
  const folder = path.join(workspaceDir, FOLDER);
  fs.mkdirSync(folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'first.pubtator'), doc('31000002', GOOD_ROW));
  fs.writeFileSync(path.join(folder, 'second_PubTator.txt'), doc('31000003', GOOD_ROW));
  fs.writeFileSync(path.join(folder, DEFECTIVE), doc('31000001', BAD_ROW));
  // Filtered to the file: the panel draws only the rows that fit, and the files other checks left
  // open may fill it.
  const listed = async () => wb.problemsOf(DEFECTIVE);

  await report.check(names[0], async () => {
    writeScope(workspaceDir, 'workspace');
    const problems = await wb.until(async () => {
      const found = await listed();
      return found.length ? found : null;
    }, `a problem of ${DEFECTIVE} in the Problems panel`, 60000, 1000);
    assert.deepEqual(problems.map((p) => `${p.severity} ${p.code} ${p.line}:${p.character}`), ['error text-mismatch 2:9']);
    assert.match(problems[0].message, /cover "aloxone " but the row says "Naloxone"/);
    assert.deepEqual(await wb.problemsOf('first.pubtator'), [], 'a clean file of the folder lists nothing');
    assert.deepEqual(await wb.problemsOf('second_PubTator.txt'), []);
    const tabs = await wb.page.locator('.tabs-container .tab', { hasText: DEFECTIVE }).count();
    assert.equal(tabs, 0, 'the file was never opened');
    return problems[0].message;
  });
  await shoot('workspace-problems', null);

  await report.check(names[1], async () => {
    const t = Date.now();
    fs.writeFileSync(path.join(folder, DEFECTIVE), doc('31000001', GOOD_ROW));
    await wb.until(async () => (await listed()).length === 0, `the problem of ${DEFECTIVE} to go`, 30000, 500);
    return `gone ${Date.now() - t} ms after the file was written`;
  });
  await wb.closePanel();
  writeScope(workspaceDir, 'openFiles');
  fs.rmSync(folder, { recursive: true, force: true });
}
