// Edits to the lines of one file, made by line number and applied in one
// pass: lines dropped, a line replaced by others, lines inserted before or
// after a line. Lines no edit names come out exactly as they were (the file's
// line ends included), so a plan without edits gives back the file byte for byte.

export class LinePlan {
  private readonly dropped = new Set<number>();
  private readonly replaced = new Map<number, string[]>();
  private readonly before = new Map<number, string[]>();
  private readonly after = new Map<number, string[]>();

  /** `lines`: the file split on \n, each keeping its \r; `eol` ('\r' or ''): added to inserted lines. */
  constructor(private readonly lines: readonly string[], private readonly cr: string) {}

  drop(line: number): void {
    this.dropped.add(line);
  }

  replace(line: number, lines: string[]): void {
    this.replaced.set(line, lines);
  }

  insertBefore(line: number, lines: string[]): void {
    push(this.before, line, lines);
  }

  insertAfter(line: number, lines: string[]): void {
    push(this.after, line, lines);
  }

  get edited(): boolean {
    return this.dropped.size + this.replaced.size + this.before.size + this.after.size > 0;
  }

  render(): string {
    const out: string[] = [];
    const add = (ls: string[] | undefined) => { for (const l of ls ?? []) out.push(l + this.cr); };
    this.lines.forEach((line, i) => {
      add(this.before.get(i));
      const r = this.replaced.get(i);
      if (r) add(r);
      else if (!this.dropped.has(i)) out.push(line);
      add(this.after.get(i));
    });
    return out.join('\n');
  }
}

function push(map: Map<number, string[]>, key: number, lines: string[]): void {
  const list = map.get(key);
  if (list) list.push(...lines);
  else map.set(key, [...lines]);
}
