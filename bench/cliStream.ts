// The command-line checker on a multi-GB .gz stream: constant memory whatever
// the size, throughput in MB/s of decompressed text. The input is generated
// once into bench/.cache (size set by BENCH_GZ_MB, default 2048 MB).

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { generatedCorpus, repoRoot } from './corpus';
import { mb, processMemory } from './measure';

async function makeGz(path: string, megabytes: number): Promise<void> {
  const seed = generatedCorpus(50).split(/\n\s*\n/).filter(Boolean);
  const gzip = createGzip({ level: 1 });
  const out = gzip.pipe(createWriteStream(path));
  let written = 0;
  const target = megabytes * 1024 * 1024;
  for (let i = 0; written < target; i++) {
    const block = seed[i % seed.length];
    const id = block.slice(0, block.indexOf('|'));
    const chunk = block.split(id).join(String(100000000 + i)) + '\n\n';
    written += chunk.length;
    if (!gzip.write(chunk)) await once(gzip, 'drain');
  }
  gzip.end();
  await once(out, 'finish');
}

export function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export async function cliStreamSection(): Promise<string> {
  const megabytes = Number(process.env.BENCH_GZ_MB ?? 2048);
  const path = join(repoRoot, 'bench', '.cache', `stream-${megabytes}mb.pubtator.gz`);
  if (!existsSync(path)) await makeGz(path, megabytes);
  const cli = join(repoRoot, 'dist', 'server', 'cli.js');
  const child = spawn(process.execPath, [cli, 'check', '--json', path], { stdio: ['ignore', 'pipe', 'inherit'] });
  // The CLI runs its work in a child process under a heap budget: watch both.
  let peak = 0;
  const sampler = setInterval(() => {
    for (const pid of [child.pid!, ...childrenOf(child.pid!)]) {
      try {
        peak = Math.max(peak, processMemory(pid).peak);
      } catch {
        // The process has just ended.
      }
    }
  }, 200);
  let last = '';
  child.stdout!.on('data', (d: Buffer) => {
    last = (last + d.toString()).slice(-4096);
  });
  const t = performance.now();
  await once(child, 'exit');
  clearInterval(sampler);
  const seconds = (performance.now() - t) / 1000;
  const summaryLine = last.trim().split('\n').pop() ?? '{}';
  const summary = (JSON.parse(summaryLine) as { summary?: { bytes?: number; documents?: number } }).summary ?? {};
  const bytes = summary.bytes ?? 0;
  return `\`pubtator check\` on a ${mb(statSync(path).size)} MB .gz holding ${mb(bytes)} MB of PubTator text `
    + `(${summary.documents ?? '?'} documents): ${seconds.toFixed(1)} s, ${(bytes / 1024 / 1024 / seconds).toFixed(1)} MB/s of decompressed text, `
    + `peak RSS ${mb(peak)} MB (the checker runs under a ${process.env.PUBTATOR_HEAP_MB ?? 128} MB heap budget).`;
}
