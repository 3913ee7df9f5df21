// "PubTator: Show Output" and "PubTator: Restart Language Server", as a user
// runs them from the Command Palette. The output's hello line is also the
// proof of where the server runs: the Node server says "(Node)", the web
// worker's says "(web worker)".
import assert from 'node:assert/strict';

const HELLO = /PubTator language server ready \(([^)]+)\)\./g;

/** @param ctx {{ wb, report, host: { hello: string } }} */
export async function serverCommands(ctx) {
  const { wb, report, host } = ctx;
  let hellos = [];
  await report.check(`PubTator: Show Output shows the server's log, whose hello line says it runs in the ${host.hello.match(/\(([^)]+)\)/)[1]}`, async () => {
    await wb.command('PubTator: Show Output');
    const text = await wb.until(async () => {
      const t = await wb.outputText();
      return t.includes('PubTator language server ready') ? t : null;
    }, 'the hello line in the output');
    hellos = [...text.matchAll(HELLO)].map((m) => m[0]);
    assert.ok(hellos.length >= 1 && hellos.every((h) => h === host.hello), `hello lines: ${JSON.stringify(hellos)}`);
    return hellos[0];
  });
  await report.check('PubTator: Restart Language Server starts a new server, which checks the open file again', async () => {
    await wb.command('PubTator: Restart Language Server');
    const text = await wb.until(async () => {
      const t = await wb.outputText();
      return [...t.matchAll(HELLO)].length > hellos.length ? t : null;
    }, 'a new hello line after the restart', 30000, 300);
    assert.ok(text.includes('restarted'), 'the output says the server was restarted');
    const last = [...text.matchAll(HELLO)].at(-1)[0];
    assert.equal(last, host.hello);
    const summary = await wb.until(async () => {
      const s = await wb.problemsSummary();
      return s && s !== 'No Problems' ? s : null;
    }, 'the problems of the open file after the restart', 30000, 300);
    await wb.closePanel();
    return `${last} (problems: ${summary})`;
  });
}
