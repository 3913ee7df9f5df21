// The installed VS Code (code-server) and Chromium: find them in the cache folder that setup.sh
// filled, make a fresh profile, install the .vsix into it, start code-server on 127.0.0.1 in a
// process group of its own, launch headless Chromium, and stop everything.
// Adapted from ../shared/vscode-harness/lib.mjs and drive.mjs.
import { createRequire } from 'node:module';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export function defaultCacheDir() {
  return process.env.PUBTATOR_E2E_CACHE
    || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'pubtator-vscode-e2e');
}

/** Paths and versions of what setup.sh installed; throws naming what is missing. */
export function installedTools(cacheDir) {
  const tools = {
    cache: cacheDir,
    node: path.join(cacheDir, 'node24/node_modules/node/bin/node'),
    codeServer: path.join(cacheDir, 'node_modules/code-server/out/node/entry.js'),
    chromium: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  };
  for (const [what, file] of [['Node 24', tools.node], ['code-server', tools.codeServer], ['Chromium', tools.chromium]]) {
    if (!fs.existsSync(file)) throw new Error(`${what} not found at ${file}; run test/e2e-web/setup.sh`);
  }
  const require = createRequire(path.join(cacheDir, 'package.json'));
  tools.playwright = require('playwright-core');
  const version = (pkg) => JSON.parse(fs.readFileSync(path.join(cacheDir, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  tools.versions = {
    codeServer: version('code-server'),
    vscode: version('code-server/lib/vscode'),
    node: spawnSync(tools.node, ['-v'], { encoding: 'utf8' }).stdout.trim(),
    playwright: version('playwright-core'),
    chromium: spawnSync(tools.chromium, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).stdout.trim(),
  };
  return tools;
}

/** User settings of the fresh profile: a plain workbench, no trust prompt, no network look-ups. */
export const SETTINGS = {
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'workbench.colorTheme': 'Dark 2026',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'editor.hover.delay': 150,
  'editor.minimap.enabled': false,
  'editor.fontSize': 14,
  'window.restoreWindows': 'none',
};

const IN_PREVIEW = "activeWebviewPanelId == 'pubtator.preview' && !inputFocus && !focusedView";
/**
 * The user's own keybindings (User/keybindings.json, read when VS Code starts), as a user changes
 * them in Keyboard Shortcuts: the preview's "Show the Keys" moved from ? to H, and ? given to "Go to
 * the Next Mention" (annotate.mjs checks that both act).
 */
export const KEYBINDINGS = [
  { key: 'shift+/', command: '-pubtator.preview.showKeys' },
  { key: 'h', command: 'pubtator.preview.showKeys', when: IN_PREVIEW },
  { key: 'shift+/', command: 'pubtator.preview.nextMention', when: IN_PREVIEW },
];

/** A new temp folder holding user data, extensions and a workspace; `settings` go over SETTINGS. */
export function freshProfile(settings = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pubtator-e2e-web-'));
  const profile = {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    workspace: path.join(root, 'samples'),
  };
  for (const dir of [path.join(profile.userData, 'User'), profile.extensions, profile.workspace]) fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(profile.userData, 'User/settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2));
  fs.writeFileSync(path.join(profile.userData, 'User/keybindings.json'), JSON.stringify(KEYBINDINGS, null, 2));
  profile.args = ['--config', path.join(root, 'config.yaml'), '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions];
  return profile;
}

function env(tools) {
  return { ...process.env, PATH: `${path.dirname(tools.node)}:${process.env.PATH}` };
}

/** `code-server --install-extension FILE.vsix` into the profile; returns the listed `id@version`s. */
export function installVsix(tools, profile, vsix) {
  const run = (...args) => spawnSync(tools.node, [tools.codeServer, ...profile.args, ...args], { env: env(tools), encoding: 'utf8', timeout: 120000 });
  const install = run('--install-extension', vsix);
  if (install.status !== 0) throw new Error(`--install-extension ${vsix} exited ${install.status}: ${(install.stdout + install.stderr).trim().slice(-800)}`);
  return run('--list-extensions', '--show-versions').stdout.trim().split('\n').filter((l) => l && !l.startsWith('['));
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server (the VS Code server and web workbench) on 127.0.0.1 serving `folder`.
 * It and everything it spawns (extension host, language server) share one process group, so
 * stop() ends them all.
 */
export async function startCodeServer(tools, profile, folder, timeoutMs = 90000) {
  const port = await freePort();
  const logFile = path.join(profile.root, 'code-server.log');
  const fd = fs.openSync(logFile, 'w');
  const child = spawn(tools.node, [tools.codeServer, ...profile.args,
    '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened', folder],
  { env: env(tools), stdio: ['ignore', fd, fd], detached: true });
  const server = {
    url: `http://127.0.0.1:${port}/`,
    logFile,
    async stop() {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { return; }
      for (let i = 0; i < 50; i++) {
        try { process.kill(-child.pid, 0); } catch { return; }
        await new Promise((r) => setTimeout(r, 100));
      }
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    },
  };
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}; see ${logFile}`);
    try {
      if ((await globalThis.fetch(`${server.url}healthz`)).ok) return server;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 200));
  }
  await server.stop();
  throw new Error(`code-server not healthy after ${timeoutMs} ms; see ${logFile}`);
}

export function launchChromium(tools) {
  return tools.playwright.chromium.launch({
    executablePath: tools.chromium,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/** Copies code-server's and VS Code's logs into outDir/logs, then deletes the profile. */
export function keepLogs(profile, outDir) {
  try {
    const dst = path.join(outDir, 'logs');
    fs.rmSync(dst, { recursive: true, force: true });
    fs.mkdirSync(dst, { recursive: true });
    const log = path.join(profile.root, 'code-server.log');
    if (fs.existsSync(log)) fs.copyFileSync(log, path.join(dst, 'code-server.log'));
    const logs = path.join(profile.userData, 'logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(dst, 'vscode'), { recursive: true });
  } catch { /* logs are a convenience */ }
  fs.rmSync(profile.root, { recursive: true, force: true });
}
