// The web extension: its bundles as packaged (minified) next to the Node
// ones, and start-up to the first diagnostics of a 1 MB file with the server
// in a worker (the minified web bundle in a Node worker thread with only a
// browser worker's globals, test/lsp/support/webWorker.ts) against the Node
// server over IPC as VS Code starts it, timed in turns in the same run.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { LspTestClient, type StartOptions } from '../test/lsp/support/lspClient';
import { SERVER_EXEC_ARGV } from '../client/src/serverProcess';
import { generatedCorpus, repoRoot } from './corpus';
import { median, ms } from './measure';

const BUNDLES: [string, string][] = [
  ['web worker server', 'web/server.js'],
  ['web client', 'web/extension.js'],
  ['Node server', 'server/server.js'],
  ['Node client', 'client/extension.js'],
];
const LIMIT = 1024 * 1024;

/** Milliseconds from starting the server to its first diagnostics of `text`. */
async function startToDiagnostics(options: StartOptions, text: string): Promise<number> {
  const t0 = performance.now();
  const client = await LspTestClient.start(options);
  try {
    const uri = LspTestClient.uri('megabyte.pubtator');
    const mark = client.mark();
    await client.open(uri, text);
    await client.diagnostics(uri, mark);
    return performance.now() - t0;
  } finally {
    client.kill();
  }
}

export async function webSection(runs = 5): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'pubtator-bench-web-'));
  try {
    execFileSync(process.execPath, ['scripts/build.mjs', '--minify', '--outdir', out], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    const lines = ['| bundle (minified, as packaged) | KB | gzipped KB |', '|---|---:|---:|'];
    for (const [what, file] of BUNDLES) {
      const path = join(out, file);
      lines.push(`| ${what} (\`dist/${file}\`) | ${(statSync(path).size / 1024).toFixed(0)} | ${(gzipSync(readFileSync(path)).length / 1024).toFixed(0)} |`);
    }
    const webServer = statSync(join(out, 'web/server.js')).size;
    lines.push('', `The web worker server is ${(webServer / LIMIT * 100).toFixed(0)}% of the 1 MB it must stay under (test/lsp/webBundle.test.ts holds it there).`, '');

    const text = generatedCorpus(1);
    const worker: StartOptions = { transport: 'worker', workerBundle: join(out, 'web/server.js') };
    const node: StartOptions = { transport: 'ipc', execArgv: SERVER_EXEC_ARGV };
    await startToDiagnostics(worker, text);
    await startToDiagnostics(node, text);
    const times = { worker: [] as number[], node: [] as number[] };
    for (let i = 0; i < runs; i++) {
      times.worker.push(await startToDiagnostics(worker, text));
      times.node.push(await startToDiagnostics(node, text));
    }
    lines.push(`| start-up to first diagnostics, ${(Buffer.byteLength(text) / 1024 / 1024).toFixed(2)} MB file | median ms | runs ms |`, '|---|---:|---|');
    lines.push(`| web worker server (worker thread) | ${ms(median(times.worker))} | ${times.worker.map(ms).join(', ')} |`);
    lines.push(`| baseline: Node server over IPC, as VS Code starts it | ${ms(median(times.node))} | ${times.node.map(ms).join(', ')} |`);
    lines.push('', 'Each run starts the server, initializes it, opens the file and waits for its diagnostics; the server waits 250 ms '
      + 'for typing to pause before a file\'s first check, in both. `npm run test:e2e:web` times the same in a real Chromium web worker.');
    return lines.join('\n');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
