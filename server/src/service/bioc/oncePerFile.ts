// BioC findings whose cause is usually the file's writer, not one document:
// offsets counted from each passage, passage offsets that are wrong, documents
// without text. A file where one document has the defect gets it told for that
// document; a file where a thousand have it gets one diagnostic, at the first,
// its message counting the others and its related information pointing at
// them (up to RELATED), instead of a thousand.

import type { Diagnostic } from '../types';
import { TEXTLESS_DOCUMENT } from './textlessDocuments';

/** The codes told once per file, and what the others are counted as. */
const ONCE: ReadonlyMap<string, { one: string; many: string }> = new Map([
  ['bioc-passage-local-offsets', { one: 'document', many: 'documents' }],
  ['bioc-passage-offset', { one: 'passage', many: 'passages' }],
  [TEXTLESS_DOCUMENT, { one: 'document', many: 'documents' }],
]);

/** Whether a BioC code is told once per file. */
export function toldOncePerFile(code: string): boolean {
  return ONCE.has(code);
}

/** Places of the others listed in a diagnostic's related information. */
const RELATED = 100;

interface Gathered<T> {
  first: T;
  count: number;
  related: { range: Diagnostic['range']; message: string }[];
}

export class OncePerFile<T> {
  private readonly codes = new Map<string, Gathered<T>>();

  constructor(private readonly diagnostic: (x: T) => Diagnostic) {}

  /** Keeps a finding told once per file (false for any other finding: the caller tells it as ever). */
  take(x: T): boolean {
    const d = this.diagnostic(x);
    if (!ONCE.has(d.code)) return false;
    const g = this.codes.get(d.code);
    if (!g) {
      this.codes.set(d.code, { first: x, count: 1, related: [] });
    } else {
      g.count++;
      if (g.related.length < RELATED) g.related.push({ range: d.range, message: d.message });
    }
    return true;
  }

  /** One finding per code met: the first, counting the others and pointing at them. */
  result(): T[] {
    const out: T[] = [];
    for (const [code, g] of this.codes) {
      const more = g.count - 1;
      if (more > 0) {
        const d = this.diagnostic(g.first);
        const noun = ONCE.get(code)!;
        const listed = more > g.related.length ? ` (the first ${g.related.length} listed)` : '';
        d.message += `; so do ${more} more ${more === 1 ? noun.one : noun.many} of this file${listed}`;
        d.relatedInformation = [...(d.relatedInformation ?? []), ...g.related];
      }
      out.push(g.first);
    }
    return out;
  }
}
