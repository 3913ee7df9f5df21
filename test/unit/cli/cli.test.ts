// The built CLI, run as users and CI run it: exit codes, both output formats,
// options, folders, .gz, and inputs that cannot be read.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHECKS } from '../../../server/src/service/checks/index';
import { repoRoot } from '../../support/paths';
import { CLI_FIXTURES, diagnosticLines, ensureBuilt, run, tempDir } from './cliHarness';

const tmp = tempDir();
before(ensureBuilt);
after(() => tmp.remove());

function fixture(name: string): string {
  return readFileSync(join(CLI_FIXTURES, name), 'utf8');
}

/** No stack trace: no "    at fn (file:line)" lines. */
function assertNoStack(stderr: string): void {
  assert.doesNotMatch(stderr, /^\s+at .+:\d+/m);
}

test('a clean file: exit 0, a summary, nothing on stderr (no progress bar off a terminal)', () => {
  const r = run(['check', 'clean.pubtator']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(diagnosticLines(r.stdout), []);
  assert.match(r.stdout, /^Checked 1 file, [\d.]+ KB: 2 documents, 6 mentions, 1 relation\.$/m);
  assert.match(r.stdout, /^0 errors, 0 warnings, 0 information, 0 hints\.$/m);
  assert.match(r.stdout, /^Elapsed [\d.]+ s, [\d.]+ MB\/s\.$/m);
  assert.equal(r.stderr, '');
});

test('errors: exit 1, path:line:col: severity code message, per-code counts', () => {
  const r = run(['check', 'errors.pubtator']);
  assert.equal(r.code, 1, r.stderr);
  const lines = diagnosticLines(r.stdout);
  assert.equal(lines.length, 3);
  assert.match(lines[0], /^errors\.pubtator:4:6: error text-mismatch Offsets 13-18 cover "sleep" but the row says "sleap"/);
  assert.match(lines[1], /^errors\.pubtator:5:21: warning entity-type-typo "Chemcal" occurs once; the file uses "Chemical" 3 times\./);
  assert.match(lines[2], /^errors\.pubtator:11:1: warning duplicate-document Document 2001 already appears at line 1;/);
  assert.match(r.stdout, /^1 error, 2 warnings, 0 information, 0 hints\.$/m);
  assert.match(r.stdout, /^ {2}text-mismatch +1 {2}error$/m);
  assert.match(r.stdout, /^ {2}duplicate-document +1 {2}warning$/m);
});

test('--json: one object per line with LSP positions, then a summary object, no human summary', () => {
  const r = run(['check', '--json', 'errors.pubtator']);
  assert.equal(r.code, 1);
  const objects = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  const summary = objects.pop();
  assert.deepEqual(objects[0], {
    file: 'errors.pubtator', line: 3, character: 5, endLine: 3, endCharacter: 10, severity: 'error', code: 'text-mismatch',
    message: objects[0].message,
  });
  assert.deepEqual(objects.map((o) => Object.keys(o)), objects.map(() => ['file', 'line', 'character', 'endLine', 'endCharacter', 'severity', 'code', 'message']));
  assert.deepEqual(objects.map((o) => o.severity), ['error', 'warning', 'warning']);
  assert.equal(summary.summary.files, 1);
  assert.equal(summary.summary.errors, 1);
  assert.deepEqual(summary.summary.codes, { 'text-mismatch': 1, 'duplicate-document': 1, 'entity-type-typo': 1 });
  assert.doesNotMatch(r.stdout, /Checked/);
});

test('--severity changes levels and the exit code; a bad code or level is a usage error listing the codes', () => {
  const lowered = run(['check', '--severity', 'text-mismatch=warning', 'errors.pubtator']);
  assert.equal(lowered.code, 0);
  assert.match(lowered.stdout, /errors\.pubtator:4:6: warning text-mismatch/);
  const off = run(['check', '--severity', 'duplicate-document=off', '--severity', 'entity-type-typo=error', 'errors.pubtator']);
  assert.equal(off.code, 1);
  assert.doesNotMatch(off.stdout, /duplicate-document/);
  assert.match(off.stdout, /errors\.pubtator:5:21: error entity-type-typo/);
  for (const bad of ['no-such-check=error', 'text-mismatch=loud']) {
    const r = run(['check', '--severity', bad, 'errors.pubtator']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    for (const c of CHECKS) assert.ok(r.stderr.includes(c.code), `${bad}: stderr lists ${c.code}`);
  }
});

test('--offsets: an astral character makes code point and UTF-16 offsets differ', () => {
  const codepoint = run(['check', 'astral.pubtator']);
  assert.equal(codepoint.code, 0);
  // The hint on the type column after the emoji: UTF-16 column 28 (0-based), as LSP counts.
  assert.deepEqual(diagnosticLines(codepoint.stdout).map((l) => l.split(' ').slice(0, 3).join(' ')), ['astral.pubtator:5:29: hint unknown-entity-type']);
  const json = JSON.parse(run(['check', '--json', 'astral.pubtator']).stdout.split('\n')[0]);
  assert.deepEqual([json.line, json.character, json.endCharacter], [4, 28, 35]);
  const utf16 = run(['check', '--offsets', 'utf16', 'astral.pubtator']);
  assert.equal(utf16.code, 1);
  assert.match(utf16.stdout, /astral\.pubtator:3:6: error text-mismatch Offsets 13-21 cover " ketamin"/);
  assert.equal(run(['check', '--offsets', 'bytes', 'astral.pubtator']).code, 2);
});

test('folders are walked recursively for PubTator names; a file named explicitly is checked whatever its name', () => {
  const r = run(['check', 'tree']);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^Checked 3 files,/m);
  assert.deepEqual(diagnosticLines(r.stdout).map((l) => l.split(':')[0]), [join('tree', 'sub', 'b.PubTator')]);
  assert.doesNotMatch(r.stdout, /notes\.txt|readme/);
  // Named explicitly it is read, and found not to be PubTator at all.
  const named = run(['check', join('tree', 'sub', 'notes.txt')]);
  assert.equal(named.code, 2);
  assert.match(named.stderr, /notes\.txt: not a PubTator file/);
});

test('.gz files are decompressed as they are read, in folders and named', () => {
  const dir = join(tmp.path, 'gz');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'errors.pubtator.gz'), gzipSync(fixture('errors.pubtator')));
  writeFileSync(join(dir, 'sub', 'Clean_PubTator.txt.gz'), gzipSync(fixture('clean.pubtator')));
  writeFileSync(join(dir, 'sub', 'other.gz'), gzipSync('not a PubTator name'));
  const r = run(['check', dir]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^Checked 2 files, .* KB on disk\): 5 documents/m);
  const plain = diagnosticLines(run(['check', 'errors.pubtator']).stdout);
  const gz = diagnosticLines(r.stdout).map((l) => l.replace(join(dir, 'errors.pubtator.gz'), 'errors.pubtator'));
  assert.deepEqual(gz, plain);
});

test('a corrupt or truncated .gz is reported on stderr with exit 2; the other files are still checked', () => {
  const dir = join(tmp.path, 'badgz');
  mkdirSync(dir);
  writeFileSync(join(dir, 'corrupt.pubtator.gz'), 'this is not gzip data\n');
  const whole = gzipSync(fixture('clean.pubtator').repeat(50));
  writeFileSync(join(dir, 'truncated.pubtator.gz'), whole.subarray(0, whole.length >> 1));
  writeFileSync(join(dir, 'ok.pubtator'), fixture('clean.pubtator'));
  const r = run(['check', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /corrupt\.pubtator\.gz: not valid gzip data/);
  assert.match(r.stderr, /truncated\.pubtator\.gz: .*(unexpected end of file|truncated)/);
  assert.match(r.stdout, /^Checked 1 file,/m);
  assert.match(r.stdout, /2 inputs could not be read/);
  assertNoStack(r.stderr);
});

test('a missing file: a clear message naming it, exit 2, no stack trace, the others checked', () => {
  const r = run(['check', 'no-such-file.pubtator', 'clean.pubtator']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, 'pubtator: no-such-file.pubtator: no such file or directory\n');
  assert.match(r.stdout, /^Checked 1 file,/m);
  const json = run(['check', '--json', 'no-such-file.pubtator']);
  assert.equal(json.code, 2);
  assert.deepEqual(JSON.parse(json.stdout).summary.unreadable, [{ file: 'no-such-file.pubtator', reason: 'no such file or directory' }]);
});

test('a folder symlink loop is detected, reported and not followed', () => {
  const dir = join(tmp.path, 'loop');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'sub', 'a.pubtator'), fixture('clean.pubtator'));
  symlinkSync('..', join(dir, 'sub', 'back'));
  symlinkSync('self.pubtator', join(dir, 'self.pubtator'));
  const r = run(['check', dir]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /back: symbolic link loop/);
  assert.match(r.stderr, /self\.pubtator: symbolic link loop/);
  assert.match(r.stdout, /^Checked 1 file,/m);
  assertNoStack(r.stderr);
});

test('an unreadable file (permission denied) is reported, exit 2; the others are checked', () => {
  // Root reads anything: run the CLI as nobody then.
  const asRoot = process.getuid?.() === 0;
  const dir = join(tmp.path, 'perm');
  mkdirSync(dir);
  chmodSync(tmp.path, 0o755);
  chmodSync(dir, 0o755);
  const secret = join(dir, 'secret.pubtator');
  const open = join(dir, 'open.pubtator');
  writeFileSync(secret, fixture('clean.pubtator'));
  writeFileSync(open, fixture('clean.pubtator'));
  chmodSync(secret, 0o000);
  chmodSync(open, 0o644);
  const r = run(['check', dir], asRoot ? { uid: 65534 } : {});
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /secret\.pubtator: permission denied/);
  assert.match(r.stdout, /^Checked 1 file,/m);
  assertNoStack(r.stderr);
});

test('binary junk: refused with exit 2, as binary data when it holds NUL bytes, else as not PubTator', () => {
  const binary = join(tmp.path, 'junk.pubtator');
  writeFileSync(binary, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256)));
  const r = run(['check', binary]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /junk\.pubtator: binary data/);
  const noNul = join(tmp.path, 'high.pubtator');
  writeFileSync(noNul, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i % 10 === 9 ? 10 : 128 + ((i * 13) % 128)))));
  const text = run(['check', noNul]);
  assert.equal(text.code, 2, text.stderr);
  assert.match(text.stderr, /high\.pubtator: not a PubTator file/);
  assertNoStack(text.stderr);
});

test('an empty file and stdin', () => {
  const empty = join(tmp.path, 'empty.pubtator');
  writeFileSync(empty, '');
  const r = run(['check', empty]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /^Checked 1 file, 0\.0 KB: 0 documents, 0 mentions, 0 relations\.$/m);
  const stdin = run(['check', '-'], { input: fixture('errors.pubtator') });
  assert.equal(stdin.code, 1);
  assert.match(stdin.stdout, /^-:4:6: error text-mismatch/m);
});

test('CRLF line ends and a BOM give the same diagnostics as plain LF', () => {
  const lf = diagnosticLines(run(['check', 'errors.pubtator']).stdout);
  const crlfPath = join(tmp.path, 'crlf.pubtator');
  writeFileSync(crlfPath, fixture('errors.pubtator').replace(/\n/g, '\r\n'));
  const crlf = diagnosticLines(run(['check', crlfPath]).stdout).map((l) => l.replace(crlfPath, 'errors.pubtator'));
  assert.deepEqual(crlf, lf);
  // A BOM shifts columns of the first line only; the fixture's diagnostics are further down.
  const bomPath = join(tmp.path, 'bom.pubtator');
  writeFileSync(bomPath, '\ufeff' + fixture('errors.pubtator').replace(/\n/g, '\r\n'));
  const bom = diagnosticLines(run(['check', bomPath]).stdout).map((l) => l.replace(bomPath, 'errors.pubtator'));
  assert.deepEqual(bom, lf);
});

test('usage: --help, --version, checks, and mistakes exit 2 with a hint', () => {
  const help = run(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /pubtator check/);
  assert.match(help.stdout, /"summary"/);
  const version = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
  assert.equal(run(['--version']).stdout, `${version}\n`);
  const checks = run(['checks']);
  assert.equal(checks.code, 0);
  for (const c of CHECKS) assert.match(checks.stdout, new RegExp(`^${c.code} +${c.defaultSeverity} `, 'm'));
  for (const argv of [[], ['check'], ['lint', 'x'], ['check', '--nope', 'x']]) {
    const r = run(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.stderr, /^pubtator: .+\nUsage: pubtator check\|stats\|compare\|schema\|checks \[options\] FILE_OR_FOLDER\.\.\.\nRun 'pubtator --help' for usage\.\n$/);
  }
});

test('a file that is not PubTator at all: one clear message, exit 2, the others checked', () => {
  const dir = join(tmp.path, 'not-pubtator');
  mkdirSync(dir);
  const csv = join(dir, 'table.csv');
  writeFileSync(csv, 'pmid,start,end,text\n1,0,5,hello\n2,3,4,x\n');
  const big = join(dir, 'notes.txt');
  writeFileSync(big, 'just some notes\n'.repeat(5000));
  const headed = join(dir, 'headed.pubtator');
  writeFileSync(headed, '##USE-MESH-VOCABULARY\n' + fixture('clean.pubtator'));
  const r = run(['check', csv, big, headed]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /table\.csv: not a PubTator file: 3 non-blank lines and not one ID\|t\|title line or annotation row/);
  assert.match(r.stderr, /notes\.txt: not a PubTator file: \d{4,}\+ non-blank lines/);
  assert.deepEqual(diagnosticLines(r.stdout).map((l) => l.replace(/^.*?:(\d+):\d+: (\w+) ([\w-]+).*$/, '$1 $3')), ['1 malformed-line'],
    'a stray header before real documents is still reported as a malformed line, and nothing of the other two files');
  assert.match(r.stdout, /^Checked 1 file,/m);
  assertNoStack(r.stderr);
});
