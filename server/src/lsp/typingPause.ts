// Background work on files that are not open (the workspace checks, the id
// picker's index) gives way to the user: between chunks it lets other
// requests run, and waits while the user is typing.

/** Background work waits this long after the last edit before it goes on. */
export const QUIET_AFTER_EDIT_MS = 400;

/** Yields once, then waits until QUIET_AFTER_EDIT_MS have passed since `lastEdit()` (or `signal` aborts). */
export async function pauseWhileTyping(lastEdit: () => number, signal: AbortSignal): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  for (;;) {
    const wait = lastEdit() + QUIET_AFTER_EDIT_MS - Date.now();
    if (wait <= 0 || signal.aborted) return;
    await new Promise<void>((resolve) => setTimeout(resolve, wait));
  }
}
