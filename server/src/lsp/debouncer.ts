// Validation waits for typing to pause. A run is keyed by document uri: a new
// edit replaces the pending run, and a run whose version is no longer current
// when its timer fires is skipped, so only the newest text gets validated.

export class Debouncer {
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly delayMs: number) {}

  /**
   * Runs `task` after the delay unless another schedule for the same uri comes
   * first, and only if `isCurrent()` still holds then.
   */
  schedule(uri: string, isCurrent: () => boolean, task: () => void, delayMs = this.delayMs): void {
    this.cancel(uri);
    const timer = setTimeout(() => {
      this.pending.delete(uri);
      if (isCurrent()) task();
    }, delayMs);
    this.pending.set(uri, timer);
  }

  cancel(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.pending.delete(uri);
    }
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }
}
