// `pubtator check` on a ~50 MB BioC XML collection (and the same documents
// as BioC JSON) beside the same check on its PubTator twin, in the same run and taking turns, on one thread and on
// two, with the elapsed and CPU time and the peak memory of each; `convert` both ways (BioC XML to PubTator also split: --jobs 2, 3); and beside Python 3's
// standard library streaming the same file (xml.etree.ElementTree.iterparse,
// elements cleared as each document ends): the Python `bioc` package is
// not installed here, and its readers are built on the same standard
// parsers (ElementTree, json), so these are lower bounds of what loading with
// it costs, not its times.
// The BioC file is the generated PubTator corpus converted by `pubtator convert`.

import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { generatedCorpus, repoRoot } from './corpus';
import { runCli } from './compare';
import { mb, median } from './measure';

const cli = join(repoRoot, 'dist', 'server', 'cli.js');
const cacheDir = join(repoRoot, 'bench', '.cache');

/** PubTator MB that convert to about 50 MB of BioC XML. */
const PUBTATOR_MB = Number(process.env.BENCH_BIOC_PUBTATOR_MB ?? 18);

const PYTHON_ITERPARSE = [
  'import sys, xml.etree.ElementTree as ET',
  'docs = anns = 0',
  'for event, el in ET.iterparse(sys.argv[1], events=("end",)):',
  '    if el.tag == "annotation": anns += 1',
  '    elif el.tag == "document": docs += 1; el.clear()',
  'print(docs, anns)',
].join('\n');

const PYTHON_JSON = 'import sys, json\nprint(len(json.load(open(sys.argv[1], encoding="utf-8"))["documents"]))';

function hasPython(): boolean {
  try {
    execFileSync('python3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function biocCheckSection(runs: number): Promise<string> {
  generatedCorpus(PUBTATOR_MB);
  const twin = join(cacheDir, `generated-${PUBTATOR_MB}mb.pubtator`);
  const xml = join(cacheDir, `generated-${PUBTATOR_MB}mb.bioc.xml`);
  if (!existsSync(xml)) execFileSync(process.execPath, [cli, 'convert', twin, '-o', xml], { stdio: 'ignore' });
  const json = join(cacheDir, `generated-${PUBTATOR_MB}mb.bioc.json`);
  if (!existsSync(json)) execFileSync(process.execPath, [cli, 'convert', twin, '--to', 'bioc-json', '-o', json], { stdio: 'ignore' });
  const python = hasPython();
  const out = join(cacheDir, 'bioc-bench-out');
  const cases: [string, () => ReturnType<typeof runCli>][] = [
    ['`check --json --jobs 1` BioC XML', () => runCli(['check', '--json', '--jobs', '1', xml])],
    ['`check --json --jobs 1` PubTator twin', () => runCli(['check', '--json', '--jobs', '1', twin])],
    ['`check --json --jobs 2` BioC XML (documents split: this thread and 1 worker)', () => runCli(['check', '--json', '--jobs', '2', xml])],
    ['`check --json --jobs 3` BioC XML (documents split: this thread and 2 workers)', () => runCli(['check', '--json', '--jobs', '3', xml])],
    ['`check --json --jobs 2` PubTator twin', () => runCli(['check', '--json', '--jobs', '2', twin])],
    [`\`check --json --jobs 1\` BioC JSON (${mb(statSync(json).size)} MB, the same documents)`, () => runCli(['check', '--json', '--jobs', '1', json])],
    ['`check --json --jobs 2` BioC JSON (read on one thread, checked on 2)', () => runCli(['check', '--json', '--jobs', '2', json])],
    ['`convert --jobs 1` BioC XML to PubTator', () => runCli(['convert', '--jobs', '1', xml, '--to', 'pubtator', '-o', `${out}.pubtator`])],
    ['`convert --jobs 2` BioC XML to PubTator (documents split: this thread and 1 worker)', () => runCli(['convert', '--jobs', '2', xml, '--to', 'pubtator', '-o', `${out}.pubtator`])],
    ['`convert --jobs 3` BioC XML to PubTator (this thread and 2 workers)', () => runCli(['convert', '--jobs', '3', xml, '--to', 'pubtator', '-o', `${out}.pubtator`])],
    ['`convert` PubTator twin to BioC XML', () => runCli(['convert', twin, '--to', 'bioc-xml', '-o', `${out}.xml`])],
  ];
  if (python) {
    cases.push(['Python 3 `ElementTree.iterparse` streaming the BioC XML (no checks)', () => runCli(['-c', PYTHON_ITERPARSE, xml], ['python3'])]);
    cases.push(['Python 3 `json.load` of the BioC JSON (no checks)', () => runCli(['-c', PYTHON_JSON, json], ['python3'])]);
  }
  const seconds = cases.map(() => [] as number[]);
  const cpu = cases.map(() => [] as number[]);
  const peaks = cases.map(() => 0);
  const rounds = Math.max(1, Math.min(runs, Number(process.env.BENCH_BIOC_RUNS ?? 3)));
  const load: number[] = [];
  for (let i = 0; i < rounds; i++) {
    load.push(loadavg()[0]);
    for (let k = 0; k < cases.length; k++) {
      const r = await cases[k][1]();
      seconds[k].push(r.seconds);
      cpu[k].push(r.cpu);
      peaks[k] = Math.max(peaks[k], r.peak);
    }
  }
  const rows = cases.map(([name], k) => `| ${name} | ${median(seconds[k]).toFixed(1)} | ${median(cpu[k]).toFixed(1)} | ${mb(peaks[k])} |`);
  return `A ${mb(statSync(xml).size)} MB BioC XML collection (the generated corpus converted by \`pubtator convert\`) and its `
    + `${mb(statSync(twin).size)} MB PubTator twin, median of ${rounds} runs taking turns (load average ${load.map((l) => l.toFixed(1)).join(', ')} as each round began; `
    + 'the CPU column, user + system time of the command\'s processes and threads, is less sensitive to other load than the elapsed one), '
    + 'peak RSS over the command\'s processes (the checker runs under its 128 MB heap budget):\n\n'
    + '| run | s | CPU s | peak RSS MB |\n|---|---:|---:|---:|\n'
    + rows.join('\n') + '\n'
    + (python ? '' : '\n(python3 not found: no Python baseline.)\n');
}
