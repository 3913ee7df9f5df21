#!/usr/bin/env node
// End to end in a real VS Code (1.139.1, from code-server 4.139.1), headless and offline:
//   1. setup.sh installs VS Code, Node 24, Chromium and playwright-core into a cache folder
//      outside the repository (once per machine; later runs skip what is there),
//   2. `npm run package` builds the .vsix, which is installed into a fresh profile,
//   3. code-server serves a folder of samples on 127.0.0.1 and headless Chromium opens it,
//   4. checks.mjs acts as a user and checks what the user sees.
// The last line printed is `N passed, N failed`. Exit 0 when nothing failed, 1 when a check
// failed, 2 when VS Code could not be installed or started here.
//
//   node test/e2e-web/run.mjs [--screenshots] [--vsix FILE] [--no-setup] [--out DIR]
//     --screenshots  also write the README's pictures to docs/images/ (npm run screenshots)
//     --vsix FILE    test this .vsix instead of running `npm run package`
//     --no-setup     do not run setup.sh (the cache must be complete)
//     --out DIR      screenshots of every step and the logs (default out/e2e-web)
// Environment: PUBTATOR_E2E_CACHE (cache folder), E2E_EDIT_LIMIT_MS (default 1000: how soon a
// problem must appear or go after an edit), E2E_TIMEOUT_MS (per UI wait, default 20000).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serverCapabilities } from './lib/capabilities.mjs';
import { log, Report } from './lib/report.mjs';
import { defaultCacheDir, freshProfile, installedTools, installVsix, keepLogs, launchChromium, startCodeServer } from './lib/vscode.mjs';
import { Workbench } from './lib/workbench.mjs';
import { CLEAN, runChecks } from './checks.mjs';
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
  for (const [name, text] of Object.entries(texts)) fs.writeFileSync(path.join(dir, name), text);
  return { expected, texts };
}

let server, browser, profile;
async function stopAll() {
  try { await browser?.close(); } catch { /* already closed */ }
  try { await server?.stop(); } catch { /* already stopped */ }
  if (profile) keepLogs(profile, OUT);
  profile = undefined;
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

fs.rmSync(path.join(OUT, 'shots'), { recursive: true, force: true });
const shooter = new Shooter({ shotsDir: path.join(OUT, 'shots'), imagesDir: args.includes('--screenshots') ? path.join(repoRoot, 'docs/images') : null });
profile = freshProfile();
const { expected, texts } = writeWorkspace(profile.workspace);
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const extensionId = `${manifest.publisher}.${manifest.name}@${manifest.version}`;

try {
  await report.check(`the .vsix installs into a fresh profile as ${extensionId}`, async () => {
    const listed = await report.time('install the .vsix', async () => installVsix(tools, profile, vsix));
    if (!listed.some((l) => l.toLowerCase() === extensionId.toLowerCase())) throw new Error(`--list-extensions shows ${JSON.stringify(listed)}`);
  });
  try {
    server = await report.time('start code-server', () => startCodeServer(tools, profile, profile.workspace));
    browser = await launchChromium(tools);
  } catch (e) {
    await stopAll();
    cannotRun('start VS Code', e.message);
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } });
  const wb = new Workbench(page, { timeoutMs: Number(process.env.E2E_TIMEOUT_MS || 20000) });
  shooter.attach(wb);
  report.onFailure = (name) => shooter.failure(name);
  await report.time('load the workbench', () => wb.load(`${server.url}?folder=${encodeURIComponent(profile.workspace)}`));
  await report.time('checks', () => runChecks({
    wb, report, expected, texts, capabilities,
    shoot: (name, kind) => shooter.shoot(name, kind),
    editLimitMs: Number(process.env.E2E_EDIT_LIMIT_MS || 1000),
    repoRoot, screenshots: args.includes('--screenshots'),
  }));
  if (args.includes('--screenshots')) {
    for (const kind of shooter.missingImages()) report.fail(`screenshot docs/images/${kind}.png`, 'not taken (see the messages above)');
  }
} catch (e) {
  report.fail('the run', String(e?.stack ?? e));
} finally {
  await stopAll();
}
log(`screenshots in ${path.relative(repoRoot, path.join(OUT, 'shots'))}/, logs in ${path.relative(repoRoot, path.join(OUT, 'logs'))}/${shooter.written.length ? `; README images: ${shooter.written.join(', ')}` : ''}`);
report.summary();
process.exit(report.failed ? 1 : 0);
