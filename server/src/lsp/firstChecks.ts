// Diagnostics first. When an editor opens a large file it asks at once for
// whole-file answers (all semantic tokens, folding, the outline, code lenses),
// each of which reads every document; answered in arrival order they kept the
// file's first diagnostics waiting for seconds. Whole-file requests on a large
// file that has not been checked yet wait here until its first check is out;
// requests for a screen (hover, a token range, inlay hints) never wait.

export class FirstChecks {
  private readonly pending = new Map<string, { done: Promise<void>; resolve: () => void }>();

  /** A large file was opened: its whole-file requests wait for `checked`. */
  expect(uri: string): void {
    if (this.pending.has(uri)) return;
    let resolve!: () => void;
    const done = new Promise<void>((r) => { resolve = r; });
    this.pending.set(uri, { done, resolve });
  }

  /** Resolves once the file's first check is out (at once if none is awaited). */
  wait(uri: string): Promise<void> {
    return this.pending.get(uri)?.done ?? Promise.resolve();
  }

  /** The first check ran (or the file closed): release whoever waits. */
  checked(uri: string): void {
    const entry = this.pending.get(uri);
    if (!entry) return;
    this.pending.delete(uri);
    entry.resolve();
  }
}
