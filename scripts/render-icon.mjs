#!/usr/bin/env node
// Renders media/icon.svg (the source, kept in the repository) to media/icon.png (the 128×128
// icon the Marketplace, Open VSX and the Extensions view show), with Debian's Chromium driven by
// playwright-core. Both come from the e2e set-up (test/e2e-web/setup.sh installs playwright-core
// into ~/.cache/pubtator-vscode-e2e), so nothing is downloaded here. Run it after editing the SVG:
//   node scripts/render-icon.mjs
// Environment: PUBTATOR_E2E_CACHE (where playwright-core is), CHROMIUM_PATH (default /usr/bin/chromium).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 128;
const svg = fs.readFileSync(path.join(root, 'media/icon.svg'), 'utf8');
const out = path.join(root, 'media/icon.png');

const cache = process.env.PUBTATOR_E2E_CACHE
  || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'pubtator-vscode-e2e');
let playwright;
try {
  playwright = createRequire(path.join(cache, 'package.json'))('playwright-core');
} catch {
  console.error(`playwright-core not found in ${cache}: run test/e2e-web/setup.sh first (or set PUBTATOR_E2E_CACHE).`);
  process.exit(2);
}

const browser = await playwright.chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: SIZE, height: SIZE }, deviceScaleFactor: 1 });
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
  const box = await page.locator('svg').boundingBox();
  if (!box || box.width !== SIZE || box.height !== SIZE) throw new Error(`the SVG is drawn ${box?.width}×${box?.height}, not ${SIZE}×${SIZE}`);
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
} finally {
  await browser.close();
}
const png = fs.readFileSync(out);
console.log(`${path.relative(root, out)}: ${png.readUInt32BE(16)}×${png.readUInt32BE(20)} PNG, ${png.length} bytes`);
