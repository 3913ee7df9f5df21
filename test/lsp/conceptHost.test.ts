// The server's concept sources without the protocol: settings read for MeSH
// and look-ups, the manifest's declarations, and the host's rules (trust,
// switching indexes, the build command's checks).

import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConceptHost, type Progress } from '../../server/src/lsp/conceptHost';
import { readSettings } from '../../server/src/lsp/settings';
import { configurationContribution } from '../../server/src/lsp/settingsSchema';
import { fixturesDir } from '../support/paths';

const XML_FILES = ['desc2025.xml', 'supp2025.xml'].map((n) => join(fixturesDir, 'concepts', n));
const ASCII_FILES = ['d2025.bin', 'c2025.bin'].map((n) => join(fixturesDir, 'concepts', n));
const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function host(trusted: boolean) {
  const storagePath = mkdtempSync(join(tmpdir(), 'pubtator-host-'));
  dirs.push(storagePath);
  const events = { changed: 0, warnings: [] as string[] };
  const concepts = new ConceptHost({
    storagePath,
    trusted,
    log: { info: () => undefined, error: () => undefined },
    warn: (m) => events.warnings.push(m),
    startProgress: async () => progress,
    onMeshChanged: () => events.changed++,
  });
  return { concepts, events, storagePath };
}

const progress: Progress = { report: () => undefined, done: () => undefined };

describe('MeSH and online settings', () => {
  it('reads pubtator.mesh.files, pubtator.mesh.index and pubtator.online.enabled', () => {
    const s = readSettings({ mesh: { files: [' /a/desc2025.xml ', '', 3, '/a/supp2025.xml'], index: '/a/mesh.idx' }, online: { enabled: true } });
    assert.deepEqual(s.meshFiles, ['/a/desc2025.xml', '/a/supp2025.xml']);
    assert.equal(s.meshIndex, '/a/mesh.idx');
    assert.equal(s.online, true);
  });

  it('leaves them out when absent, empty or odd', () => {
    for (const raw of [{}, { mesh: { files: [], index: '' }, online: { enabled: false } }, { mesh: 'x', online: 'yes' }, { mesh: { files: 'a.xml' }, online: { enabled: 'true' } }]) {
      const s = readSettings(raw);
      for (const key of ['meshFiles', 'meshIndex', 'online']) assert.equal(key in s, false, `${key} of ${JSON.stringify(raw)}`);
    }
  });

  it('declares them for the user only (machine scope), off and empty by default', () => {
    const props = configurationContribution().properties as Record<string, { default: unknown; scope: string; type: string }>;
    assert.deepEqual(props['pubtator.mesh.files'].default, []);
    assert.equal(props['pubtator.mesh.files'].type, 'array');
    assert.equal(props['pubtator.mesh.index'].default, '');
    assert.equal(props['pubtator.online.enabled'].default, false);
    for (const key of ['pubtator.mesh.files', 'pubtator.mesh.index', 'pubtator.online.enabled']) assert.equal(props[key].scope, 'machine', key);
  });
});

describe('ConceptHost', () => {
  it('offers no online names unless trusted and turned on', async () => {
    const untrusted = host(false);
    assert.equal(untrusted.concepts.sources(readSettings({ online: { enabled: true } })).online, undefined);
    const trusted = host(true);
    assert.equal(trusted.concepts.sources(readSettings({})).online, undefined);
    assert.ok(trusted.concepts.sources(readSettings({ online: { enabled: true } })).online);
    untrusted.concepts.setTrusted(true);
    assert.ok(untrusted.concepts.sources(readSettings({ online: { enabled: true } })).online);
    await untrusted.concepts.dispose();
    await trusted.concepts.dispose();
  });

  it('refuses to download in an untrusted workspace, and refuses an empty file list', async () => {
    const { concepts } = host(false);
    const download = await concepts.build({ download: true }, progress, new AbortController().signal);
    assert.deepEqual(download, { ok: false, message: 'Downloading from NLM needs a trusted workspace. Trust the workspace, or pick MeSH files you downloaded.' });
    const none = await concepts.build({ files: [] }, progress, new AbortController().signal);
    assert.equal(none.ok, false);
    await concepts.dispose();
  });

  it('a cancelled build says so and leaves no index', async () => {
    const { concepts, storagePath } = host(true);
    const abort = new AbortController();
    abort.abort();
    const outcome = await concepts.build({ files: XML_FILES }, progress, abort.signal);
    assert.deepEqual(outcome, { ok: false, cancelled: true, message: 'Cancelled.' });
    assert.equal(concepts.sources(readSettings({})).mesh, undefined);
    await concepts.dispose();
    rmSync(storagePath, { recursive: true, force: true });
  });

  it('keeps the index the command built until the settings change, then follows them', async () => {
    const { concepts, events } = host(true);
    const none = readSettings({});
    assert.equal(concepts.sources(none).mesh, undefined);
    const outcome = await concepts.build({ files: ASCII_FILES }, progress, new AbortController().signal);
    assert.ok(outcome.ok);
    const built = concepts.sources(none).mesh;
    assert.equal(built?.path, outcome.indexPath, 'still in use with unchanged settings');
    assert.ok(events.changed > 0);
    // The client stores the files: the same index stays open.
    assert.equal(concepts.sources(readSettings({ mesh: { files: outcome.files } })).mesh, built);
    // Settings naming nothing drop it.
    assert.equal(concepts.sources(none).mesh, undefined);
    assert.throws(() => built!.has('D007649'), /closed/);
    await concepts.dispose();
  });

  it('warns once about files that cannot be read, and about an explicit index that is not one', async () => {
    const { concepts, events } = host(true);
    const missing = readSettings({ mesh: { files: ['/nowhere/desc2025.xml'] } });
    concepts.sources(missing);
    concepts.sources(missing);
    assert.equal(events.warnings.length, 1);
    assert.match(events.warnings[0], /pubtator\.mesh\.files cannot be read: \/nowhere\/desc2025\.xml: cannot be read \(ENOENT\)/);
    concepts.sources(readSettings({ mesh: { index: XML_FILES[0] } }));
    assert.equal(events.warnings.length, 2);
    assert.match(events.warnings[1], /pubtator\.mesh\.index cannot be used: .*desc2025\.xml is not a PubTator MeSH index/);
    await concepts.dispose();
  });
});
