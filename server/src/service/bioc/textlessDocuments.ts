// Documents with annotations but no passage text at all: a stand-off file
// whose writer left the text out (the Python `bioc` package's PubTator
// converter writes annotations at document level and no passage). Nothing can
// be checked against text there, which is one cause: one finding per file, at
// its first such document, counting the others; not one per annotation
// location, nor the PubTator text checks of the empty title the projection
// writes for each.

/** The finding's code. */
export const TEXTLESS_DOCUMENT = 'bioc-document-without-text';

/** PubTator checks about a document's text, left out on a text-less document's title line. */
export const TEXT_CODES: ReadonlySet<string> = new Set(['truncated-text', 'offset-drift']);

/** Gathers a file's text-less-document findings into its one. */
export class TextlessDocuments<T> {
  private first: T | undefined;
  private count = 0;

  constructor(private readonly finding: (x: T) => { code: string; message: string }) {}

  /** Keeps the file's first such finding and counts the others; false when `x` is another finding. */
  take(x: T): boolean {
    if (this.finding(x).code !== TEXTLESS_DOCUMENT) return false;
    this.count++;
    this.first ??= x;
    return true;
  }

  /** The file's one finding (none when it has no text-less document), its message counting the others. */
  result(): T[] {
    if (this.first === undefined) return [];
    const more = this.count - 1;
    if (more > 0) this.finding(this.first).message += `; so do ${more} more document${more === 1 ? '' : 's'} of this file`;
    return [this.first];
  }
}
