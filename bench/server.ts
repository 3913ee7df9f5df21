// The built language server over stdio, as an editor drives it: its memory
// with a 50 MB file open, and keystroke-to-diagnostics latency on a 10 MB file.

import { LspTestClient } from '../test/lsp/support/lspClient';
import { generatedCorpus } from './corpus';
import { mb, ms, percentile, processMemory } from './measure';

export async function serverMemorySection(): Promise<string> {
  const text = generatedCorpus(50);
  const client = await LspTestClient.start();
  try {
    const pid = client.process.pid!;
    const idle = processMemory(pid);
    const uri = LspTestClient.uri('big.pubtator');
    const mark = client.mark();
    const t = performance.now();
    await client.open(uri, text);
    await client.diagnostics(uri, mark);
    const firstDiagnostics = performance.now() - t;
    // Let the idle-time preparation (file-wide concept counts) finish too, then
    // give V8 time to hand back the pages the first pass used (it does so lazily).
    await new Promise((r) => setTimeout(r, 3000));
    const soon = processMemory(pid);
    await new Promise((r) => setTimeout(r, 20000));
    const later = processMemory(pid);
    const size = Buffer.byteLength(text);
    const ratio = (rss: number) => `${(rss / size).toFixed(1)}× the file`;
    return `Server RSS with no file open: ${mb(idle.rss)} MB. After opening the 50 MB file (first diagnostics in ${ms(firstDiagnostics)} ms): `
      + `peak ${mb(soon.peak)} MB; RSS ${mb(soon.rss)} MB (${ratio(soon.rss)}) 3 s later, ${mb(later.rss)} MB (${ratio(later.rss)}) after 20 s more. `
      + 'What the server keeps is in "Memory kept for an open file" above; the rest of the RSS is garbage of the first full pass, '
      + 'which V8 returns to the system lazily.';
  } finally {
    client.kill();
  }
}

export async function lspKeystrokeSection(edits = 200): Promise<string> {
  const text = generatedCorpus(10);
  const lines = text.split('\n');
  let target = lines.length >> 1;
  while (!/^\S+\t\d+\t\d+\t/.test(lines[target])) target++;
  const client = await LspTestClient.start();
  try {
    const uri = LspTestClient.uri('ten.pubtator');
    let mark = client.mark();
    await client.open(uri, text, 1);
    await client.diagnostics(uri, mark);
    const tab = lines[target].indexOf('\t');
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const version = i + 2;
      // Alternately insert and delete a digit in a start offset: each edit changes the diagnostics.
      const change = i % 2 === 0
        ? { range: { start: { line: target, character: tab + 1 }, end: { line: target, character: tab + 1 } }, text: '9' }
        : { range: { start: { line: target, character: tab + 1 }, end: { line: target, character: tab + 2 } }, text: '' };
      mark = client.mark();
      const t = performance.now();
      await client.change(uri, version, [change]);
      await client.diagnostics(uri, mark, (p) => p.version === version);
      times.push(performance.now() - t);
    }
    return `${edits} edits in a row on a 10 MB file, each timed from sending the change to receiving its diagnostics `
      + `(the server's adaptive pause included): median ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms, max ${ms(Math.max(...times))} ms.`;
  } finally {
    client.kill();
  }
}
