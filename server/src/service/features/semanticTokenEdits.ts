// What changed between two encodings of a file's semantic tokens, as one LSP
// SemanticTokensEdit: the numbers both share at the start and at the end are
// kept, the middle is replaced. An edit in a 50 MB file then sends the client
// a few numbers instead of the whole file's tokens (about 5 MB of JSON).
// (The library's SemanticTokensBuilder does the same over its own number
// arrays; ours are typed arrays built in one copy, see encodedFileTokens.)

export interface TokenEdit {
  start: number;
  deleteCount: number;
  data: number[];
}

/** The edits turning `previous` into `current`: none when equal, else one. */
export function tokenEdits(previous: Uint32Array, current: Uint32Array): TokenEdit[] {
  const shorter = Math.min(previous.length, current.length);
  let head = 0;
  while (head < shorter && previous[head] === current[head]) head++;
  if (head === previous.length && head === current.length) return [];
  let tail = 0;
  while (tail < shorter - head && previous[previous.length - 1 - tail] === current[current.length - 1 - tail]) tail++;
  return [{
    start: head,
    deleteCount: previous.length - head - tail,
    data: Array.from(current.subarray(head, current.length - tail)),
  }];
}
