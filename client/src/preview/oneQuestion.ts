// One question at a time per file: an action of the preview that asks the user
// in a modal dialog ("Annotate 12 more occurrences?", "Delete the relations
// too?") is not asked again while its dialog is open. VS Code queues modal
// dialogs, so a key held down (it repeats) or pressed twice would otherwise
// leave a second, stale copy of the question on screen after the first is
// answered, and the workbench inert under it. Pure: no vscode import.

export class OneQuestionAtATime {
  private readonly asking = new Set<string>();

  /** Runs `ask` for `key` (the file) unless a question for it is under way; undefined when dropped. */
  async run<T>(key: string, ask: () => Promise<T>): Promise<T | undefined> {
    if (this.asking.has(key)) return undefined;
    this.asking.add(key);
    try {
      return await ask();
    } finally {
      this.asking.delete(key);
    }
  }
}
