// Lines to blocks the streaming validator can check one at a time. A block
// ends where the parser would close a document anyway: at a blank line, or
// just before a title line (documents written without blank lines between
// them). Blocks gather documents up to a target size: one validation per
// quarter megabyte instead of one per document cuts the per-call overhead
// while memory stays bounded. Line numbers are those of the whole file, 0-based.

export interface Block {
  firstLine: number;
  /** The block's lines joined by "\n" (each may keep its "\r"; blank lines inside kept). */
  text: string;
}

// What the parser takes for a title line: ID|t| or ID|title|.
const TITLE = /^[^\t|]+\|(?:t|title)\|/;

/** Blank as the parser sees it: only spaces, TABs, CRs and byte-order marks. */
export function isBlankLine(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

export class BlockSplitter {
  private lines: string[] = [];
  private size = 0;
  private firstLine = 0;
  private lineNo = 0;

  /** `target`: characters to gather before ending a block at the next boundary (0: end at each). */
  constructor(private readonly onBlock: (block: Block) => void, private readonly target = 0) {}

  /** Lines seen so far. */
  get lineCount(): number {
    return this.lineNo;
  }

  line(text: string): void {
    const no = this.lineNo++;
    const full = this.size >= this.target;
    if (isBlankLine(text)) {
      // Blank lines between blocks belong to none; inside one they are kept.
      if (full) this.flush();
      else if (this.lines.length > 0) this.add(text);
      return;
    }
    if (full && this.lines.length > 0 && TITLE.test(text)) this.flush();
    if (this.lines.length === 0) this.firstLine = no;
    this.add(text);
  }

  private add(text: string): void {
    this.lines.push(text);
    this.size += text.length + 1;
  }

  end(): void {
    this.flush();
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    const block = { firstLine: this.firstLine, text: this.lines.join('\n') };
    this.lines = [];
    this.size = 0;
    this.onBlock(block);
  }
}
