// Keeps objects of the shapes a chunk's check is made of alive between two
// chunks (validate.ts makes them from a copy of the chunk's last document).
//
// Why: V8 drops an object shape (its hidden class) that no live object has at a
// full collection, and with it all the optimized code built for that shape (a
// "weak objects" deoptimization). A thread that checks chunk after chunk is
// idle between two, when nothing of the documents, rows and checking context
// is alive, and that is just when V8 ends its full collections (the task that
// finishes an incremental marking runs when the thread is idle). Each such
// collection threw the checker's optimized code away, about 60 hot functions at
// once, compiled again on V8's background threads: 0-4 times per 200 MB in every
// thread, a quarter of the compiling a `--jobs 2` run did. The objects kept are
// made from a copy of one document's text, not the chunk's: a kept chunk would
// live through the next full collection and raise every thread's heap.

let kept: unknown;

/** Holds `objects` until the next call. */
export function keepUntilNextChunk(objects: unknown): void {
  kept = objects;
}

/** What is held (tests). */
export function keptObjects(): unknown {
  return kept;
}
