// Keeps the objects of the last chunk checked on this thread alive until the
// next chunk's check starts (validate.ts validateChunk), so between two chunks.
//
// Why: V8 drops an object shape (its hidden class) that no live object has at a
// full collection, and with it all the optimized code built for that shape (a
// "weak objects" deoptimization). A thread that checks chunk after chunk is
// idle between two, when nothing of the documents, rows and checking context
// is alive, and that is just when V8 ends its full collections (the task that
// finishes an incremental marking runs when the thread is idle). Each such
// collection threw the checker's optimized code away, about 60 hot functions at
// once, compiled again on V8's background threads: 0-4 times per 200 MB in every
// thread, a quarter of the compiling a `--jobs 2` run did. Holding the last
// chunk's objects while the thread waits for the next (and the last document's
// rows, taken while they are parsed) costs no work, and no memory at the peak:
// they are let go as soon as the next chunk's are parsed.

let kept: unknown;

/** Holds `objects` until the next call. */
export function keepUntilNextChunk(objects: unknown): void {
  kept = objects;
}

/** What is held (tests). */
export function keptObjects(): unknown {
  return kept;
}
