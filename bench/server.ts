// The built language server over stdio, as an editor drives it: its memory
// with a 50 MB file open, and keystroke-to-diagnostics latency on a 10 MB file.

import { LspTestClient } from '../test/lsp/support/lspClient';
import { generatedCorpus } from './corpus';
import { mb, ms, percentile, processMemory } from './measure';

/**
 * Server RSS with the 50 MB file open, over both transports: Node IPC (what
 * VS Code's client uses) and stdio (Neovim and most other editors).
 */
export async function serverMemorySection(): Promise<string> {
  const text = generatedCorpus(50);
  const size = Buffer.byteLength(text);
  const lines = [
    '| transport | RSS idle MB | first diagnostics ms | peak RSS MB | RSS 3 s later MB | RSS 10 s later MB | settled RSS / file size |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const transport of ['ipc', 'stdio'] as const) {
    const client = await LspTestClient.start({ transport });
    try {
      const pid = client.process.pid!;
      const idle = processMemory(pid);
      const uri = LspTestClient.uri('big.pubtator');
      const mark = client.mark();
      const t = performance.now();
      await client.open(uri, text);
      await client.diagnostics(uri, mark);
      const firstDiagnostics = performance.now() - t;
      // The idle-time work (file-wide concept counts, then one collection once
      // the server is quiet) runs in the next seconds.
      await new Promise((r) => setTimeout(r, 3000));
      const soon = processMemory(pid);
      await new Promise((r) => setTimeout(r, 7000));
      const later = processMemory(pid);
      lines.push(`| ${transport === 'ipc' ? 'Node IPC (VS Code)' : 'stdio'} | ${mb(idle.rss)} | ${ms(firstDiagnostics)} | ${mb(later.peak)} `
        + `| ${mb(soon.rss)} | ${mb(later.rss)} | ${(later.rss / size).toFixed(1)}× |`);
    } finally {
      client.kill();
    }
  }
  return lines.join('\n') + '\n\nThe peak comes while the open message is read: the transport holds it as buffers, a decoded string '
    + 'and the parsed text at once. What the server keeps is in "Memory kept for an open file" above; the rest of the settled RSS '
    + 'is the Node runtime and heap pages V8 keeps committed.';
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
