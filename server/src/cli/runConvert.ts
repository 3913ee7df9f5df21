// `pubtator convert`: reads one input (file, .gz, or stdin) piece by piece,
// converts it as it goes (service/bioc/convertStream.ts: in the memory of a few
// documents; a BioC JSON header after the documents: deferredHead.ts) and writes the result
// atomically to -o (gzip when it ends in .gz) or to stdout. What the target
// cannot hold is told on stderr, once per kind. On a terminal a progress bar
// (progress.ts, as check draws it) shows the input's bytes read of its size,
// unless --quiet. BioC XML to PubTator runs on --jobs threads when that pays
// (biocConvertSplit.ts; runners.ts defaultConvertJobs): the same output.

import { promises as fs } from 'node:fs';
import { ConvertStream } from '../service/bioc/convertStream';
import { detectFormat } from '../service/bioc/detect';
import { prepare } from '../service/validate';
import { BiocConvertSplit } from './biocConvertSplit';
import { createSplitRunner, defaultConvertJobs } from './runners';
import type { ChunkRunner } from './runner';
import { AtomicFile } from './atomicFile';
import { DeferredOutput } from './deferredHead';
import type { ConvertCommand } from './convertArgs';
import { describeError } from './errors';
import { printable } from './format';
import { ProgressBar, type ProgressTiming } from './progress';
import { readInput, type ReadCounters } from './readInput';
import type { Streams } from './runCheck';

/** Characters read before the format, and so the way to convert, is told (as ConvertStream sniffs). */
const HEAD = 4096;

export async function runConvert(command: ConvertCommand, io: Streams = process, timing?: ProgressTiming): Promise<number> {
  const name = command.input === '-' ? 'stdin' : command.input;
  const header: { source?: string; date?: string; key?: string } = {};
  if (command.source !== undefined) header.source = command.source;
  if (command.date !== undefined) header.date = command.date;
  if (command.key !== undefined) header.key = command.key;
  const stream = new ConvertStream({ to: command.to, outputUnit: command.unit, inputUnit: command.offsets, header });
  let file: AtomicFile | undefined;
  try {
    file = command.output ? await AtomicFile.create(command.output, { gzip: /\.gz$/i.test(command.output) }) : undefined;
  } catch (err) {
    io.stderr.write(`pubtator: ${printable(command.output ?? '')}: ${printable(describeError(err))}\n`);
    return 2;
  }
  const counters: ReadCounters = { raw: 0, text: 0 };
  // The size on disk (compressed for .gz, as the bytes counted are); unknown for stdin.
  const size = command.input === '-' ? undefined : await fs.stat(command.input).then((s) => (s.isFile() ? s.size : undefined), () => undefined);
  const progress = command.quiet ? undefined : ProgressBar.forStream(io.stderr, size, () => counters.raw, timing);
  if (progress) progress.label = printable(name);
  // Converted text on the same terminal as the bar: the bar is erased first (it comes back on the next tick).
  const beforeStdout = progress && io.stdout.isTTY ? () => progress.clear() : () => undefined;
  const emit = async (text: string) => {
    if (text === '') return;
    if (file) await file.write(text);
    else {
      beforeStdout();
      if (!io.stdout.write(text)) await new Promise((resolve) => (io.stdout as NodeJS.WritableStream).once('drain', resolve));
    }
  };
  const deferred = new DeferredOutput(emit);
  const put = (text: string) => deferred.put(text, stream.headDeferred);
  const decoder = new TextDecoder('utf-8');
  const gzip = /\.gz$/i.test(command.input);
  // Where the text goes, once the head tells the format: this thread, or split over threads.
  let runner: ChunkRunner | undefined;
  let split: BiocConvertSplit | undefined;
  let sink: ((text: string) => Promise<void>) | undefined;
  let head = '';
  const choose = async () => {
    const to = command.to ?? (detectFormat(head) === 'pubtator' ? 'bioc-xml' : 'pubtator');
    const jobs = command.jobs ?? defaultConvertJobs();
    if (detectFormat(head) === 'bioc-xml' && to === 'pubtator' && jobs > 1) {
      runner = createSplitRunner(jobs, { options: {}, run: prepare({}) }, { totalBytes: size, compressed: gzip || size === undefined ? true : undefined });
      if (runner) split = new BiocConvertSplit(stream, runner, put);
    }
    sink = split ? (text) => split!.write(text) : (text) => put(stream.write(text));
    await sink(head);
  };
  progress?.start();
  try {
    await readInput({ path: command.input, gzip, stdin: command.input === '-' }, counters, async (bytes) => {
      const text = decoder.decode(bytes, { stream: true });
      if (sink) return sink(text);
      head += text;
      if (head.length >= HEAD) await choose();
    });
    const rest = decoder.decode();
    if (sink) await sink(rest);
    else {
      head += rest;
      await choose();
    }
    await split?.end();
    await put(stream.end());
    if (stream.headDeferred) await deferred.finish(stream.deferredHead());
    progress?.stop();
    await file?.commit();
  } catch (err) {
    progress?.stop();
    await runner?.close();
    runner = undefined;
    await deferred.discard();
    await file?.discard();
    io.stderr.write(`pubtator: ${printable(name)}: ${printable(describeError(err))}\n`);
    return 2;
  } finally {
    await runner?.close();
  }
  for (const e of stream.errors) io.stderr.write(`pubtator: ${printable(name)}: error: ${printable(e)}\n`);
  for (const w of stream.warnings) io.stderr.write(`pubtator: ${printable(name)}: warning: ${printable(w)}\n`);
  const note = stream.unitNote;
  if (note && !command.quiet) io.stderr.write(`pubtator: ${printable(name)}: ${stream.from} -> ${stream.to}; ${printable(note)}\n`);
  return stream.errors.length > 0 ? 1 : 0;
}
