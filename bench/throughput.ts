// Parse + check throughput next to the throughput of merely splitting the same
// text into lines and tab fields, measured in the same run.

import { readFileSync, statSync } from 'node:fs';
import { parsePubtator } from '../server/src/service/parse/parseFile';
import { validateFile } from '../server/src/service/validate';
import { IncrementalFile } from '../server/src/service/incrementalFile';
import { prepareFileCounts } from '../server/src/service/features/fileIndex';
import { ChunkedTextDocument } from '../server/src/lsp/chunkedTextDocument';
import { generatedCorpus, realCorpusFiles } from './corpus';
import { gc, mb, mbPerSecond, splitLinesAndFields, timeInTurns } from './measure';

interface Row {
  input: string;
  size: number;
  splitMs: number;
  checkMs: number;
}

function measure(input: string, text: string, runs: number): Row {
  const size = Buffer.byteLength(text);
  // Baseline and check take turns, so that both see the machine in the same state.
  const [splitMs, checkMs] = timeInTurns([() => splitLinesAndFields(text), () => validateFile(parsePubtator(text))], runs);
  return { input, size, splitMs, checkMs };
}

/**
 * The corpus with "β-α" at the end of every 50th abstract (no offset moves): one character past
 * Latin-1 makes V8 hold the whole text as a two-byte string, where a search for a character that
 * is absent has no quick answer. A scan that runs to the end of the text once per document shows
 * here (it made this file 60 times slower) and not on the one-byte corpus.
 */
function withGreekLetters(text: string): string {
  let n = 0;
  return text.replace(/^\d+\|a\|.*$/gm, (abstract) => (n++ % 50 === 0 ? `${abstract} β-α` : abstract));
}

export function throughputSection(runs: number): string {
  const generated = generatedCorpus(50);
  const rows: Row[] = [
    measure('generated 50 MB corpus', generated, runs),
    measure('the same with a Greek letter in every 50th abstract (a two-byte string)', withGreekLetters(generated), runs),
  ];
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

/**
 * What the server keeps for an open 50 MB file, measured in process with
 * forced collections: the text (held by the chunked document), the document
 * index, each document's diagnostics and the file-wide concept counts.
 */
export function modelMemorySection(): string {
  gc();
  const before = process.memoryUsage().heapUsed;
  // A copy, as the server gets the text from a JSON-RPC message.
  const text = JSON.parse(JSON.stringify(generatedCorpus(50))) as string;
  const document = ChunkedTextDocument.create('file:///bench.pubtator', 'pubtator', 1, text);
  const file = new IncrementalFile(text);
  const diagnostics = file.diagnostics();
  prepareFileCounts(file.file);
  gc();
  const kept = process.memoryUsage().heapUsed - before;
  const size = Buffer.byteLength(text);
  // Still in use here, so the collection above could not take them.
  if (document.lineCount === 0) console.log('unreachable');
  return `Kept on the heap for the open 50 MB file (${file.file.documents.length} documents, ${diagnostics.length} diagnostics): `
    + `${mb(kept)} MB, ${(kept / size).toFixed(2)}× the file.`;
}
