// Documents to the groups that pair: a document plus the blocks that continue
// it under the same id (the parser's `continuesPrevious`), numbered by how
// often their id occurred before in the same file. Works on a whole parsed
// file, or document by document for a stream.

import type { ParsedFile, PubtatorDocument } from '../parse/model';
import type { DocumentGroup } from './model';

export class GroupCollector {
  private open: DocumentGroup | undefined;
  /** Groups seen per id; grows with the number of distinct ids (about 70 bytes each). */
  private readonly seen = new Map<string, number>();

  constructor(private readonly onGroup: (group: DocumentGroup) => void, private source?: string) {}

  /** The next documents come from another file: a group never spans two files. */
  startFile(source: string): void {
    this.flush();
    this.source = source;
  }

  add(doc: PubtatorDocument): void {
    if (this.open && doc.continuesPrevious && doc.id === this.open.id) {
      this.open.blocks.push(doc);
      return;
    }
    this.flush();
    const occurrence = this.seen.get(doc.id) ?? 0;
    this.seen.set(doc.id, occurrence + 1);
    this.open = { id: doc.id, occurrence, blocks: [doc] };
    if (this.source !== undefined) this.open.source = this.source;
  }

  /** Hands over the group being built (call at the end of the input). */
  flush(): void {
    const group = this.open;
    this.open = undefined;
    if (group) this.onGroup(group);
  }
}

export function groupsOf(file: ParsedFile, source?: string): DocumentGroup[] {
  const out: DocumentGroup[] = [];
  const collector = new GroupCollector((g) => out.push(g), source);
  for (const doc of file.documents) collector.add(doc);
  collector.flush();
  return out;
}
