// Why an input could not be read, in words a user can act on (no stack trace).

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ELOOP: 'symbolic link loop',
  EMFILE: 'too many open files',
  EIO: 'input/output error',
  Z_DATA_ERROR: 'not valid gzip data',
  Z_BUF_ERROR: 'truncated gzip data',
};

/** A problem found by the CLI itself (binary data, a directory loop). */
export class InputError extends Error {}

export function describeError(err: unknown): string {
  if (err instanceof InputError) return err.message;
  if (err && typeof err === 'object') {
    const e = err as { code?: unknown; message?: unknown };
    const code = typeof e.code === 'string' ? e.code : undefined;
    const message = typeof e.message === 'string' ? e.message : '';
    const reason = code ? REASONS[code] : undefined;
    if (reason && code?.startsWith('Z_')) return `${reason} (${message})`;
    if (reason) return reason;
    if (message) return code ? `${message} (${code})` : message;
  }
  return String(err);
}
