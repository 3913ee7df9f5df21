// MeSH index builder: speed and memory on generated files of realistic size
// (30,000 descriptors ~ 300 MB and 300,000 supplementary records ~ 600 MB of
// XML, as NLM's desc/supp files), plain and gzipped, lookup latency, and the
// id picker's search by name: its name table's share of the index and the
// time of a search per keystroke (each prefix of real names typed).
//
//   npx tsc -p . && node --expose-gc out/bench/mesh-index-bench.js
//
// Inputs are generated once into bench/.cache/mesh/. Each build runs in a
// child process so that its peak RSS is its own, not the generator's.

import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdirSync, openSync, closeSync, readSync, renameSync, statSync, writeSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { buildMeshIndex, openMeshIndex } from '../server/src/service/concepts/meshIndex';
import { gc, mb, median } from './measure';

const repoRoot = join(__dirname, '..', '..');
const cacheDir = join(repoRoot, 'bench', '.cache', 'mesh');
const DESCRIPTORS = Number(process.env.MESH_BENCH_DESCRIPTORS ?? 30_000);
const SUPPLEMENTARY = Number(process.env.MESH_BENCH_SUPPLEMENTARY ?? 300_000);

// --- generated inputs --------------------------------------------------------

let seed = 12345;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const pick = <T>(a: readonly T[]) => a[Math.floor(random() * a.length)];
const SYLLABLES = ['ka', 'mi', 'ne', 'tor', 'phen', 'yl', 'am', 'ine', 'ox', 'ide', 'cy', 'clo', 'hex', 'an', 'one', 'pro', 'pyl', 'meth', 'eth', 'ol', 'ase', 'in', 'gen', 'ic'];
const WORDS = ['acute', 'chronic', 'syndrome', 'disease', 'factor', 'receptor', 'protein', 'cell', 'tissue', 'acid', 'kinase', 'inhibitor', 'disorder', 'deficiency', 'type', 'alpha', 'beta', 'human', 'familial', 'neonatal'];
const word = () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join('');
const phrase = (n: number) => Array.from({ length: n }, () => (random() < 0.5 ? word() : pick(WORDS))).join(' ');
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

const date = (tag: string, indent: string) =>
  `${indent}<${tag}>\n${indent} <Year>${1970 + Math.floor(random() * 55)}</Year>\n${indent} <Month>0${1 + Math.floor(random() * 9)}</Month>\n${indent} <Day>1${Math.floor(random() * 9)}</Day>\n${indent}</${tag}>\n`;

function term(s: string, tui: number, preferred: boolean, indent: string): string {
  const yn = preferred ? 'Y' : 'N';
  return `${indent}<Term ConceptPreferredTermYN="${yn}" IsPermutedTermYN="N" LexicalTag="NON" RecordPreferredTermYN="${yn}">\n${indent} <TermUI>T${pad(tui, 6)}</TermUI>\n${indent} <String>${esc(s)}</String>\n${date('DateCreated', indent + ' ')}${indent} <ThesaurusIDlist>\n${indent}  <ThesaurusID>NLM (${1970 + Math.floor(random() * 55)})</ThesaurusID>\n${indent} </ThesaurusIDlist>\n${indent}</Term>\n`;
}

function concept(name: string, terms: string[], preferred: boolean, note: string | undefined, n: number): string {
  let out = `   <Concept PreferredConceptYN="${preferred ? 'Y' : 'N'}">\n    <ConceptUI>M${pad(n, 7)}</ConceptUI>\n    <ConceptName>\n     <String>${esc(name)}</String>\n    </ConceptName>\n`;
  if (note) out += `    <ScopeNote>${esc(note)}\n    </ScopeNote>\n`;
  out += `    <RegistryNumber>${pad(n, 10)}</RegistryNumber>\n    <TermList>\n`;
  terms.forEach((t, i) => (out += term(t, n * 10 + i, preferred && i === 0, '     ')));
  return out + '    </TermList>\n   </Concept>\n';
}

const QUALIFIERS = Array.from({ length: 20 }, (_, i) =>
  `   <AllowableQualifier>\n    <QualifierReferredTo>\n     <QualifierUI>Q${pad(300 + i, 6)}</QualifierUI>\n     <QualifierName>\n      <String>isolation &amp; purification</String>\n     </QualifierName>\n    </QualifierReferredTo>\n    <Abbreviation>IP</Abbreviation>\n   </AllowableQualifier>\n`,
).join('');

function descriptor(i: number): string {
  const name = title(phrase(1 + Math.floor(random() * 3)));
  const concepts: string[] = [];
  const conceptCount = 1 + Math.floor(random() * 3);
  for (let c = 0; c < conceptCount; c++) {
    const terms = [c === 0 ? name : title(phrase(2)), ...Array.from({ length: 1 + Math.floor(random() * 6) }, () => title(phrase(2)))];
    const note = `${title(phrase(12))}, e.g. ${phrase(3)}. ${title(phrase(25))}. ${title(phrase(15))}.`;
    concepts.push(concept(terms[0], terms, c === 0, c === 0 ? note : undefined, i * 3 + c));
  }
  const trees = Array.from({ length: 1 + Math.floor(random() * 3) }, () => `   <TreeNumber>${pick(['C', 'D', 'F', 'G'])}${pad(Math.floor(random() * 25), 2)}.${pad(Math.floor(random() * 999), 3)}.${pad(Math.floor(random() * 999), 3)}</TreeNumber>\n`).join('');
  return ` <DescriptorRecord DescriptorClass = "1">\n  <DescriptorUI>D${pad(i, i < 70000 ? 6 : 9)}</DescriptorUI>\n  <DescriptorName>\n   <String>${esc(name)}</String>\n  </DescriptorName>\n${date('DateCreated', '  ')}${date('DateRevised', '  ')}${date('DateEstablished', '  ')}  <ActiveMeSHYearList>\n   <Year>2024</Year>\n   <Year>2025</Year>\n  </ActiveMeSHYearList>\n  <AllowableQualifiersList>\n${QUALIFIERS}  </AllowableQualifiersList>\n  <HistoryNote>${phrase(8)}\n</HistoryNote>\n  <PublicMeSHNote>${phrase(10)}\n</PublicMeSHNote>\n  <TreeNumberList>\n${trees}  </TreeNumberList>\n  <ConceptList>\n${concepts.join('')}  </ConceptList>\n </DescriptorRecord>\n`;
}

function supplementary(i: number): string {
  const name = phrase(1 + Math.floor(random() * 3));
  const mapped = Array.from({ length: 1 + Math.floor(random() * 2) }, () => {
    const d = 1 + Math.floor(random() * DESCRIPTORS);
    return `   <HeadingMappedTo>\n    <DescriptorReferredTo>\n     <DescriptorUI>*D${pad(d, 6)}</DescriptorUI>\n     <DescriptorName>\n      <String>${title(phrase(2))}</String>\n     </DescriptorName>\n    </DescriptorReferredTo>\n   </HeadingMappedTo>\n`;
  }).join('');
  const terms = [name, ...Array.from({ length: Math.floor(random() * 5) }, () => phrase(2))];
  return ` <SupplementalRecord SCRClass = "1">\n  <SupplementalRecordUI>C${pad(i, 9)}</SupplementalRecordUI>\n  <SupplementalRecordName>\n   <String>${esc(name)}</String>\n  </SupplementalRecordName>\n${date('DateCreated', '  ')}${date('DateRevised', '  ')}  <Note>${phrase(10)}</Note>\n  <Frequency>${Math.floor(random() * 100)}</Frequency>\n  <HeadingMappedToList>\n${mapped}  </HeadingMappedToList>\n  <IndexingInformationList>\n   <IndexingInformation>\n    <DescriptorReferredTo>\n     <DescriptorUI>D${pad(1 + Math.floor(random() * DESCRIPTORS), 6)}</DescriptorUI>\n     <DescriptorName>\n      <String>${title(phrase(2))}</String>\n     </DescriptorName>\n    </DescriptorReferredTo>\n   </IndexingInformation>\n  </IndexingInformationList>\n  <SourceList>\n   <Source>${title(phrase(4))} ${1970 + Math.floor(random() * 55)};${Math.floor(random() * 300)}(${Math.floor(random() * 12)}):${Math.floor(random() * 999)}</Source>\n  </SourceList>\n  <ConceptList>\n${concept(name, terms, true, undefined, 10_000_000 + i)}  </ConceptList>\n </SupplementalRecord>\n`;
}

function generate(path: string, root: string, dtd: string, count: number, record: (i: number) => string): void {
  if (existsSync(path)) return;
  process.stdout.write(`generating ${path} ...`);
  const part = path + '.part';
  const fd = openSync(part, 'w');
  writeSync(fd, `<?xml version="1.0"?>\n<!DOCTYPE ${root} SYSTEM "https://www.nlm.nih.gov/databases/dtd/${dtd}_20250101.dtd">\n<${root} LanguageCode = "eng">\n`);
  let batch: string[] = [];
  for (let i = 1; i <= count; i++) {
    batch.push(record(i));
    if (batch.length === 1000) {
      writeSync(fd, batch.join(''));
      batch = [];
    }
  }
  writeSync(fd, batch.join('') + `</${root}>\n`);
  closeSync(fd);
  renameSync(part, path);
  console.log(` ${mb(statSync(path).size)} MB`);
}

async function gzip(path: string, to: string): Promise<void> {
  if (existsSync(to)) return;
  process.stdout.write(`gzipping ${path} ...`);
  await pipeline(createReadStream(path), createGzip({ level: 6 }), createWriteStream(to + '.part'));
  renameSync(to + '.part', to);
  console.log(` ${mb(statSync(to).size)} MB`);
}

// --- measuring (child process) ---------------------------------------------

interface Figures {
  label: string;
  inputBytes: number;
  buildMs: number;
  peakRss: number;
  peakHeap: number;
  baseRss: number;
  indexBytes: number;
  records: number;
  openMs: number;
  openRss: number;
  openHeap: number;
  openBuffers: number;
  lookupColdUs: number;
  lookupWarmUs: number;
  lookupMissUs: number;
  lookupP99Us: number;
  /** The name table (entries and pointers) in the index. */
  nameTableBytes: number;
  searchMedianUs: number;
  searchP95Us: number;
  keystrokes: number;
}

async function measure(label: string, inputs: string[], out: string): Promise<Figures> {
  gc();
  const baseRss = process.memoryUsage().rss;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }, 20);
  const t0 = performance.now();
  const built = await buildMeshIndex(inputs, out);
  const buildMs = performance.now() - t0;
  clearInterval(sampler);
  const peakRss = process.resourceUsage().maxRSS * 1024;

  gc();
  const before = process.memoryUsage();
  const t1 = performance.now();
  const mesh = openMeshIndex(out);
  const openMs = performance.now() - t1;
  gc();
  const afterOpen = process.memoryUsage();

  // Random present UIs, first reads (cold: not in the small record cache) ...
  const uis = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? `C${pad(1 + Math.floor(random() * SUPPLEMENTARY), 9)}` : `D${pad(1 + Math.floor(random() * DESCRIPTORS), 6)}`));
  const times: number[] = [];
  for (const ui of uis) {
    const t = performance.now();
    if (!mesh.lookup(ui)) throw new Error(`${ui} missing`);
    times.push(performance.now() - t);
  }
  // ... a hover's repeated look-ups of the same few ids (warm) ...
  const hot = uis.slice(0, 50);
  const tw = performance.now();
  for (let r = 0; r < 200; r++) for (const ui of hot) mesh.lookup(ui);
  const warmUs = ((performance.now() - tw) * 1000) / (200 * hot.length);
  // ... and unknown ids (key table only).
  const unknown = Array.from({ length: 20_000 }, (_, i) => `D9${pad(i, 8)}`);
  const tm = performance.now();
  for (const ui of unknown) mesh.lookup(ui);
  const missUs = ((performance.now() - tm) * 1000) / 20_000;
  // Search by name, as the id picker asks it: every prefix of 400 names of records, 20 answers each.
  const names = uis.slice(0, 400).map((ui) => mesh.lookup(ui)!.name);
  const searchTimes: number[] = [];
  for (const name of names) {
    for (let k = 1; k <= Math.min(name.length, 24); k++) {
      const t = performance.now();
      mesh.search(name.slice(0, k), 20);
      searchTimes.push(performance.now() - t);
    }
  }
  searchTimes.sort((a, b) => a - b);
  mesh.close();
  const header = Buffer.alloc(72);
  const fd = openSync(out, 'r');
  readSync(fd, header, 0, 72, 0);
  closeSync(fd);
  // Header fields: names length at 60, pointer count (5 bytes each) at 68.
  const nameTableBytes = header.readUInt32LE(60) + header.readUInt32LE(68) * 5;
  const sorted = [...times].sort((a, b) => a - b);
  return {
    label,
    inputBytes: inputs.reduce((n, f) => n + statSync(f).size, 0),
    buildMs,
    peakRss,
    peakHeap,
    baseRss,
    indexBytes: built.bytes,
    records: built.descriptors + built.supplementary,
    openMs,
    openRss: afterOpen.rss - before.rss,
    openHeap: afterOpen.heapUsed - before.heapUsed,
    openBuffers: afterOpen.arrayBuffers - before.arrayBuffers,
    lookupColdUs: (times.reduce((a, b) => a + b, 0) * 1000) / times.length,
    lookupWarmUs: warmUs,
    lookupMissUs: missUs,
    lookupP99Us: sorted[Math.floor(sorted.length * 0.99)] * 1000,
    nameTableBytes,
    searchMedianUs: searchTimes[searchTimes.length >> 1] * 1000,
    searchP95Us: searchTimes[Math.floor(searchTimes.length * 0.95)] * 1000,
    keystrokes: searchTimes.length,
  };
}

function report(runs: Figures[]): void {
  const f = runs[0];
  const buildMs = median(runs.map((r) => r.buildMs));
  const uncompressed = f.label.includes('gz') ? '' : ` (${(f.inputBytes / 1024 / 1024 / (buildMs / 1000)).toFixed(0)} MB/s of XML)`;
  console.log(`\n${f.label}: ${f.records.toLocaleString('en')} records from ${mb(f.inputBytes)} MB`);
  console.log(`  build            ${runs.map((r) => (r.buildMs / 1000).toFixed(1) + ' s').join(', ')} (median ${(buildMs / 1000).toFixed(1)} s)${uncompressed}`);
  console.log(`  peak RSS         ${mb(Math.max(...runs.map((r) => r.peakRss)))} MB (process at start ${mb(f.baseRss)} MB); peak heap used ${mb(Math.max(...runs.map((r) => r.peakHeap)))} MB`);
  console.log(`  index            ${mb(f.indexBytes)} MB (${(f.indexBytes / f.records).toFixed(0)} bytes a record)`);
  console.log(`  open             ${f.openMs.toFixed(1)} ms; memory held: key table ${mb(f.openBuffers)} MB (typed arrays), heap +${mb(f.openHeap)} MB, RSS +${mb(f.openRss)} MB`);
  console.log(`  lookup           cold ${f.lookupColdUs.toFixed(1)} µs (p99 ${f.lookupP99Us.toFixed(1)} µs), warm ${f.lookupWarmUs.toFixed(2)} µs, unknown id ${f.lookupMissUs.toFixed(2)} µs`);
  console.log(`  search by name   name table ${mb(f.nameTableBytes)} MB of the index (without it ${mb(f.indexBytes - f.nameTableBytes - 64)} MB); `
    + `a keystroke ${(f.searchMedianUs / 1000).toFixed(2)} ms median, ${(f.searchP95Us / 1000).toFixed(2)} ms p95 (${f.keystrokes} keystrokes)`);
}

async function main(): Promise<void> {
  const [, , mode, label, out, ...inputs] = process.argv;
  if (mode === '--measure') {
    console.log(JSON.stringify(await measure(label, inputs, out)));
    return;
  }
  mkdirSync(cacheDir, { recursive: true });
  const desc = join(cacheDir, 'desc2025.xml');
  const supp = join(cacheDir, 'supp2025.xml');
  generate(desc, 'DescriptorRecordSet', 'nlmdescriptorrecordset', DESCRIPTORS, descriptor);
  generate(supp, 'SupplementalRecordSet', 'nlmsupplementalrecordset', SUPPLEMENTARY, supplementary);
  await gzip(desc, join(cacheDir, 'desc2025.gz'));
  await gzip(supp, join(cacheDir, 'supp2025.gz'));
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);
  const runs = Number(process.env.BENCH_RUNS ?? 3);
  for (const [label, files] of [
    ['XML (desc2025.xml + supp2025.xml)', [desc, supp]],
    ['gzipped XML (desc2025.gz + supp2025.gz)', [join(cacheDir, 'desc2025.gz'), join(cacheDir, 'supp2025.gz')]],
  ] as const) {
    const figures: Figures[] = [];
    for (let r = 0; r < runs; r++) {
      const json = execFileSync(process.execPath, ['--expose-gc', __filename, '--measure', label, join(cacheDir, 'mesh.idx'), ...files], { encoding: 'utf8' });
      figures.push(JSON.parse(json.trim().split('\n').pop()!) as Figures);
    }
    report(figures);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
