// How the extension starts the server process. Apart from extension.ts (which
// needs vscode) so that the benchmark starts the server exactly as VS Code does.

/**
 * V8 flags for the server. Semi-spaces of 8 MB instead of V8's 16 MB: the
 * server's garbage is short-lived (one document's rows at a time), so a
 * smaller young generation costs a 50 MB file's first check about 15% and
 * saves about 20 MB of resident memory, at its peak and after.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=8'];
