// A large file's check, a slice of documents at a time. Checking a 50 MB file
// takes seconds on one thread; done in one go, every request that arrives
// meanwhile waits, and a hover asked for just after opening the file came back
// when the editor had given up on it (nothing shown). Between slices the event
// loop runs, so a hover (or any screen-sized request) is answered within a
// slice's time; the last step (validateFileReusing) reuses what the slices
// checked and only settles the file's habits.

import type { ParsedFile } from '../service/parse/model';
import { checkDocumentsAhead, type ValidationOptions } from '../service/validate';

/** About how long one slice may keep the event loop (ms): well under what a hover may take. */
export const SLICE_MS = 30;
/** Documents checked between two looks at the clock. */
const STEP = 64;

/** Lets the event loop take the messages that arrived (they are processed before the next slice); a web worker has no setImmediate. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}

/**
 * Checks `file`'s documents ahead of its diagnostics, yielding between slices.
 * False when `current()` says the file changed meanwhile (its own check follows).
 */
export async function checkInSlices(file: ParsedFile, options: ValidationOptions, current: () => boolean, sliceMs = SLICE_MS): Promise<boolean> {
  const total = file.documents.length;
  let next = 0;
  while (next < total) {
    const started = performance.now();
    do {
      checkDocumentsAhead(file, options, next, next + STEP);
      next += STEP;
    } while (next < total && performance.now() - started < sliceMs);
    await yieldToEventLoop();
    if (!current()) return false;
  }
  return true;
}
