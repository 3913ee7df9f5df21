// Buffered line output: one write per batch instead of one per diagnostic,
// and the progress bar erased first when both share a terminal.

export class LineOutput {
  private buffer: string[] = [];
  private size = 0;
  beforeWrite: (() => void) | undefined;

  constructor(private readonly stream: NodeJS.WritableStream, private readonly limit = 1 << 16) {}

  line(text: string): void {
    this.buffer.push(text);
    this.size += text.length + 1;
    if (this.size >= this.limit) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    this.beforeWrite?.();
    this.stream.write(this.buffer.join('\n') + '\n');
    this.buffer = [];
    this.size = 0;
  }
}
