// A handler that throws must not take the server down or leave the client
// waiting: log the error and answer with the empty result instead.

export interface Logger {
  error(message: string): void;
}

export function runSafe<T>(logger: Logger, what: string, empty: T, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    logger.error(`${what} failed: ${describe(e)}`);
    return empty;
  }
}

export function describe(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  return String(e);
}
