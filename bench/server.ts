// The built language server over stdio, as an editor drives it: its memory
// with a 50 MB file open, and keystroke-to-diagnostics latency on a 10 MB file.

import {
  CodeLensRequest, DocumentSymbolRequest, FoldingRangeRequest, InlayHintRequest, SemanticTokensRangeRequest, SemanticTokensRequest,
} from 'vscode-languageserver-protocol/node';
import { LspTestClient } from '../test/lsp/support/lspClient';
import { SERVER_EXEC_ARGV } from '../client/src/serverProcess';
import { generatedCorpus } from './corpus';
import { typist } from './keystrokes';
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
    // As editors start it: VS Code with the extension's flags, other editors through the bin (no flags).
    const client = await LspTestClient.start({ transport, execArgv: transport === 'ipc' ? SERVER_EXEC_ARGV : [] });
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

/**
 * Opening the 50 MB file as VS Code does (Node IPC): didOpen, then at once the
 * requests the editor sends for a new file. Each figure is the time from
 * sending didOpen to the answer (or to the diagnostics).
 */
export async function openSection(): Promise<string> {
  const text = generatedCorpus(50);
  const client = await LspTestClient.start({ transport: 'ipc', execArgv: SERVER_EXEC_ARGV });
  try {
    const uri = LspTestClient.uri('open.pubtator');
    const textDocument = { uri };
    const screen = { start: { line: 0, character: 0 }, end: { line: 60, character: 0 } };
    const mark = client.mark();
    const t = performance.now();
    await client.open(uri, text);
    const times: [string, Promise<number>][] = [];
    const timed = (name: string, answer: Promise<unknown>) => times.push([name, answer.then(() => performance.now() - t)]);
    timed('semantic tokens for the screen (range)', client.connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument, range: screen }));
    timed('inlay hints for the screen', client.connection.sendRequest(InlayHintRequest.type, { textDocument, range: screen }));
    timed('diagnostics', client.diagnostics(uri, mark));
    timed('semantic tokens, whole file', client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }));
    timed('folding', client.connection.sendRequest(FoldingRangeRequest.type, { textDocument }));
    timed('outline', client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }));
    timed('code lenses', client.connection.sendRequest(CodeLensRequest.type, { textDocument }));
    const rows = ['| answer | ms after didOpen was sent |', '|---|---:|'];
    for (const [name, at] of times) rows.push(`| ${name} | ${ms(await at)} |`);
    return rows.join('\n') + '\n\nWhole-file answers on a large file wait for its first check, so the diagnostics are not '
      + 'queued behind them; about a second of each figure is the 50 MB didOpen message itself.';
  } finally {
    client.kill();
  }
}

export async function lspKeystrokeSection(edits = 200): Promise<string> {
  const text = generatedCorpus(10);
  const { line, column } = typist(text.split('\n'));
  const client = await LspTestClient.start();
  try {
    const uri = LspTestClient.uri('ten.pubtator');
    let mark = client.mark();
    await client.open(uri, text, 1);
    await client.diagnostics(uri, mark);
    const times: number[] = [];
    for (let i = 0; i < edits; i++) {
      const version = i + 2;
      // The typist's keystroke as an editor sends it: the digit inserted, then deleted.
      const change = i % 2 === 0
        ? { range: { start: { line, character: column }, end: { line, character: column } }, text: '9' }
        : { range: { start: { line, character: column }, end: { line, character: column + 1 } }, text: '' };
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
