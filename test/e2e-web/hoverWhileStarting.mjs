// A hover asked for while the language server (re)starts: before it, the client had no hover
// provider until the server answered `initialize`, so VS Code asked nobody and showed nothing
// (the first hover over the file whose opening started the extension; any hover during a
// restart). client/src/hoverWhileStarting.ts holds such a hover until the server runs. The
// hover is asked for once, from the keyboard, right after the restart command: no second
// approach (wb.hover's retries would hide a hover that was dropped).
import assert from 'node:assert/strict';

/** @param ctx {{ wb, report, texts: Record<string,string>, name: string }} */
export async function hoverWhileStarting(ctx) {
  const { wb, report, texts, name } = ctx;
  const lines = texts[name].split('\n');
  const line = lines.findIndex((l) => /^\d+\tNegative_Correlation\tMESH:D007649\t/.test(l));
  const character = lines[line].indexOf('MESH:D007649') + 5;
  await report.check(`${name}: a hover asked for during "PubTator: Restart Language Server" is answered once the server runs`, async () => {
    await wb.open(name, texts[name]);
    await wb.goto(line, character);
    await wb.command('PubTator: Restart Language Server');
    // From the keyboard (Show Hover), at once: the mouse's hover delay could let the server finish starting first.
    const asked = Date.now();
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('Control+I');
    const shown = await wb.until(async () => {
      const h = await wb.visibleHover();
      return h.text && !/^Loading\.\.\.$/m.test(h.text) ? h : null;
    }, 'the hover asked for during the restart', 30000, 100);
    const answeredMs = Date.now() - asked;
    await wb.hideHover();
    assert.ok(shown.text.includes('Ketamine'), `hover: ${shown.text}`);
    // Answered once: the held hover and the client's own provider never both answer.
    assert.equal(shown.text.split('Open in MeSH').length - 1, 1, `one hover, not two: ${shown.text}`);
    return `answered ${answeredMs} ms after it was asked for: ${shown.text.split('\n')[0]}`;
  });
}
