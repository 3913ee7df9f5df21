// A BioC XML file checked on worker threads document batch by batch (--jobs
// N > 1): this thread finds where each <document> lies
// (service/bioc/splitXml.ts) and sends batches of them to the workers, which
// parse, project and check them (service/bioc/batchMap.ts); their results are
// taken in file order by the same stream that reads a file serially
// (checkBiocStream.ts), which also reads, on this thread, whatever lies
// between batches (the collection's header and footer) and every batch it
// cannot take as the serial read would have read it. So the output is the
// same byte for byte as with --jobs 1.

import type { BiocBatchResult, BiocBatchTask } from '../service/bioc/batchMap';
import type { BiocBatch, BiocCheckStream } from '../service/bioc/checkBiocStream';
import { DocumentSplitter, type XmlPiece } from '../service/bioc/splitXml';
import { checkChunk } from '../service/streamingValidator';
import type { Diagnostic } from '../service/types';
import type { Run, ValidationOptions } from '../service/validate';
import { OrderedResults, type ChunkRunner } from './runner';

/** Characters of XML a batch gathers (about 50 KB of its projection): smaller batches kept less alive on the workers and cost less CPU (measured 128 KB against 512 KB and 2 MB). */
const BATCH_CHARS = 1 << 17;

/** Where a batch ends in the projection, counted from the batches before it since the last one read here. */
interface LineEnd {
  line: number;
  epoch: number;
}

interface Gathering {
  parts: string[];
  start: number;
  chars: number;
  spans: number[];
  documentsBefore: number;
}

export class BiocSplitCheck {
  private readonly splitter = new DocumentSplitter();
  /** Steps in file order: text read here, batches taken. */
  private readonly steps: OrderedResults;
  private batch: Gathering | undefined;
  /** White space after the last document of the open batch. */
  private gap = '';
  private documentPieces = 0;
  /** Where the last batch sent ends in the projection, once known (undefined: refused before it was projected). */
  private lastEnd: Promise<LineEnd | undefined> | undefined;
  /** Counts the batches read here: a line counted before one of them is stale. */
  private epoch = 0;
  /** Batches taken from the workers, and read here instead. */
  taken = 0;
  refused = 0;

  constructor(
    private readonly stream: BiocCheckStream, private readonly runner: ChunkRunner,
    private readonly options: ValidationOptions, private readonly run: Run, private readonly print: (list: Diagnostic[]) => void,
    private readonly batchChars = BATCH_CHARS,
  ) {
    this.steps = new OrderedResults(runner.threads * 4);
  }

  async write(text: string): Promise<void> {
    this.stream.feedLines(text);
    for (const piece of this.splitter.write(text)) await this.piece(piece);
  }

  async end(): Promise<void> {
    for (const piece of this.splitter.end()) await this.piece(piece);
    await this.flush();
    await this.steps.drain();
  }

  private async piece(p: XmlPiece): Promise<void> {
    if (p.kind === 'text') {
      // Only white space that ends on no CR may sit inside a batch (saxes carries a final CR over).
      if (this.batch && /^[ \t\r\n]*$/.test(p.text) && !p.text.endsWith('\r')) {
        this.gap += p.text;
        return;
      }
      await this.flush();
      await this.serial(p.text);
      return;
    }
    if (this.batch && this.batch.chars >= this.batchChars) await this.flush();
    this.documentPieces++;
    if (!this.batch) {
      this.batch = { parts: [], start: p.start, chars: 0, spans: [], documentsBefore: this.documentPieces - 1 };
    } else if (this.gap) {
      this.batch.parts.push(this.gap);
      this.batch.chars += this.gap.length;
    }
    this.gap = '';
    this.batch.spans.push(this.batch.chars, this.batch.chars + p.text.length);
    this.batch.parts.push(p.text);
    this.batch.chars += p.text.length;
  }

  /** Text read here, in its turn. */
  private async serial(text: string): Promise<void> {
    if (text) await this.steps.then(() => this.readHere(text));
  }

  private readHere(text: string): void {
    this.checkHere(this.stream.read(text));
  }

  /** Batches of this thread's reading, checked here: the workers may all be waiting for a first line only this thread gives. */
  private checkHere(batches: BiocBatch[]): void {
    for (const b of batches) this.print(this.stream.take(b, checkChunk(b.text, b.firstLine, this.options, this.run)));
  }

  /** Sends the open batch to a worker, and takes its result in its turn (or reads it here). */
  private async flush(): Promise<void> {
    const b = this.batch;
    if (!b) return;
    this.batch = undefined;
    const gap = this.gap;
    this.gap = '';
    const text = b.parts.join('');
    const { line, lineStart } = this.stream.lineOf(b.start);
    const task: BiocBatchTask = { kind: 'bioc-batch', text, start: b.start, line, lineStart, spans: b.spans, unit: this.stream.settledUnit, documentsBefore: b.documentsBefore };
    // Its first projection line: where the batch before it ends, once that one is projected (so workers
    // check side by side); where the reading stands when its turn comes if that is not known.
    let reached: (line: number) => void = () => undefined;
    const turn = new Promise<number>((resolve) => { reached = resolve; });
    let ended: (end: LineEnd | undefined) => void = () => undefined;
    const before = this.lastEnd;
    this.lastEnd = new Promise<LineEnd | undefined>((resolve) => { ended = resolve; });
    let given: number | undefined;
    const firstLine = async (lines: number) => {
      const after = before ? await before : undefined;
      // Counted before a batch was read here instead: no longer where this one starts.
      given = after && after.epoch === this.epoch ? after.line : await turn;
      ended({ line: given + lines, epoch: this.epoch });
      return given;
    };
    const result = this.runner.run(task, firstLine) as Promise<BiocBatchResult>;
    // Refused before it asked for its first line: the next batch learns its own in its turn.
    result.then(() => { if (given === undefined) ended(undefined); }, () => ended(undefined));
    await this.steps.then(async () => {
      this.checkHere(this.stream.cutPending());
      reached(this.stream.nextProjectionLine);
      const r = await result;
      // Taken only where it was told the line the reading stands at (a batch read here before it may have moved it).
      if (given === this.stream.nextProjectionLine && this.stream.canTake(task, r)) {
        this.print(this.stream.takeMapped(task, r));
        this.taken++;
      } else {
        this.readHere(text);
        this.refused++;
        this.epoch++;
      }
    });
    await this.serial(gap);
  }
}
