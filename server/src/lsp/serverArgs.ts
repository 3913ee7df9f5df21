// The language server's command line, before any connection is made: a
// transport (what editors pass) starts it; --help and --version answer and
// exit; anything else gets the usage, not the library's stack trace.

export const SERVER_USAGE = `Usage: pubtator-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME
The PubTator language server, started by an editor (VS Code, Neovim, Helix, Emacs ...)
that speaks the Language Server Protocol to it over the transport given.
  --stdio          JSON-RPC on stdin and stdout (most editors)
  --node-ipc       Node's IPC channel (VS Code's client)
  --socket=PORT    a TCP socket on PORT
  --pipe=NAME      a named pipe or Unix socket
  -h, --help       this text
  -V, --version    the version
The command-line checker is 'pubtator' (pubtator --help).
`;

export type ServerArgs =
  | { kind: 'run' }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage'; message: string };

const TRANSPORT = /^--(node-ipc|stdio)$|^--(socket|pipe)=./;

export function serverArgs(argv: readonly string[]): ServerArgs {
  if (argv.some((a) => a === '--help' || a === '-h')) return { kind: 'help' };
  if (argv.some((a) => a === '--version' || a === '-V')) return { kind: 'version' };
  // Clients add their own options (--clientProcessId=N): a transport is what counts.
  if (argv.some((a) => TRANSPORT.test(a))) return { kind: 'run' };
  const half = argv.find((a) => /^--(socket|pipe)$/.test(a));
  if (half) return { kind: 'usage', message: `${half} needs a value: ${half}=${half === '--socket' ? 'PORT' : 'NAME'}.` };
  return { kind: 'usage', message: argv.length ? `no transport among the arguments (${argv.join(' ')}).` : 'no transport given.' };
}
