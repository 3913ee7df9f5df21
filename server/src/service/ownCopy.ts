// Copies of what is kept after the text it was cut from is gone. V8 cuts a
// substring of 13 characters or more as a slice that keeps its whole parent
// alive, and a message built from such parts keeps them too: one kept id or
// diagnostic per chunk would keep every chunk of a streamed file. Structured
// clone writes fresh strings (and is what crossing to a worker does anyway).

/** V8's shortest sliced string: shorter substrings are copied already. */
const SLICE_MIN = 13;

/** `value` with strings of its own. */
export function ownCopy<T>(value: T): T {
  return structuredClone(value);
}

/** A string of its own (cheap for short ones, which are never slices). */
export function ownString(s: string): string {
  return s.length < SLICE_MIN ? s : structuredClone(s);
}
