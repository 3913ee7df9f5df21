/* eslint-disable no-control-regex -- the tests look for terminal escapes */
// What a terminal gets: severities in colour (NO_COLOR, FORCE_COLOR, --color,
// --no-color as other tools), one number format, and the total size the
// progress bar counts against.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { paint, wantsColour } from '../../../server/src/cli/colour';
import { formatText } from '../../../server/src/cli/format';
import { count, plural } from '../../../server/src/cli/numbers';
import { parseCommandLine } from '../../../server/src/cli/args';
import { totalSize } from '../../../server/src/cli/progress';
import { Severity, lineRange, type Diagnostic } from '../../../server/src/service/types';
import { diagnosticLines, ensureBuilt, run } from './cliHarness';

before(ensureBuilt);

test('wantsColour: the flag first, then NO_COLOR, FORCE_COLOR, then a terminal that is not dumb', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  assert.equal(wantsColour(tty, {}), true);
  assert.equal(wantsColour(pipe, {}), false);
  assert.equal(wantsColour(tty, { NO_COLOR: '1' }), false);
  assert.equal(wantsColour(tty, { NO_COLOR: '' }), true);
  assert.equal(wantsColour(tty, { TERM: 'dumb' }), false);
  assert.equal(wantsColour(pipe, { FORCE_COLOR: '1' }), true);
  assert.equal(wantsColour(tty, { FORCE_COLOR: '0' }), false);
  assert.equal(wantsColour(pipe, { NO_COLOR: '1' }, true), true);
  assert.equal(wantsColour(tty, {}, false), false);
});

test('a coloured diagnostic differs only by the escapes around the severity word', () => {
  const d: Diagnostic = { range: lineRange(2, 4, 9), severity: Severity.Warning, code: 'duplicate-mention', message: 'Twice \x1b[31m', source: 'pubtator' };
  assert.equal(formatText('a.pubtator', d), 'a.pubtator:3:5: warning duplicate-mention Twice ?[31m');
  assert.equal(formatText('a.pubtator', d, true), 'a.pubtator:3:5: \x1b[33mwarning\x1b[0m duplicate-mention Twice ?[31m');
  assert.equal(paint('error', 'error', true), '\x1b[1;31merror\x1b[0m');
  assert.equal(paint('hint', 'x', false), 'x');
});

test('--color and --no-color parse; both at once is a usage error', () => {
  const on = parseCommandLine(['check', '--color', 'x']);
  assert.equal(on.kind === 'check' && on.color, true);
  const off = parseCommandLine(['check', '--no-color', 'x']);
  assert.equal(off.kind === 'check' && off.color, false);
  const auto = parseCommandLine(['check', 'x']);
  assert.equal(auto.kind === 'check' && auto.color, undefined);
  assert.equal(parseCommandLine(['check', '--color', '--no-color', 'x']).kind, 'usage');
});

test('one number format: thousands separators whatever the locale', () => {
  assert.equal(count(1342), '1,342');
  assert.equal(count(0), '0');
  assert.equal(plural(1, 'file'), '1 file');
  assert.equal(plural(1842, 'relation'), '1,842 relations');
  assert.equal(totalSize([{ size: 3 }, { size: 4 }]), 7);
  assert.equal(totalSize([{ size: 3 }, {}]), undefined);
});

test('the CLI: colour with --color or FORCE_COLOR, none through a pipe or with NO_COLOR', () => {
  const plain = run(['check', 'errors.pubtator']);
  assert.doesNotMatch(plain.stdout, /\x1b\[/);
  const forced = run(['check', '--color', 'errors.pubtator']);
  assert.match(forced.stdout, /: \x1b\[1;31merror\x1b\[0m /);
  assert.deepEqual(diagnosticLines(forced.stdout.replace(/\x1b\[[\d;]*m/g, '')), diagnosticLines(plain.stdout));
  assert.match(run(['check', 'errors.pubtator'], { env: { FORCE_COLOR: '1' } }).stdout, /\x1b\[1;31merror/);
  assert.doesNotMatch(run(['check', 'errors.pubtator'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout, /\x1b\[/);
  assert.doesNotMatch(run(['check', '--json', '--color', 'errors.pubtator']).stdout, /\x1b\[/);
});
