// Binary search by index, for every sorted table of the project (documents by
// line, line and passage starts, code-point and byte tables, stray lines, MeSH
// keys): each caller says only what "before" means for its table.

/**
 * The first index in [0, length) at which `before(i)` is false, where
 * `before` holds on a prefix of the indices and nowhere after it; `length`
 * when it holds everywhere.
 */
export function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
