// Issue 15's figures: a whole corpus at once.
//
// The command line on every core (--jobs): a folder of files and one 200 MB
// file, each checked with --jobs 1 and --jobs N (N = this machine's cores) in
// turns, so both see the same machine; the speed-up, the parallel efficiency
// (speed-up / N, the target being at least 0.8), CPU time and peak memory.
// Then the streaming path on a folder of generated .gz files of several GB in
// all (BENCH_GZ_FOLDER_MB, default 2048 MB of text), written under the system
// temporary folder and deleted after. And in the editor: keystrokes in an open
// file while the workspace is checked in the background, next to the same
// keystrokes with no workspace.

import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../test/lsp/support/lspClient';
import { generatedCorpus, repoRoot } from './corpus';
import { mb, median, pct, percentile } from './measure';

const CLI = join(repoRoot, 'dist', 'server', 'cli.js');

interface Run {
  /** The checker's own elapsed time (its --json summary): reading and checking, without Node's start. */
  seconds: number;
  /** Wall time of the whole command, and CPU time (user + system) of it and its threads. */
  wall: number;
  cpu: number;
  /** Peak resident memory of the checking process (all its threads). */
  peakMb: number;
  bytes: number;
}

/** taskset (util-linux) holds a command to one core; absent elsewhere. */
const TASKSET = ['/usr/bin/taskset', '/bin/taskset'].find((p) => existsSync(p));

/**
 * One `pubtator check --json` under GNU time, which reports the waited-for processes' CPU and peak RSS;
 * `oneCore`: held to core 0, so V8's collector and compiler threads share the checker's core.
 */
function check(args: string[], oneCore = false): Run {
  const command = [process.execPath, CLI, 'check', '--json', ...args];
  const pinned = oneCore && TASKSET ? [TASKSET, '-c', '0', ...command] : command;
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...pinned], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const timing = r.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  const summary = JSON.parse(r.stdout.trim().split('\n').pop()!).summary as { elapsedSeconds: number; bytes: number };
  return { seconds: summary.elapsedSeconds, wall: timing[0], cpu: timing[1] + timing[2], peakMb: timing[3] / 1024, bytes: summary.bytes };
}

/**
 * Medians of runs with --jobs 1, --jobs N and (with taskset) --jobs 1 held to one core taking turns, after
 * one warm-up of each (the page cache filled).
 */
function compare(path: string, jobs: number, runs: number): { one: Run; many: Run; oneCore?: Run } {
  const one: Run[] = [];
  const many: Run[] = [];
  const oneCore: Run[] = [];
  check(['--jobs', '1', path]);
  check(['--jobs', String(jobs), path]);
  for (let i = 0; i < runs; i++) {
    one.push(check(['--jobs', '1', path]));
    many.push(check(['--jobs', String(jobs), path]));
    if (TASKSET) oneCore.push(check(['--jobs', '1', path], true));
  }
  const mid = (list: Run[]): Run => ({
    seconds: median(list.map((r) => r.seconds)), wall: median(list.map((r) => r.wall)), cpu: median(list.map((r) => r.cpu)),
    peakMb: median(list.map((r) => r.peakMb)), bytes: list[0].bytes,
  });
  return { one: mid(one), many: mid(many), oneCore: oneCore.length ? mid(oneCore) : undefined };
}

/** The generated 200 MB corpus cut into files of about `fileMb` MB at document boundaries. */
function writeFolder(dir: string, fileMb: number): void {
  const docs = generatedCorpus(200).split('\n\n');
  let part: string[] = [];
  let size = 0;
  let n = 0;
  const flush = () => {
    writeFileSync(join(dir, `part-${String(n++).padStart(3, '0')}.pubtator`), part.join('\n\n') + '\n');
    part = [];
    size = 0;
  };
  for (const d of docs) {
    part.push(d);
    size += d.length + 2;
    if (size >= fileMb * 1024 * 1024) flush();
  }
  if (part.length) flush();
}

export function parallelSection(): string {
  const cores = availableParallelism();
  const runs = Number(process.env.BENCH_PARALLEL_RUNS ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-bench-folder-'));
  try {
    writeFolder(dir, 5);
    generatedCorpus(200);
    const single = join(repoRoot, 'bench', '.cache', 'generated-200mb.pubtator');
    const inputs: [string, string][] = [['a folder of 5 MB files (200 MB)', dir], ['one 200 MB file', single]];
    const perCore: number[] = [];
    const cpuRatios: number[] = [];
    const oneCoreRows: string[] = [];
    const rows = inputs.map(([name, path]) => {
      const load = loadavg()[0];
      const { one, many, oneCore } = compare(path, cores, runs);
      perCore.push(one.bytes / 1024 / 1024 / one.cpu);
      cpuRatios.push(many.cpu / one.cpu);
      const speedUp = one.seconds / many.seconds;
      if (oneCore) {
        const fromOneCore = oneCore.seconds / many.seconds;
        oneCoreRows.push(`| ${name} | ${oneCore.seconds.toFixed(2)} s | ${many.seconds.toFixed(2)} s | ${fromOneCore.toFixed(2)}× | ${(fromOneCore / cores).toFixed(2)} | `
          + `${(one.cpu / one.wall).toFixed(2)} |`);
      }
      return `| ${name} | ${one.seconds.toFixed(2)} s (${(one.bytes / 1024 / 1024 / one.seconds).toFixed(0)} MB/s) | `
        + `${many.seconds.toFixed(2)} s (${(many.bytes / 1024 / 1024 / many.seconds).toFixed(0)} MB/s) | ${speedUp.toFixed(2)}× | ${(speedUp / cores).toFixed(2)} | `
        + `${one.cpu.toFixed(1)} / ${many.cpu.toFixed(1)} s | ${one.peakMb.toFixed(0)} / ${many.peakMb.toFixed(0)} MB | ${load.toFixed(1)} |`;
    });
    // --jobs 1 is not one core's work: V8 collects and compiles on threads beside it, on the other cores.
    const perCoreTable = oneCoreRows.length === 0 ? [] : [
      `The same runs against \`--jobs 1\` held to one core (\`taskset -c 0\`, in turn with the others): \`--jobs 1\` unheld keeps `
      + 'more than one core busy (the last column: its CPU time over its wall time), so its speed-up understates what each core adds.',
      '',
      `| input | --jobs 1 on one core | --jobs ${cores} | speed-up | per core | cores --jobs 1 keeps busy |`,
      '|---|---|---|---|---|---|',
      ...oneCoreRows,
    ];
    return [
      `\`pubtator check --json\` with \`--jobs 1\` and \`--jobs ${cores}\` (this machine's cores), in turns, medians of ${runs} runs each after a warm-up; `
      + 'time is the checker\'s own (its summary: reading and checking, without Node\'s start), CPU time is user + system of all threads, '
      + 'peak RSS is the checking process with its threads. Efficiency = speed-up / cores (target ≥ 0.8). The machine is shared: '
      + 'the load average before each pair of runs is given.',
      '',
      `| input | --jobs 1 | --jobs ${cores} | speed-up | efficiency | CPU time 1 / ${cores} | peak RSS 1 / ${cores} | load |`,
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      ...perCoreTable,
      '',
      `Per core: ${perCore.map((v) => v.toFixed(0)).join(' and ')} MB of text per CPU second (--jobs 1: bytes / CPU time), the speed one core gives when it is not shared. `
      + `CPU time of --jobs ${cores} against --jobs 1: ${cpuRatios.map(pct).join(' and ')} `
      + '(each thread warms up on its own: V8 compiles the checker once per thread), so on these cores --jobs 1\'s time over '
      + `(--jobs ${cores}'s CPU time / ${cores}) bounds the speed-up.`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `files` .gz files holding `megabytes` MB of text in all, from repeated generated documents with unique ids. */
async function writeGzFolder(dir: string, megabytes: number, files: number): Promise<void> {
  const seed = generatedCorpus(50).split('\n\n');
  let id = 0;
  for (let f = 0; f < files; f++) {
    const gzip = createGzip({ level: 1 });
    const out = gzip.pipe(createWriteStream(join(dir, `bulk-${f}.pubtator.gz`)));
    let written = 0;
    const target = (megabytes / files) * 1024 * 1024;
    while (written < target) {
      const block = seed[id % seed.length];
      const pmid = block.slice(0, block.indexOf('|'));
      const text = block.split(pmid).join(String(100000000 + id++)) + '\n\n';
      written += text.length;
      if (!gzip.write(text)) await once(gzip, 'drain');
    }
    gzip.end();
    await once(out, 'finish');
  }
}

export async function gzFolderSection(): Promise<string> {
  const cores = availableParallelism();
  const megabytes = Number(process.env.BENCH_GZ_FOLDER_MB ?? 2048);
  const files = 4;
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-bench-gz-'));
  try {
    mkdirSync(dir, { recursive: true });
    await writeGzFolder(dir, megabytes, files);
    const onDisk = [0, 1, 2, 3].reduce((n, f) => n + statSync(join(dir, `bulk-${f}.pubtator.gz`)).size, 0);
    const load = loadavg()[0];
    const run = check(['--jobs', String(cores), dir]);
    return `\`pubtator check --jobs ${cores} --json\` on a folder of ${files} generated .gz files, ${mb(onDisk)} MB on disk holding ${mb(run.bytes)} MB of PubTator text `
      + `(written under ${tmpdir()} and deleted after): ${run.seconds.toFixed(1)} s, ${(run.bytes / 1024 / 1024 / run.seconds).toFixed(1)} MB/s of decompressed text, `
      + `CPU time ${run.cpu.toFixed(0)} s, peak RSS ${run.peakMb.toFixed(0)} MB for the process and its threads (each under a ${process.env.PUBTATOR_HEAP_MB ?? 128} MB heap budget); `
      + `load average ${load.toFixed(1)} at the start.`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Milliseconds from each edit of a small open file to its new diagnostics, with the workspace folders given. */
async function keystrokes(folders: string[] | undefined, edits: number): Promise<{ times: number[]; backgroundDone: boolean; doneAfterMs?: number }> {
  const client = await LspTestClient.start({ workspaceFolders: folders, watchAndProgress: true });
  try {
    const uri = pathToFileURL(join(tmpdir(), 'pubtator-bench-open.pubtator')).href;
    let since = client.mark();
    await client.open(uri, DEFECTS, 1);
    await client.diagnostics(uri, since);
    const times: number[] = [];
    for (let v = 2; v < edits + 2; v++) {
      since = client.mark();
      const t = performance.now();
      await client.change(uri, v, [{ range: { start: { line: 3, character: 8 }, end: { line: 3, character: 9 } }, text: String(v % 10) }]);
      await client.diagnostics(uri, since);
      times.push(performance.now() - t);
      // A typist's pace: about ten keys a second.
      await new Promise((r) => setTimeout(r, 100));
    }
    const backgroundDone = client.published.some((p) => p.uri.endsWith('background.pubtator'));
    if (!folders) return { times, backgroundDone };
    const stopped = performance.now();
    await client.until(() => client.published.find((p) => p.uri.endsWith('background.pubtator')), 'the background file');
    return { times, backgroundDone, doneAfterMs: performance.now() - stopped };
  } finally {
    client.kill();
  }
}

const DEFECTS = ['2385256|t|Naloxone reverses the antihypertensive effect of clonidine', '2385256|a|Clonidine lowers blood pressure.',
  '2385256\t0\t8\tNaloxone\tChemical\tD009270', '2385256\t49\t58\tclonidine\tChemical\tD003000'].join('\n') + '\n';

export async function workspaceKeystrokesSection(edits = 100): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'pubtator-bench-ws-'));
  try {
    writeFileSync(join(dir, 'background.pubtator'), generatedCorpus(50));
    const alone = await keystrokes(undefined, edits);
    const busy = await keystrokes([pathToFileURL(dir).href], edits);
    const row = (name: string, t: number[]) => `| ${name} | ${median(t).toFixed(0)} ms | ${percentile(t, 95).toFixed(0)} ms | ${Math.max(...t).toFixed(0)} ms |`;
    return [
      `${edits} edits of a small open file, one every 100 ms (the built server over stdio), from each change to its file's new diagnostics; `
      + 'first with no workspace, then with a workspace folder holding a generated 50 MB PubTator file that the server checks in the background from the start.',
      '',
      '| while | median | p95 | max |',
      '|---|---|---|---|',
      row('no workspace', alone.times),
      row('a 50 MB file checked in the background', busy.times),
      '',
      `The background file's problems were ${busy.backgroundDone ? 'published while typing' : 'held back while typing'}; `
      + `they came ${((busy.doneAfterMs ?? 0) / 1000).toFixed(1)} s after the last edit (the background check pauses while the user types).`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every section of this file, for bench.ts. */
export function wholeCorpusSections(quick: boolean): [string, () => string | Promise<string>][] {
  const sections: [string, () => string | Promise<string>][] = [['Command-line checker on every core (--jobs)', parallelSection]];
  if (!quick) {
    sections.push(['Command-line checker on a multi-GB .gz folder', gzFolderSection]);
    sections.push(['Keystrokes while the workspace is checked in the background', () => workspaceKeystrokesSection()]);
  }
  return sections;
}
