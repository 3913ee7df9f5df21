// Usage mistakes: the command or option meant, a value missing, negative
// numbers as values; each a usage (exit 2) with the usage line.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCommandLine } from '../../../server/src/cli/args';
import { joinNegativeValues, unknownCommand } from '../../../server/src/cli/usageErrors';
import { ensureBuilt, run } from './cliHarness';

before(ensureBuilt);

const message = (argv: string[]) => {
  const c = parseCommandLine(argv);
  return c.kind === 'usage' ? c.message : undefined;
};

test('unknown commands: the nearest command, else what to type for a path, else the list', () => {
  assert.equal(unknownCommand('chek'), "unknown command 'chek'; did you mean 'check'?");
  assert.equal(unknownCommand('Stats'), "unknown command 'Stats'; did you mean 'stats'?");
  assert.equal(unknownCommand('comapre'), "unknown command 'comapre'; did you mean 'compare'?");
  assert.equal(unknownCommand('samples/'), "unknown command 'samples/'; to check it: pubtator check samples/");
  assert.equal(unknownCommand('lint'), "unknown command 'lint'; the commands are check, stats, compare, schema, checks.");
  assert.equal(message(['chek', 'samples/']), "unknown command 'chek'; did you mean 'check'?");
});

test('unknown options and missing values, without parseArgs\' advice', () => {
  assert.equal(message(['check', '--frobnicate', 'x']), 'unknown option --frobnicate');
  assert.equal(message(['check', '--forma', 'json', 'x']), 'unknown option --forma; did you mean --format?');
  assert.equal(message(['check', '--max-warning', '3', 'x']), 'unknown option --max-warning; did you mean --max-warnings?');
  assert.equal(message(['check', '-x', 'x']), 'unknown option -x');
  assert.equal(message(['check', 'x', '--format']), '--format needs a value.');
  assert.equal(message(['check', '--json=yes', 'x']), '--json takes no value.');
  assert.equal(message(['check', '--max-warnings', '--json', 'x']), '--max-warnings needs a value.');
});

test('a negative number after an option that takes a value is its value', () => {
  assert.deepEqual(joinNegativeValues(['check', '--max-warnings', '-1', '-j', '-2', '--json', '-', '--', '--jobs', '-1'], {
    'max-warnings': { type: 'string' }, jobs: { type: 'string', short: 'j' }, json: { type: 'boolean' },
  }), ['check', '--max-warnings=-1', '-j-2', '--json', '-', '--', '--jobs', '-1']);
  const c = parseCommandLine(['check', '--max-warnings', '-1', 'x']);
  assert.equal(c.kind, 'check');
  assert.equal(c.kind === 'check' && c.maxWarnings, -1);
  assert.match(message(['check', '--max-warnings', '-2', 'x'])!, /--max-warnings takes a whole number \(0 or more; -1 for no limit\), not "-2"/);
  assert.match(message(['check', '-j', '-3', 'x'])!, /--jobs takes a number of threads from 1 to 256, not "-3"/);
});

test('the CLI prints the message, the usage line and the pointer to --help, exit 2', () => {
  const r = run(['chek', 'samples/']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, "pubtator: unknown command 'chek'; did you mean 'check'?\n"
    + 'Usage: pubtator check|stats|compare|schema|checks [options] FILE_OR_FOLDER...\n'
    + "Run 'pubtator --help' for usage.\n");
  const o = run(['check', '--frobnicate', 'clean.pubtator']);
  assert.equal(o.code, 2);
  assert.match(o.stderr, /^pubtator: unknown option --frobnicate\nUsage: /);
  assert.equal(run(['check', '--max-warnings', '-1', 'clean.pubtator']).code, 0);
});
