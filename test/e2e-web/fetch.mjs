// "PubTator: Fetch Documents…" as a user runs it: the Command Palette, PMIDs
// typed into the input box, the documents opened as a new PubTator file, and
// a warning naming the id PubTator3 did not return. PubTator3 is a stand-in
// on 127.0.0.1 (pubtator.fetch.apiUrl), never the real service. Fetched again,
// the same PMIDs come from the server's fetch cache without a request.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createServer } from 'node:http';

const doc = (id) => `${id}|t|Title of ${id}\n${id}|a|Abstract of ${id}.\n${id}\t0\t5\tTitle\tGene\t7157\n`;

/** @param ctx {{ wb, report, machineSettings: string }} */
export async function fetchChecks(ctx) {
  const { wb, report, machineSettings } = ctx;
  const asked = [];
  const server = createServer((req, res) => {
    asked.push(req.url);
    const ids = new URL(req.url ?? '/', 'http://x').searchParams.get('pmids')?.split(',') ?? [];
    // The web host's server runs in a browser worker: it needs CORS.
    res.writeHead(200, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' });
    res.end(ids.filter((id) => id !== '999').map(doc).join('\n'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiUrl = `http://127.0.0.1:${server.address().port}/api`;
  const settings = fs.existsSync(machineSettings) ? JSON.parse(fs.readFileSync(machineSettings, 'utf8')) : {};
  try {
    await report.check('PubTator: Fetch Documents… opens the fetched PMIDs as a new PubTator file and names the one not returned', async () => {
      fs.mkdirSync(path.dirname(machineSettings), { recursive: true });
      fs.writeFileSync(machineSettings, JSON.stringify({ ...settings, 'pubtator.online.enabled': true, 'pubtator.fetch.apiUrl': apiUrl }, null, 2));
      await wb.sleep(1500);
      await wb.command('PubTator: Fetch Documents…');
      const input = wb.page.locator('.quick-input-widget input').first();
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill('111, 222 999');
      await wb.page.keyboard.press('Enter');
      const text = await wb.until(async () => {
        // Monaco draws spaces as no-break spaces.
        const t = (await wb.page.locator('.monaco-editor .view-lines').first().innerText().catch(() => '')).replace(/\u00a0/g, ' ');
        return t.includes('111|t|Title of 111') && t.includes('222|t|') ? t : null;
      }, 'the fetched documents in a new editor', 30000, 300);
      assert.equal(await wb.languageMode(), 'PubTator');
      const warning = await wb.until(async () => {
        const t = (await wb.page.locator('.notifications-toasts').innerText().catch(() => '')).replace(/\u00a0/g, ' ');
        return t.includes('not returned: 999') ? t : null;
      }, 'a warning naming 999', 10000, 300);
      assert.deepEqual(asked, ['/api/publications/export/pubtator?pmids=111,222,999']);
      return `${text.split('\n').filter(Boolean).length} lines; ${warning.split('\n')[0]}`;
    });
    await report.check('PubTator: Fetch Documents… a second time: the documents come from the cache, in the order typed, with no request', async () => {
      await wb.command('PubTator: Fetch Documents…');
      const input = wb.page.locator('.quick-input-widget input').first();
      await input.waitFor({ state: 'visible', timeout: 10000 });
      await input.fill('222 111');
      await wb.page.keyboard.press('Enter');
      const text = await wb.until(async () => {
        const t = (await wb.page.locator('.monaco-editor .view-lines').first().innerText().catch(() => '')).replace(/\u00a0/g, ' ');
        const first = t.indexOf('222|t|Title of 222');
        return first >= 0 && t.indexOf('111|t|Title of 111') > first ? t : null;
      }, 'the cached documents, 222 first, in a new editor', 30000, 300);
      assert.equal(asked.length, 1, `no second request: ${asked.join(' ')}`);
      return `${text.split('\n').filter(Boolean).length} lines, requests still ${asked.length}`;
    });
  } finally {
    fs.writeFileSync(machineSettings, JSON.stringify(settings, null, 2));
    await new Promise((resolve) => server.close(resolve));
  }
}
