// `pubtator.mesh.index` naming an index file: in the Node host the server
// opens it from disk; in the web worker host the client reads it through
// vscode.workspace.fs (the server has no disk) and hands it over. Either way,
// once the setting is written the open file is checked against MeSH again and
// the hover shows MeSH's name; removed, the warning goes (later checks and the
// README's pictures see no index). The index is built from the test fixtures with
// the command-line checker. The setting is machine-scoped, and in a window on
// a remote (code-server's is one) VS Code reads those from the remote's
// settings, so it is written to the profile's Machine/settings.json, as a
// user editing "Remote" settings does.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const MESH_FILE = 'mesh.pubtator';
/** Where the index lies in the workspace, relative to its folder. */
export const INDEX_IN_WORKSPACE = 'mesh/mesh2025.idx';
/** D007649 is in the fixture index; D999999 is not, so it becomes an unknown-mesh-id warning. */
export const MESH_TEXT = ['1|t|Ketamine for pain', '1|a|', '1\t0\t8\tKetamine\tChemical\tMESH:D007649', '1\t13\t17\tpain\tDisease\tMESH:D999999', ''].join('\n');

/** Builds an index of the MeSH fixtures with dist/server/cli.js into the workspace; returns its path. */
export function putIndexInWorkspace(repoRoot, workspace) {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'pubtator-e2e-mesh-'));
  try {
    const fixtures = ['desc2025.xml', 'supp2025.xml'].map((n) => path.join(repoRoot, 'test/fixtures/concepts', n));
    const r = spawnSync(process.execPath, [path.join(repoRoot, 'dist/server/cli.js'), 'check', ...fixtures.flatMap((f) => ['--mesh', f]), path.join(repoRoot, 'samples/ketamine.pubtator')],
      { env: { ...process.env, XDG_CACHE_HOME: cache }, encoding: 'utf8' });
    const built = fs.readdirSync(path.join(cache, 'pubtator')).find((n) => n.endsWith('.idx'));
    if (!built) throw new Error(`the checker built no index: ${r.stderr}`);
    const target = path.join(workspace, INDEX_IN_WORKSPACE);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(path.join(cache, 'pubtator', built), target);
    return target;
  } finally {
    fs.rmSync(cache, { recursive: true, force: true });
  }
}

/** The unknown-mesh-id problems of MESH_FILE, with the Problems panel filtered to that file (other files' rows come first). */
async function unknownMeshIds(wb) {
  await wb.problems();
  const filter = wb.page.getByPlaceholder(/^Filter \(e\.g\./).first();
  await filter.fill(`**/${MESH_FILE}`);
  await wb.sleep(500);
  try {
    return ((await wb.problems())[MESH_FILE] ?? []).filter((p) => p.code === 'unknown-mesh-id');
  } finally {
    await filter.fill('');
    await wb.closePanel();
  }
}

/** @param ctx {{ wb, report, host, texts, machineSettings: string, indexPath: string }} */
export async function meshIndexSetting(ctx) {
  const { wb, report, host, texts, machineSettings, indexPath } = ctx;
  // The web extension resolves a path relative to the workspace folder; the Node server takes a path on its disk.
  const value = host.id === 'web' ? INDEX_IN_WORKSPACE : indexPath;
  await report.check(`pubtator.mesh.index = ${JSON.stringify(value)}: the open file is checked against MeSH and the hover shows MeSH's name; removing it clears the warning`, async () => {
    await wb.open(MESH_FILE, texts[MESH_FILE]);
    await wb.until(async () => (await wb.languageMode()) === 'PubTator', 'language mode PubTator');
    await wb.sleep(1000);
    assert.deepEqual(await unknownMeshIds(wb), [], 'no unknown-mesh-id before an index is named');
    const summary = await wb.problemsSummary();
    const settings = fs.existsSync(machineSettings) ? JSON.parse(fs.readFileSync(machineSettings, 'utf8')) : {};
    fs.mkdirSync(path.dirname(machineSettings), { recursive: true });
    fs.writeFileSync(machineSettings, JSON.stringify({ ...settings, 'pubtator.mesh.index': value }, null, 2));
    // The status bar counts one more warning once the server has the index.
    await wb.until(async () => (await wb.problemsSummary()) !== summary, 'the problems to change once the index is named', 30000, 300);
    const unknown = await unknownMeshIds(wb);
    assert.deepEqual(unknown.map((p) => [p.line, p.severity]), [[3, 'warning']], JSON.stringify(unknown));
    const line = texts[MESH_FILE].split('\n')[2];
    const shown = await wb.hover(2, line.indexOf('MESH:D007649') + 5);
    await wb.hideHover();
    assert.ok(/MeSH 2025/.test(shown.text) && shown.text.includes('Ketamine'), `hover: ${shown.text}`);
    // The setting removed again: the warning goes, and the checks and pictures after this one see no MeSH index.
    fs.writeFileSync(machineSettings, JSON.stringify(settings, null, 2));
    await wb.until(async () => (await unknownMeshIds(wb)).length === 0, 'the unknown-mesh-id warning to go once no index is named', 30000, 300);
    return `${unknown[0].message}; hover: ${shown.text.split('\n').filter(Boolean).slice(0, 2).join(' / ')}; cleared once the setting is removed`;
  });
}
