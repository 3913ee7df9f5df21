// "PubTator: Show Output" and "PubTator: Restart Language Server", as a user
// runs them from the Command Palette. The output's hello line is also the
// proof of where the server runs: the Node server says "(Node)", the web
// worker's says "(web worker)".
import assert from 'node:assert/strict';

const HELLO = /PubTator language server ready \(([^)]+)\)\./;
const STAMP = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}) /;

/** The log's lines with their time stamps (the Output view draws only the lines that fit: the newest). */
async function logLines(wb) {
  return (await wb.outputText()).split('\n').map((line) => ({ at: STAMP.exec(line)?.[1] ?? '', line }));
}

/** @param ctx {{ wb, report, host: { hello: string } }} */
export async function serverCommands(ctx) {
  const { wb, report, host } = ctx;
  await report.check(`PubTator: Show Output shows the server's log, whose hello line says it runs in the ${host.hello.match(/\(([^)]+)\)/)[1]}`, async () => {
    await wb.command('PubTator: Show Output');
    const hellos = await wb.until(async () => {
      const found = (await logLines(wb)).filter((l) => HELLO.test(l.line));
      return found.length ? found : null;
    }, 'the hello line in the output');
    assert.ok(hellos.every((h) => h.line.includes(host.hello)), `hello lines: ${JSON.stringify(hellos)}`);
    return host.hello;
  });
  await report.check('PubTator: Restart Language Server starts a new server, which checks the open file again', async () => {
    const before = (await logLines(wb)).map((l) => l.at).filter(Boolean).sort().at(-1) ?? '';
    await wb.command('PubTator: Restart Language Server');
    const after = await wb.until(async () => {
      const lines = (await logLines(wb)).filter((l) => l.at > before);
      return lines.some((l) => HELLO.test(l.line)) && lines.some((l) => l.line.includes('was restarted')) ? lines : null;
    }, 'a new hello line after the restart', 30000, 300);
    const hello = after.find((l) => HELLO.test(l.line)).line;
    assert.ok(hello.includes(host.hello), hello);
    const summary = await wb.until(async () => {
      const s = await wb.problemsSummary();
      return s && s !== 'No Problems' ? s : null;
    }, 'the problems of the open file after the restart', 30000, 300);
    await wb.closePanel();
    return `${hello.replace(STAMP, '')} (problems: ${summary})`;
  });
}
