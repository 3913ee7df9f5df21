// The command-line checker on a multi-GB .gz stream: constant memory whatever
// the size, throughput in MB/s of decompressed text. The input is generated
// once into bench/.cache (size set by BENCH_GZ_MB, default 2048 MB).

import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
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
  // As users run it (as many checking threads as cores), then on one thread: the smallest memory.
  const every = await timeCheck(path, []);
  const one = await timeCheck(path, ['--jobs', '1']);
  return `\`pubtator check\` on a ${mb(statSync(path).size)} MB .gz holding ${mb(every.bytes)} MB of PubTator text (${every.documents} documents), `
    + `the checker under a ${process.env.PUBTATOR_HEAP_MB ?? 128} MB heap budget per thread:\n\n`
    + '| threads | s | MB/s of decompressed text | peak RSS MB |\n|---|---:|---:|---:|\n'
    + `| as many as cores (${availableParallelism()}, the default) | ${every.seconds.toFixed(1)} | ${(every.bytes / 1024 / 1024 / every.seconds).toFixed(1)} | ${mb(every.peak)} |\n`
    + `| one (\`--jobs 1\`) | ${one.seconds.toFixed(1)} | ${(one.bytes / 1024 / 1024 / one.seconds).toFixed(1)} | ${mb(one.peak)} |\n\n`
    + 'Memory does not grow with the text, only with the number of distinct document ids (kept to find a document listed twice: about 70 bytes each).';
}

async function timeCheck(path: string, extra: string[]): Promise<{ seconds: number; bytes: number; documents: number | string; peak: number }> {
  const cli = join(repoRoot, 'dist', 'server', 'cli.js');
  const child = spawn(process.execPath, [cli, 'check', '--json', ...extra, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  // The checking threads live in the same process: its RSS counts them.
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
  return { seconds, bytes: summary.bytes ?? 0, documents: summary.documents ?? '?', peak };
}
