#!/usr/bin/env node
// End to end in a real VS Code (1.139.1, from code-server 4.139.1), headless and offline:
//   1. setup.sh installs VS Code, Node 24, Chromium and playwright-core into a cache folder
//      outside the repository (once per machine; later runs skip what is there),
//   2. `npm run package` builds the .vsix, which is installed into a fresh profile,
//   3. code-server serves a folder of samples on 127.0.0.1 and headless Chromium opens it,
//   4. checks.mjs acts as a user and checks what the user sees,
// once in each extension host (hosts.mjs): the Node host runs the extension's `main`, the
// web-worker host its `browser` entry (as vscode.dev does); each check's name says which.
// Then webStartup.mjs times the worker server's start on a 1 MB file in Chromium.
// The last line printed is `N passed, N failed`. Exit 0 when nothing failed, 1 when a check
// failed, 2 when VS Code could not be installed or started here.
//
//   node test/e2e-web/run.mjs [--screenshots] [--vsix FILE] [--no-setup] [--out DIR] [--host node|web]
//     --screenshots  also write the README's pictures to docs/images/ and the walkthrough's to
//                    media/walkthrough/ (npm run screenshots)
//     --vsix FILE    test this .vsix instead of running `npm run package`
//     --no-setup     do not run setup.sh (the cache must be complete)
//     --out DIR      screenshots of every step and the logs, per host (default out/e2e-web)
//     --host ID      run the checks in that host only
// Environment: PUBTATOR_E2E_CACHE (cache folder), E2E_EDIT_LIMIT_MS (default 1000: how soon a
// problem must appear or go after an edit), E2E_TIMEOUT_MS (per UI wait, default 20000).
// E2E_ONLY=group,group (checks.mjs names the groups: reading, defects, preview, compare, ...) runs
// the clean file's checks and those groups only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverCapabilities } from './lib/capabilities.mjs';
import { log, Report } from './lib/report.mjs';
import { defaultCacheDir, freshProfile, installedTools, installVsix, keepLogs, launchChromium, startCodeServer } from './lib/vscode.mjs';
import { Workbench } from './lib/workbench.mjs';
import { CLEAN, runChecks } from './checks.mjs';
import { writeScope } from './workspace.mjs';
import { hostReport, hostsFor } from './hosts.mjs';
import { webStartup } from './webStartup.mjs';
import { MESH_FILE, MESH_TEXT, putIndexInWorkspace } from './meshIndex.mjs';
import { EDIT_FILE, EDIT_TEXT } from './editingFeatures.mjs';
import { Shooter } from './lib/screenshots.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const OUT = path.resolve(repoRoot, option('--out') ?? 'out/e2e-web');
const CACHE = defaultCacheDir();
const report = new Report();

/** Ends the run when VS Code cannot be had: a clear message, one failed check, exit 2. */
function cannotRun(what, message) {
  report.fail(what, message);
  process.stdout.write(`\ne2e-web: cannot run VS Code on this machine: ${message}\n`);
  report.summary();
  process.exit(2);
}

function setUp() {
  if (args.includes('--no-setup')) return;
  const r = spawnSync('bash', [path.join(here, 'setup.sh')], { stdio: 'inherit', env: { ...process.env, PUBTATOR_E2E_CACHE: CACHE } });
  if (r.status !== 0) cannotRun('install VS Code 1.139.1 (code-server 4.139.1)', `test/e2e-web/setup.sh exited with ${r.status ?? r.signal} (its message is above; logs in ${CACHE}/logs)`);
}

function packageVsix() {
  const given = option('--vsix');
  if (given) return path.resolve(given);
  const vsix = path.join(OUT, 'pubtator-vscode.vsix');
  fs.mkdirSync(OUT, { recursive: true });
  const r = spawnSync('npm', ['run', 'package', '--', '--out', vsix], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(vsix)) {
    report.fail('npm run package builds the .vsix', `npm run package exited with ${r.status ?? r.signal}`);
    report.summary();
    process.exit(1);
  }
  return vsix;
}

/** The samples folder: the defective samples of expected.json and one clean file. */
function writeWorkspace(dir) {
  const fixtures = path.join(repoRoot, 'test/fixtures/lsp');
  const expected = JSON.parse(fs.readFileSync(path.join(fixtures, 'expected.json'), 'utf8')).samples;
  const texts = {};
  for (const name of Object.keys(expected)) texts[name] = fs.readFileSync(path.join(fixtures, name), 'utf8');
  texts[CLEAN] = fs.readFileSync(path.join(repoRoot, 'samples/ketamine.pubtator'), 'utf8');
  texts[MESH_FILE] = MESH_TEXT;
  texts[EDIT_FILE] = EDIT_TEXT;
  for (const [name, text] of Object.entries(texts)) fs.writeFileSync(path.join(dir, name), text);
  // The checks see the files they open; workspace.mjs turns the workspace scope on for its own.
  writeScope(dir, 'openFiles');
  return { expected, texts };
}

let server, browser, profile;
async function stopAll(logsOut = OUT) {
  try { await browser?.close(); } catch { /* already closed */ }
  try { await server?.stop(); } catch { /* already stopped */ }
  if (profile) keepLogs(profile, logsOut);
  profile = undefined;
  browser = undefined;
  server = undefined;
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, async () => { await stopAll(); process.exit(130); });

await report.time('setup (install or find VS Code)', async () => setUp());
let tools;
try {
  tools = installedTools(CACHE);
} catch (e) {
  cannotRun('find the installed VS Code', e.message);
}
log(`VS Code ${tools.versions.vscode} (code-server ${tools.versions.codeServer}), Node ${tools.versions.node}, ${tools.versions.chromium}, playwright-core ${tools.versions.playwright}`);

const vsix = await report.time('npm run package', async () => packageVsix());
const capabilities = await serverCapabilities(path.join(repoRoot, 'dist/server/server.js'));
log(`server capabilities: ${Object.keys(capabilities).join(', ')}`);

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}@${manifest.version}`;
const screenshots = args.includes('--screenshots');
const shooters = [];

/**
 * One host's run: a fresh profile with the host's settings, the .vsix installed, code-server
 * and Chromium started, every check (its name says the host), everything stopped. The README's
 * pictures come from the Node host's run.
 */
async function runHost(host) {
  const hostOut = path.join(OUT, host.id);
  fs.rmSync(hostOut, { recursive: true, force: true });
  const shooter = new Shooter({ shotsDir: path.join(hostOut, 'shots'), imagesDir: screenshots && host.id === 'node' ? path.join(repoRoot, 'docs/images') : null });
  shooters.push([host, shooter]);
  const hostReport_ = hostReport(report, host);
  profile = freshProfile(host.settings);
  const { expected, texts } = writeWorkspace(profile.workspace);
  const indexPath = putIndexInWorkspace(repoRoot, profile.workspace);
  try {
    await hostReport_.check(`the .vsix installs into a fresh profile as ${extensionId}`, async () => {
      const listed = await report.time(`install the .vsix (${host.label})`, async () => installVsix(tools, profile, vsix));
      if (!listed.some((l) => l.toLowerCase() === extensionId.toLowerCase())) throw new Error(`--list-extensions shows ${JSON.stringify(listed)}`);
    });
    try {
      server = await report.time(`start code-server (${host.label})`, () => startCodeServer(tools, profile, profile.workspace));
      browser = await launchChromium(tools);
    } catch (e) {
      await stopAll(hostOut);
      cannotRun('start VS Code', e.message);
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
    const wb = new Workbench(page, { timeoutMs: Number(process.env.E2E_TIMEOUT_MS || 20000) });
    shooter.attach(wb);
    report.onFailure = (name) => shooter.failure(name);
    await report.time(`load the workbench (${host.label})`, () => wb.load(`${server.url}?folder=${encodeURIComponent(profile.workspace)}`));
    await report.time(`checks (${host.label})`, () => runChecks({
      wb, report: hostReport_, host, expected, texts, capabilities, indexPath, workspace: profile.workspace,
      machineSettings: path.join(profile.userData, 'Machine/settings.json'),
      // Step shots in both hosts; the README's pictures from the Node host only.
      shoot: (name, kind) => shooter.shoot(name, host.id === 'node' ? kind : null),
      editLimitMs: Number(process.env.E2E_EDIT_LIMIT_MS || 1000),
      // The walkthrough's pictures, like the README's, from the Node host only.
      repoRoot, screenshots: screenshots && host.id === 'node',
    }));
    // The other half of the proof (the first is the server's hello line): which host's log shows the activation.
    const inNodeHost = host.id === 'node';
    await hostReport_.check(`the Node extension host's log ${inNodeHost ? 'shows' : 'does not show'} the extension activating`, async () => {
      const activated = nodeHostActivations(profile.userData, manifest);
      if (inNodeHost) assert.ok(activated.length > 0, 'no activation in the remote (Node) extension host log');
      else assert.deepEqual(activated, [], 'the extension was activated in the Node extension host');
      return activated[0] ?? 'no activation there: it ran in the web worker extension host';
    });
  } catch (e) {
    hostReport_.fail('the run', String(e?.stack ?? e));
  } finally {
    await stopAll(hostOut);
  }
}

/** Lines of the Node (remote) extension host's logs that show the extension activating. */
function nodeHostActivations(userData, pkg) {
  const id = `${pkg.publisher}.${pkg.name}`.toLowerCase();
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/exthost/i.test(entry.name) && entry.name.endsWith('.log')) {
        for (const line of fs.readFileSync(file, 'utf8').split('\n')) if (line.toLowerCase().includes(id) && /activat/i.test(line)) found.push(line.trim());
      }
    }
  };
  walk(path.join(userData, 'logs'));
  return found;
}

const hosts = hostsFor(manifest).filter((h) => !option('--host') || option('--host') === h.id);
for (const host of hosts) await runHost(host);

// The worker server on its own, in Chromium: start-up to the first diagnostics of a 1 MB file.
try {
  browser = await launchChromium(tools);
  await webStartup({ browser, report, serverJs: path.join(repoRoot, 'dist/web/server.js'), clean: fs.readFileSync(path.join(repoRoot, 'samples/ketamine.pubtator'), 'utf8') });
} catch (e) {
  report.fail('[Chromium web worker] start-up on a 1 MB file', String(e?.stack ?? e));
} finally {
  try { await browser?.close(); } catch { /* already closed */ }
  browser = undefined;
}
if (screenshots) {
  const node = shooters.find(([h]) => h.id === 'node')?.[1];
  for (const kind of node?.missingImages() ?? []) report.fail(`screenshot docs/images/${kind}.png`, 'not taken (see the messages above)');
}
const written = shooters.flatMap(([, s]) => s.written);
log(`screenshots and logs of each host in ${path.relative(repoRoot, OUT)}/{${hosts.map((h) => h.id).join(',')}}/{shots,logs}/${written.length ? `; README images: ${written.join(', ')}` : ''}`);
report.summary();
process.exit(report.failed ? 1 : 0);
