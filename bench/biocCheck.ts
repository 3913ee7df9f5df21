// `pubtator check` on a ~50 MB BioC XML collection (and the same documents
// as BioC JSON) beside the same check on its PubTator twin, in the same run and taking turns, on one thread and on
// two, with the elapsed and CPU time and the peak memory of each; `convert` both ways (BioC XML to PubTator also split:
// --jobs 2, 3); and beside the Python
// `bioc` package (bionlplab/bioc, what most users load BioC with) reading the
// same files, when the interpreter in BENCH_PYTHON (default python3) can
// import it, and always beside Python 3's standard library streaming them
// (xml.etree.ElementTree.iterparse, elements cleared as each document ends;
// json.load): a floor no Python reader goes under.
// The BioC file is the generated PubTator corpus converted by `pubtator convert`.

import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { generatedCorpus, repoRoot } from './corpus';
import { runCli } from './compare';
import { mb, median, THREADS_FORCED } from './measure';

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

/** `bioc.load`: the whole collection as objects, as the package's README loads a file. */
const PYTHON_BIOC_LOAD = 'import sys, bioc\nwith open(sys.argv[1], "rb") as f: print(len(bioc.load(f).documents))';
/** The package's streaming reader, a document at a time. */
const PYTHON_BIOC_ITER = [
  'import sys, bioc',
  'with open(sys.argv[1], "rb") as f, bioc.biocxml.iterparse(f) as reader:',
  '    print(sum(1 for _ in reader))',
].join('\n');
const PYTHON_BIOC_JSON = 'import sys\nfrom bioc import biocjson\nwith open(sys.argv[1], encoding="utf-8") as f: print(len(biocjson.load(f).documents))';

const python = process.env.BENCH_PYTHON || 'python3';

/** The interpreter's version line, or undefined when there is none. */
function pythonVersion(): string | undefined {
  try {
    return execFileSync(python, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return undefined;
  }
}

/** The `bioc` package's version and lxml's, when the interpreter can import them. */
function biocPackage(): string | undefined {
  try {
    const code = 'import bioc, lxml, importlib.metadata as m\n'
      + 'try: v = m.version("bioc")\nexcept Exception: v = "from source"\n'
      + 'print(f"bioc {v}, lxml {lxml.__version__}")';
    return execFileSync(python, ['-c', code], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

export async function biocCheckSection(runs: number): Promise<string> {
  generatedCorpus(PUBTATOR_MB);
  const twin = join(cacheDir, `generated-${PUBTATOR_MB}mb.pubtator`);
  const xml = join(cacheDir, `generated-${PUBTATOR_MB}mb.bioc.xml`);
  if (!existsSync(xml)) execFileSync(process.execPath, [cli, 'convert', twin, '-o', xml], { stdio: 'ignore' });
  const json = join(cacheDir, `generated-${PUBTATOR_MB}mb.bioc.json`);
  if (!existsSync(json)) execFileSync(process.execPath, [cli, 'convert', twin, '--to', 'bioc-json', '-o', json], { stdio: 'ignore' });
  const version = pythonVersion();
  const bioc = version ? biocPackage() : undefined;
  const out = join(cacheDir, 'bioc-bench-out');
  const cases: [string, () => ReturnType<typeof runCli>][] = [
    ['`check --json --jobs 1` BioC XML', () => runCli(['check', '--json', '--jobs', '1', xml])],
    ['`check --json --jobs 1` PubTator twin', () => runCli(['check', '--json', '--jobs', '1', twin])],
    ['`check --json --jobs 2` BioC XML (documents split: this thread and 1 worker; threads forced)', () => runCli(['check', '--json', '--jobs', '2', xml], undefined, THREADS_FORCED)],
    ['`check --json --jobs 3` BioC XML (documents split: this thread and 2 workers; threads forced)', () => runCli(['check', '--json', '--jobs', '3', xml], undefined, THREADS_FORCED)],
    ['`check --json --jobs 2` PubTator twin (threads forced)', () => runCli(['check', '--json', '--jobs', '2', twin], undefined, THREADS_FORCED)],
    [`\`check --json --jobs 1\` BioC JSON (${mb(statSync(json).size)} MB, the same documents)`, () => runCli(['check', '--json', '--jobs', '1', json])],
    ['`check --json --jobs 2` BioC JSON (read on one thread, checked on 2; threads forced)', () => runCli(['check', '--json', '--jobs', '2', json], undefined, THREADS_FORCED)],
    ['`convert --jobs 1` BioC XML to PubTator', () => runCli(['convert', '--jobs', '1', xml, '--to', 'pubtator', '-o', `${out}.pubtator`])],
    ['`convert --jobs 2` BioC XML to PubTator (documents split: this thread and 1 worker; threads forced)', () => runCli(['convert', '--jobs', '2', xml, '--to', 'pubtator', '-o', `${out}.pubtator`], undefined, THREADS_FORCED)],
    ['`convert --jobs 3` BioC XML to PubTator (this thread and 2 workers; threads forced)', () => runCli(['convert', '--jobs', '3', xml, '--to', 'pubtator', '-o', `${out}.pubtator`], undefined, THREADS_FORCED)],
    ['`convert` PubTator twin to BioC XML', () => runCli(['convert', twin, '--to', 'bioc-xml', '-o', `${out}.xml`])],
  ];
  if (bioc) {
    cases.push(['Python `bioc.load` of the BioC XML (objects, no checks)', () => runCli(['-c', PYTHON_BIOC_LOAD, xml], [python])]);
    cases.push(['Python `bioc.biocxml.iterparse`, document by document (no checks)', () => runCli(['-c', PYTHON_BIOC_ITER, xml], [python])]);
    cases.push(['Python `bioc.biocjson.load` of the BioC JSON (no checks)', () => runCli(['-c', PYTHON_BIOC_JSON, json], [python])]);
  }
  if (version) {
    cases.push(['Python 3 `ElementTree.iterparse` streaming the BioC XML (reading only)', () => runCli(['-c', PYTHON_ITERPARSE, xml], [python])]);
    cases.push(['Python 3 `json.load` of the BioC JSON (reading only)', () => runCli(['-c', PYTHON_JSON, json], [python])]);
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
    + (!version ? `\n(${python} not found: no Python baseline.)\n`
      : `\nPython: ${version}; ${bioc ?? `the \`bioc\` package cannot be imported (set BENCH_PYTHON and PYTHONPATH to one that can), so only the standard library's readers`}.\n`);
}
