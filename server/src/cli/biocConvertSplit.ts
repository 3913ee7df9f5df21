// `convert --jobs N`, BioC XML to PubTator: this thread finds where each
// <document> lies (service/bioc/splitXml.ts) and sends batches of them to the
// runner's threads, which parse and project them (service/bioc/convertBatch.ts);
// their text is written in file order by the same stream that converts a file
// serially (convertStream.ts), which also reads, on this thread, whatever lies
// between batches (the collection's header and footer) and every batch it
// cannot take as the serial read would have read it. So the output and the
// warnings are the same byte for byte as with --jobs 1. Memory: at most a
// few batches per thread are in flight (OrderedResults holds the reading back).

import type { BiocConvertResult, BiocConvertTask } from '../service/bioc/convertBatch';
import { SNIFF, type ConvertStream } from '../service/bioc/convertStream';
import { DocumentSplitter, type XmlPiece } from '../service/bioc/splitXml';
import { OrderedResults, type ChunkRunner } from './runner';

/** Characters of XML a batch gathers (as the split check's: biocSplit.ts). */
const BATCH_CHARS = 1 << 17;

interface Gathering {
  parts: string[];
  start: number;
  chars: number;
  spans: number[];
  documentsBefore: number;
}

export class BiocConvertSplit {
  private readonly splitter = new DocumentSplitter();
  /** Steps in file order: text read here, batches taken. */
  private readonly steps: OrderedResults;
  private batch: Gathering | undefined;
  /** White space after the last document of the open batch. */
  private gap = '';
  private documentPieces = 0;
  /** Batches taken from the runner, and read here instead. */
  taken = 0;
  refused = 0;

  /** `put`: writes output text, in order. */
  constructor(
    private readonly stream: ConvertStream, private readonly runner: ChunkRunner, private readonly put: (text: string) => Promise<void>,
    private readonly batchChars = BATCH_CHARS,
  ) {
    this.steps = new OrderedResults(Math.max(2, runner.threads * 4));
  }

  /** The input's first characters, until there are enough to tell its format (as the stream would tell it). */
  private head: string | undefined = '';

  async write(text: string): Promise<void> {
    if (this.head !== undefined) {
      this.head += text;
      if (this.head.length < SNIFF) return;
      text = this.sniffed();
    }
    for (const piece of this.splitter.write(text)) await this.piece(piece);
  }

  /** The input is over: every step done (the caller then ends the stream). */
  async end(): Promise<void> {
    if (this.head !== undefined) for (const piece of this.splitter.write(this.sniffed())) await this.piece(piece);
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

  /** The head, once the stream has told the format from it. */
  private sniffed(): string {
    const head = this.head!;
    this.head = undefined;
    this.stream.sniff(head);
    return head;
  }

  /** Text read here, in its turn. */
  private async serial(text: string): Promise<void> {
    if (text) await this.steps.then(() => this.put(this.stream.write(text)));
  }

  /** Sends the open batch to the runner, and takes its result in its turn (or reads the batch here). */
  private async flush(): Promise<void> {
    const b = this.batch;
    if (!b) return;
    this.batch = undefined;
    const gap = this.gap;
    this.gap = '';
    const text = b.parts.join('');
    const task: BiocConvertTask = { kind: 'bioc-convert', text, start: b.start, spans: b.spans, unit: this.stream.settledUnit, documentsBefore: b.documentsBefore };
    const result = this.runner.run(task) as Promise<BiocConvertResult>;
    await this.steps.add(result, async (r) => {
      if (this.stream.canTake(task, r)) {
        this.taken++;
        await this.put(this.stream.takeBatch(task, r));
      } else {
        this.refused++;
        await this.put(this.stream.write(text));
      }
    });
    await this.serial(gap);
  }
}
