// Parse + check throughput next to the throughput of merely splitting the same
// text into lines and tab fields, measured in the same run.

import { readFileSync, statSync } from 'node:fs';
import { parsePubtator } from '../server/src/service/parse/parseFile';
import { validateFile } from '../server/src/service/validate';
import { generatedCorpus, realCorpusFiles } from './corpus';
import { gc, mb, mbPerSecond, splitLinesAndFields, time } from './measure';

interface Row {
  input: string;
  size: number;
  splitMs: number;
  checkMs: number;
}

function measure(input: string, text: string, runs: number): Row {
  const size = Buffer.byteLength(text);
  const splitMs = time(() => splitLinesAndFields(text), runs);
  const checkMs = time(() => validateFile(parsePubtator(text)), runs);
  return { input, size, splitMs, checkMs };
}

export function throughputSection(runs: number): string {
  const rows: Row[] = [measure('generated 50 MB corpus', generatedCorpus(50), runs)];
  for (const f of realCorpusFiles()) {
    if (statSync(f.path).size < 512 * 1024) continue;
    rows.push(measure(f.name, readFileSync(f.path, 'utf8'), runs));
  }
  const lines = [
    '| input | size MB | split lines+fields MB/s | parse+check MB/s | ratio | parse+check ms |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const split = mbPerSecond(r.size, r.splitMs);
    const check = mbPerSecond(r.size, r.checkMs);
    lines.push(`| ${r.input} | ${mb(r.size)} | ${split.toFixed(0)} | ${check.toFixed(0)} | ${(check / split).toFixed(2)} | ${r.checkMs.toFixed(0)} |`);
  }
  return lines.join('\n');
}

/** Heap the parsed and checked 50 MB model keeps (documents release their rows after checking). */
export function modelMemorySection(): string {
  const text = generatedCorpus(50);
  gc();
  const before = process.memoryUsage().heapUsed;
  const parsed = parsePubtator(text);
  validateFile(parsed);
  gc();
  const heap = process.memoryUsage().heapUsed - before;
  return `Parsed and checked model of the 50 MB corpus, kept on the heap beside its text: ${mb(heap)} MB `
    + `(${parsed.documents.length} documents).`;
}
