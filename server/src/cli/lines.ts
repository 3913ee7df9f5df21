// Decoded text, in pieces of any size, to lines. Splits on "\n" only, as the
// parser does: a "\r" before it stays on the line (the parser strips it and
// notes CRLF), and a last line without a newline is still a line.

export class LineSplitter {
  private partial = '';

  constructor(private readonly onLine: (line: string) => void) {}

  push(text: string): void {
    let nl = text.indexOf('\n');
    if (nl < 0) {
      this.partial += text;
      return;
    }
    this.onLine(this.partial + text.slice(0, nl));
    this.partial = '';
    let from = nl + 1;
    while ((nl = text.indexOf('\n', from)) >= 0) {
      this.onLine(text.slice(from, nl));
      from = nl + 1;
    }
    this.partial = text.slice(from);
  }

  /** Flushes a last line that had no newline. An empty remainder is no line. */
  end(): void {
    if (this.partial !== '') this.onLine(this.partial);
    this.partial = '';
  }
}
