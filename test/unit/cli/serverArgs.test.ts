// The language server run by hand: --help, --version, and no transport give a
// usage and an exit status, never the library's stack trace.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverArgs } from '../../../server/src/lsp/serverArgs';
import { repoRoot } from '../../support/paths';
import { ensureBuilt } from './cliHarness';

before(ensureBuilt);

const SERVER = join(repoRoot, 'dist', 'server', 'server.js');
const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;

function server(args: string[]) {
  return spawnSync(process.execPath, [SERVER, ...args], { encoding: 'utf8', input: '', timeout: 20_000 });
}

test('serverArgs: a transport runs (whatever else the client adds); help and version first; else a usage message', () => {
  for (const argv of [['--stdio'], ['--node-ipc', '--clientProcessId=42'], ['--socket=5007'], ['--pipe=/tmp/p']]) assert.deepEqual(serverArgs(argv), { kind: 'run' }, argv.join(' '));
  assert.deepEqual(serverArgs(['--help']), { kind: 'help' });
  assert.deepEqual(serverArgs(['--stdio', '-h']), { kind: 'help' });
  assert.deepEqual(serverArgs(['-V']), { kind: 'version' });
  assert.deepEqual(serverArgs([]), { kind: 'usage', message: 'no transport given.' });
  assert.deepEqual(serverArgs(['--socket']), { kind: 'usage', message: '--socket needs a value: --socket=PORT.' });
  assert.deepEqual(serverArgs(['--stdin']), { kind: 'usage', message: 'no transport among the arguments (--stdin).' });
});

test('the built server: no arguments exit 2 with the usage; --help and --version exit 0; no stack trace', () => {
  const none = server([]);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /^pubtator-language-server: no transport given\.\nUsage: pubtator-language-server --stdio \| --node-ipc \| --socket=PORT/);
  assert.doesNotMatch(none.stderr, /^\s+at /m);
  assert.equal(none.stdout, '');
  const help = server(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /--stdio .*\n.*--node-ipc .*\n.*--socket=PORT/);
  const v = server(['--version']);
  assert.equal(v.status, 0);
  assert.equal(v.stdout, `${version}\n`);
});
